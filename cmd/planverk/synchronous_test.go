package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A mistyped --sqlite-synchronous stops serve before it starts, rather than
// leaving the operator on a setting they did not choose.
func TestServeRefusesUnknownSynchronous(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "planverk.db")
	code, _, errOut := planverk(t, "serve", "--addr", "127.0.0.1:0", "--db", db, "--sqlite-synchronous", "fast")
	if code != exitUnusable || !strings.Contains(errOut, "normal or full") {
		t.Errorf("exit %d, %q", code, errOut)
	}
}
