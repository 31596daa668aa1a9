package auth

import (
	"errors"
	"regexp"
	"strings"
	"testing"
)

// cheapParams keep the tests fast under the race detector; CheckPassword
// reads the parameters from the hash, so these check like real ones.
var cheapParams = argon2Params{memory: 64, time: 1, threads: 1, saltLen: 16, keyLen: 32}

func cheapHash(t *testing.T, pw string) string {
	t.Helper()
	h, err := hashPassword(pw, cheapParams)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestHashPasswordFormat(t *testing.T) {
	h, err := HashPassword("korrekt hest batteri stift")
	if err != nil {
		t.Fatal(err)
	}
	// 16 bytes of salt are 22 characters, 32 bytes of key 43, unpadded.
	re := regexp.MustCompile(`^\$argon2id\$v=19\$m=65536,t=3,p=2\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$`)
	if !re.MatchString(h) {
		t.Fatalf("HashPassword = %q, want %s", h, re)
	}
	ok, err := CheckPassword(h, "korrekt hest batteri stift")
	if err != nil || !ok {
		t.Fatalf("CheckPassword(right) = %v, %v; want true, nil", ok, err)
	}
	ok, err = CheckPassword(h, "korrekt hest batteri stifT")
	if err != nil || ok {
		t.Fatalf("CheckPassword(wrong) = %v, %v; want false, nil", ok, err)
	}
	if NeedsRehash(h) {
		t.Error("NeedsRehash(fresh hash) = true")
	}
}

func TestHashPasswordSalted(t *testing.T) {
	a, b := cheapHash(t, "samme passord"), cheapHash(t, "samme passord")
	if a == b {
		t.Fatalf("two hashes of one password are equal: %q", a)
	}
}

func TestCheckPassword(t *testing.T) {
	const pw = "Blåbærsyltetøy på vaffel"
	h := cheapHash(t, pw)
	tests := []struct {
		name string
		pw   string
		want bool
	}{
		{"same", pw, true},
		{"other", "Blåbærsyltetøy på vaffel!", false},
		{"empty", "", false},
		{"case", strings.ToLower(pw), false},
		// "å" as "a" + combining ring above (as some systems type it) and
		// "æ"/"ø" unchanged: the same password after NFKC.
		{"decomposed å", "Bla\u030abærsyltetøy pa\u030a vaffel", true},
		{"prefix", pw[:10], false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CheckPassword(h, tt.pw)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("CheckPassword(%q) = %v, want %v", tt.pw, got, tt.want)
			}
		})
	}
}

// TestCheckPasswordOtherParameters: a hash made with other parameters (as
// after a change of defaults) still checks, and is reported for rehash.
func TestCheckPasswordOtherParameters(t *testing.T) {
	for _, p := range []argon2Params{
		{memory: 32, time: 2, threads: 4, saltLen: 8, keyLen: 16},
		{memory: 128, time: 1, threads: 1, saltLen: 32, keyLen: 64},
	} {
		h, err := hashPassword("gammalt passord", p)
		if err != nil {
			t.Fatal(err)
		}
		if ok, err := CheckPassword(h, "gammalt passord"); err != nil || !ok {
			t.Errorf("CheckPassword(%s) = %v, %v; want true, nil", h, ok, err)
		}
		if ok, err := CheckPassword(h, "nytt passord"); err != nil || ok {
			t.Errorf("CheckPassword(%s, wrong) = %v, %v; want false, nil", h, ok, err)
		}
		if !NeedsRehash(h) {
			t.Errorf("NeedsRehash(%s) = false, want true", h)
		}
	}
}

