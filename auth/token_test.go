package auth

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"testing"
)

func TestNewToken(t *testing.T) {
	for _, prefix := range []string{PrefixAPIToken, PrefixInvitation, "x", "abc123"} {
		t.Run(prefix, func(t *testing.T) {
			plain, hash, err := NewToken(prefix)
			if err != nil {
				t.Fatal(err)
			}
			body, ok := strings.CutPrefix(plain, prefix+"_")
			if !ok {
				t.Fatalf("token %q does not start with %q", plain, prefix+"_")
			}
			raw, err := base64.RawURLEncoding.Strict().DecodeString(body)
			if err != nil {
				t.Fatalf("token body %q is not unpadded base64url: %v", body, err)
			}
			if len(raw) != 32 {
				t.Errorf("token holds %d random bytes, want 32", len(raw))
			}
			if hash != HashToken(plain) {
				t.Errorf("hash %q, want HashToken(plain) %q", hash, HashToken(plain))
			}
			if strings.Contains(hash, body) {
				t.Error("hash contains the token")
			}
		})
	}
}

func TestNewTokenUnique(t *testing.T) {
	seen := make(map[string]bool)
	for range 1000 {
		plain, hash, err := NewToken(PrefixAPIToken)
		if err != nil {
			t.Fatal(err)
		}
		if seen[plain] || seen[hash] {
			t.Fatalf("token %q repeated", plain)
		}
		seen[plain], seen[hash] = true, true
	}
}

func TestNewTokenBadPrefix(t *testing.T) {
	for _, prefix := range []string{"", "pvk_", "Pvk", "a-b", "æøå", "a b", strings.Repeat("a", 17)} {
		plain, hash, err := NewToken(prefix)
		if err == nil {
			t.Errorf("NewToken(%q) = %q, %q; want an error", prefix, plain, hash)
			continue
		}
		if plain != "" || hash != "" {
			t.Errorf("NewToken(%q) returned a token with its error", prefix)
		}
		if !strings.HasPrefix(err.Error(), "new token: ") {
			t.Errorf("error %q lacks context", err)
		}
	}
}

func TestHashToken(t *testing.T) {
	tests := []struct {
		plain, want string
	}{
		// Known answers: echo -n … | sha256sum.
		{"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
		{"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
	}
	for _, tt := range tests {
		if got := HashToken(tt.plain); got != tt.want {
			t.Errorf("HashToken(%q) = %s, want %s", tt.plain, got, tt.want)
		}
	}
	plain := "pvk_" + strings.Repeat("A", 43)
	sum := sha256.Sum256([]byte(plain))
	if got, want := HashToken(plain), hex.EncodeToString(sum[:]); got != want {
		t.Errorf("HashToken hashes more or less than the whole token: %s, want %s", got, want)
	}
	if HashToken("pvk_x") == HashToken("inv_x") {
		t.Error("the prefix is not part of the hash")
	}
}
