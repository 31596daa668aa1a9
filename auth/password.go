package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
	"golang.org/x/text/unicode/norm"
)

// Password length limits. The minimum follows NIST SP 800-63B for passwords
// chosen by the user; the maximum only keeps a request from making the server
// hash megabytes, and is far above anything a person types.
const (
	MinPasswordRunes = 10
	MaxPasswordBytes = 1024
)

// Password error codes: stable identifiers the web layer translates into a
// message in the user's language. Never change a code once shipped.
const (
	CodePasswordTooShort = "password_too_short"
	CodePasswordTooLong  = "password_too_long"
	CodePasswordNotUTF8  = "password_not_utf8"
	CodePasswordCommon   = "password_common"
)

// PasswordError is a password the user must change before it can be used.
// Limit is the bound that was broken (runes or bytes), for the message.
type PasswordError struct {
	Code    string
	Limit   int
	Message string
}

func (e *PasswordError) Error() string { return e.Message }

// The errors ValidatePassword returns; compare with errors.Is.
var (
	ErrPasswordTooShort = &PasswordError{
		Code:    CodePasswordTooShort,
		Limit:   MinPasswordRunes,
		Message: fmt.Sprintf("password must be at least %d characters", MinPasswordRunes),
	}
	ErrPasswordTooLong = &PasswordError{
		Code:    CodePasswordTooLong,
		Limit:   MaxPasswordBytes,
		Message: fmt.Sprintf("password must be at most %d bytes", MaxPasswordBytes),
	}
	ErrPasswordNotUTF8 = &PasswordError{
		Code:    CodePasswordNotUTF8,
		Message: "password is not valid UTF-8",
	}
	ErrPasswordCommon = &PasswordError{
		Code:    CodePasswordCommon,
		Message: "password is too common: it is on the lists attackers try first",
	}
)

// ValidatePassword checks a new password against the length rules and the
// bundled list of common and breached passwords (IsCommonPassword), as NIST
// SP 800-63B advises. It does not judge composition (no "one digit, one
// capital"): NIST advises against such rules, and length is what makes a
// password hard to guess.
// Length is counted in characters after NFKC normalisation, the form in
// which the password is hashed, so "å" counts once however it was typed.
func ValidatePassword(pw string) error {
	if len(pw) > MaxPasswordBytes {
		return ErrPasswordTooLong
	}
	if !utf8.ValidString(pw) {
		return ErrPasswordNotUTF8
	}
	if utf8.RuneCountInString(norm.NFKC.String(pw)) < MinPasswordRunes {
		return ErrPasswordTooShort
	}
	if IsCommonPassword(pw) {
		return ErrPasswordCommon
	}
	return nil
}

// argon2Params are the cost parameters of one argon2id hash. They are
// written into the encoded hash, so a hash is always checked with the
// parameters it was made with.
type argon2Params struct {
	memory  uint32 // KiB
	time    uint32 // passes
	threads uint8
	saltLen int
	keyLen  int
}

// defaultParams are the parameters new hashes get: 64 MiB, 3 passes, 2
// lanes, about the second recommended option of RFC 9106 scaled to a small
// server. Raise them here; old hashes still check, and NeedsRehash reports
// them so they can be upgraded at the next successful log-in.
var defaultParams = argon2Params{memory: 64 * 1024, time: 3, threads: 2, saltLen: 16, keyLen: 32}

// PasswordCheckBytes is the memory one HashPassword or CheckPassword of a
// hash made with the current parameters takes: what a server budgets per
// password check it lets run at once.
func PasswordCheckBytes() int64 { return int64(defaultParams.memory) * 1024 }

// Bounds on parameters read from a stored hash. A damaged or hostile row in
// the database must not make one log-in allocate gigabytes or run for
// minutes.
const (
	maxMemoryKiB = 1024 * 1024 // 1 GiB
	maxTime      = 32
	minSaltLen   = 8
	minKeyLen    = 16
)

const argon2Prefix = "$argon2id$"

// HashPassword hashes pw with argon2id and a fresh random salt, and returns
// it as a PHC string:
//
//	$argon2id$v=19$m=65536,t=3,p=2$<salt>$<hash>
//
// with salt and hash in unpadded standard base64. The password is
// normalised to NFKC first, so that the same password typed on different
// systems (precomposed "å" or "a" with a combining ring) hashes the same.
// HashPassword does not validate pw; call ValidatePassword for new passwords.
func HashPassword(pw string) (string, error) {
	return hashPassword(pw, defaultParams)
}

