package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestUserAddRefusesCommonPassword: the command line refuses a password
// on the list of common ones, and stores no user.
func TestUserAddRefusesCommonPassword(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "planverk.db")
	add := func(password string) (int, string) {
		var out, errOut bytes.Buffer
		code := run(context.Background(), []string{"user", "add", "--db", db, "--email", "kari@example.no", "--name", "Kari"},
			strings.NewReader(password+"\n"), &out, &errOut)
		return code, errOut.String()
	}
	if code, errOut := add("Sommer2025!"); code != exitUnusable || !strings.Contains(errOut, "too common") {
		t.Errorf("Sommer2025!: exit %d: %s", code, errOut)
	}
	if code, errOut := add("en lang og god setning"); code != exitOK {
		t.Errorf("a good password: exit %d: %s", code, errOut)
	}
}
