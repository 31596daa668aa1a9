package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
)

// Token prefixes in use. The prefix tells a person (and a secret scanner)
// what a leaked token is for, without saying anything about its value.
const (
	PrefixAPIToken   = "pvk"
	PrefixInvitation = "inv"
)

// tokenBytes is the amount of randomness in a token: 256 bits, so a token
// cannot be guessed and its hash needs no salt or slow hashing.
const tokenBytes = 32

// NewToken returns a new random bearer token and the hash to store for it.
// plain is prefix + "_" + 32 random bytes in unpadded base64url, e.g.
// "pvk_…" for an API token or "inv_…" for an invitation; show it to the
// user once and keep only hash. The prefix must be 1 to 16 lower-case ASCII
// letters or digits, so that it can be told from the random part.
func NewToken(prefix string) (plain, hash string, err error) {
	if err := checkTokenPrefix(prefix); err != nil {
		return "", "", fmt.Errorf("new token: %w", err)
	}
	body, err := randomString(tokenBytes)
	if err != nil {
		return "", "", fmt.Errorf("new token: %w", err)
	}
	plain = prefix + "_" + body
	return plain, HashToken(plain), nil
}

// HashToken returns the hex SHA-256 of a token as the user presents it,
// prefix included. Tokens carry enough randomness that a fast hash is safe,
// and a fast hash lets the store look a token up by its hash.
func HashToken(plain string) string {
	sum := sha256.Sum256([]byte(plain))
	return hex.EncodeToString(sum[:])
}

func checkTokenPrefix(prefix string) error {
	if prefix == "" || len(prefix) > 16 {
		return fmt.Errorf("token prefix %q must be 1 to 16 characters", prefix)
	}
	for _, r := range prefix {
		if !('a' <= r && r <= 'z' || '0' <= r && r <= '9') {
			return fmt.Errorf("token prefix %q may hold only a-z and 0-9", prefix)
		}
	}
	return nil
}

// randomString returns n random bytes in unpadded base64url: safe in URLs,
// cookies and headers without escaping.
func randomString(n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("read random bytes: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}
