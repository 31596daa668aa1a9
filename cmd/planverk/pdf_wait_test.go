package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A --pdf-wait of nothing or less stops serve before it starts: every PDF
// would otherwise get the waiting page at once, or never.
func TestServeRefusesBadPDFWait(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "planverk.db")
	for _, v := range []string{"0s", "-2s"} {
		code, _, errOut := planverk(t, "serve", "--addr", "127.0.0.1:0", "--db", db, "--pdf-wait", v)
		if code != exitUnusable || !strings.Contains(errOut, "--pdf-wait must be a positive duration") {
			t.Errorf("--pdf-wait %s: exit %d, %q", v, code, errOut)
		}
	}
}