func hashPassword(pw string, p argon2Params) (string, error) {
	salt := make([]byte, p.saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("hash password: read salt: %w", err)
	}
	key := argon2.IDKey(normalisePassword(pw), salt, p.time, p.memory, p.threads, uint32(p.keyLen))
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("%sv=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2Prefix, argon2.Version, p.memory, p.time, p.threads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// CheckPassword reports whether pw is the password encoded was made from.
// A wrong password is (false, nil); an error means encoded is not a hash
// this package can check, which is a fault in the stored data, not a wrong
// password. The comparison takes the same time wherever the hashes differ.
func CheckPassword(encoded, pw string) (bool, error) {
	p, salt, key, err := decodeHash(encoded)
	if err != nil {
		return false, fmt.Errorf("check password: %w", err)
	}
	got := argon2.IDKey(normalisePassword(pw), salt, p.time, p.memory, p.threads, uint32(len(key)))
	return subtle.ConstantTimeCompare(got, key) == 1, nil
}

// NeedsRehash reports whether encoded was made with parameters other than
// the ones HashPassword uses now (or cannot be read at all). Call it after a
// successful CheckPassword and store a fresh HashPassword of the same
// password when it says so.
func NeedsRehash(encoded string) bool {
	p, salt, key, err := decodeHash(encoded)
	if err != nil {
		return true
	}
	d := defaultParams
	return p.memory != d.memory || p.time != d.time || p.threads != d.threads ||
		len(salt) != d.saltLen || len(key) != d.keyLen
}

func normalisePassword(pw string) []byte {
	return []byte(norm.NFKC.String(pw))
}

// errMalformedHash is wrapped by every decoding error, so callers can tell a
// damaged hash from other failures.
var errMalformedHash = errors.New("malformed argon2id hash")

// decodeHash parses a PHC string made by hashPassword, strictly: exactly the
// fields and order HashPassword writes, and parameters within bounds.
func decodeHash(encoded string) (p argon2Params, salt, key []byte, err error) {
	fail := func(format string, args ...any) (argon2Params, []byte, []byte, error) {
		return argon2Params{}, nil, nil, fmt.Errorf("%w: %s", errMalformedHash, fmt.Sprintf(format, args...))
	}
	// "", "argon2id", "v=19", "m=…,t=…,p=…", salt, hash
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[0] != "" {
		return fail("want 5 fields separated by '$', got %d", len(parts)-1)
	}
	if parts[1] != "argon2id" {
		return fail("algorithm %q, want argon2id", parts[1])
	}
	if parts[2] != "v="+strconv.Itoa(argon2.Version) {
		return fail("version %q, want v=%d", parts[2], argon2.Version)
	}
	params := strings.Split(parts[3], ",")
	if len(params) != 3 {
		return fail("parameters %q, want m=…,t=…,p=…", parts[3])
	}
	var vals [3]uint64
	for i, name := range []string{"m", "t", "p"} {
		v, ok := strings.CutPrefix(params[i], name+"=")
		if !ok {
			return fail("parameter %d is %q, want %s=…", i+1, params[i], name)
		}
		n, perr := strconv.ParseUint(v, 10, 32)
		if perr != nil {
			return fail("parameter %s: %v", name, perr)
		}
		vals[i] = n
	}
	m, t, threads := vals[0], vals[1], vals[2]
	switch {
	case t < 1 || t > maxTime:
		return fail("t=%d out of range 1…%d", t, maxTime)
	case threads < 1 || threads > 255:
		return fail("p=%d out of range 1…255", threads)
	case m < 8*threads || m > maxMemoryKiB:
		return fail("m=%d out of range %d…%d", m, 8*threads, maxMemoryKiB)
	}
	b64 := base64.RawStdEncoding.Strict()
	if salt, err = b64.DecodeString(parts[4]); err != nil {
		return fail("salt: %v", err)
	}
	if key, err = b64.DecodeString(parts[5]); err != nil {
		return fail("hash: %v", err)
	}
	if len(salt) < minSaltLen {
		return fail("salt of %d bytes, want at least %d", len(salt), minSaltLen)
	}
	if len(key) < minKeyLen {
		return fail("hash of %d bytes, want at least %d", len(key), minKeyLen)
	}
	p = argon2Params{memory: uint32(m), time: uint32(t), threads: uint8(threads), saltLen: len(salt), keyLen: len(key)}
	return p, salt, key, nil
}