func TestCheckPasswordMalformed(t *testing.T) {
	good := cheapHash(t, "passordet mitt")
	parts := strings.Split(good, "$") // "", alg, v, params, salt, hash
	salt, key := parts[4], parts[5]
	tests := []struct {
		name    string
		encoded string
	}{
		{"empty", ""},
		{"plain text", "passordet mitt"},
		{"bcrypt", "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"},
		{"argon2i", "$argon2i$v=19$m=64,t=1,p=1$" + salt + "$" + key},
		{"no version", "$argon2id$m=64,t=1,p=1$" + salt + "$" + key},
		{"version 16", "$argon2id$v=16$m=64,t=1,p=1$" + salt + "$" + key},
		{"params out of order", "$argon2id$v=19$t=1,m=64,p=1$" + salt + "$" + key},
		{"missing param", "$argon2id$v=19$m=64,t=1$" + salt + "$" + key},
		{"extra param", "$argon2id$v=19$m=64,t=1,p=1,k=2$" + salt + "$" + key},
		{"not a number", "$argon2id$v=19$m=6x,t=1,p=1$" + salt + "$" + key},
		{"negative", "$argon2id$v=19$m=64,t=-1,p=1$" + salt + "$" + key},
		{"t zero", "$argon2id$v=19$m=64,t=0,p=1$" + salt + "$" + key},
		{"t huge", "$argon2id$v=19$m=64,t=1000,p=1$" + salt + "$" + key},
		{"p zero", "$argon2id$v=19$m=64,t=1,p=0$" + salt + "$" + key},
		{"p too big", "$argon2id$v=19$m=65536,t=1,p=256$" + salt + "$" + key},
		{"m below 8p", "$argon2id$v=19$m=8,t=1,p=2$" + salt + "$" + key},
		{"m 4 GiB", "$argon2id$v=19$m=4194304,t=1,p=1$" + salt + "$" + key},
		{"m overflows", "$argon2id$v=19$m=99999999999,t=1,p=1$" + salt + "$" + key},
		{"salt not base64", "$argon2id$v=19$m=64,t=1,p=1$***$" + key},
		{"salt padded", "$argon2id$v=19$m=64,t=1,p=1$" + salt + "==$" + key},
		{"salt short", "$argon2id$v=19$m=64,t=1,p=1$AAAA$" + key},
		{"hash short", "$argon2id$v=19$m=64,t=1,p=1$" + salt + "$AAAA"},
		{"hash empty", "$argon2id$v=19$m=64,t=1,p=1$" + salt + "$"},
		{"trailing field", good + "$x"},
		{"leading text", "x" + good},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, err := CheckPassword(tt.encoded, "passordet mitt")
			if err == nil || ok {
				t.Fatalf("CheckPassword(%q) = %v, %v; want false and an error", tt.encoded, ok, err)
			}
			if !errors.Is(err, errMalformedHash) {
				t.Errorf("error %v does not wrap errMalformedHash", err)
			}
			if !strings.HasPrefix(err.Error(), "check password: ") {
				t.Errorf("error %q lacks context", err)
			}
			if !NeedsRehash(tt.encoded) {
				t.Error("NeedsRehash(malformed) = false")
			}
		})
	}
}

func TestValidatePassword(t *testing.T) {
	tests := []struct {
		name string
		pw   string
		want error
	}{
		{"empty", "", ErrPasswordTooShort},
		{"9 characters", "123456789", ErrPasswordTooShort},
		{"10 characters", "tre katter", nil},
		{"10 common characters", "1234567890", ErrPasswordCommon},
		// 10 runes, 15 bytes: counted as characters, not bytes.
		{"10 Norwegian characters", "æøåæøåabcd", nil},
		{"9 Norwegian characters", "æøåæøåabc", ErrPasswordTooShort},
		// "a" + combining ring is one character after NFKC.
		{"decomposed å counts once", "a\u030aa\u030aa\u030aa\u030aa\u030aa\u030a", ErrPasswordTooShort},
		{"spaces count", " a  b  c  ", nil},
		{"only spaces are common", "          ", ErrPasswordCommon},
		{"1024 bytes", strings.Repeat("x", 1023) + "y", nil},
		{"1025 bytes", strings.Repeat("x", 1025), ErrPasswordTooLong},
		{"513 two-byte characters", strings.Repeat("ø", 513), ErrPasswordTooLong},
		{"invalid UTF-8", "passord\xff\xfe123", ErrPasswordNotUTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidatePassword(tt.pw)
			if !errors.Is(err, tt.want) || (err == nil) != (tt.want == nil) {
				t.Fatalf("ValidatePassword = %v, want %v", err, tt.want)
			}
		})
	}
}

// TestPasswordErrorCodes pins the codes: the web layer's translations are
// keyed by them.
func TestPasswordErrorCodes(t *testing.T) {
	tests := []struct {
		pw        string
		code      string
		limit     int
		message   string
		errTarget error
	}{
		{"kort", "password_too_short", 10, "password must be at least 10 characters", ErrPasswordTooShort},
		{strings.Repeat("x", 2000), "password_too_long", 1024, "password must be at most 1024 bytes", ErrPasswordTooLong},
		{"\xff", "password_not_utf8", 0, "password is not valid UTF-8", ErrPasswordNotUTF8},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			err := ValidatePassword(tt.pw)
			var pe *PasswordError
			if !errors.As(err, &pe) {
				t.Fatalf("ValidatePassword = %v (%T), want *PasswordError", err, err)
			}
			if pe.Code != tt.code || pe.Limit != tt.limit || pe.Error() != tt.message {
				t.Errorf("got {%q %d %q}, want {%q %d %q}", pe.Code, pe.Limit, pe.Error(), tt.code, tt.limit, tt.message)
			}
		})
	}
}
