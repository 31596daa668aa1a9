package e2e_test

import (
	"fmt"
	"os"
	"testing"

	"planverk/e2e"
	"planverk/store/testdb"
)

// TestMain runs the tests of the package, the kit's own among them, and
// then stops the package's Chromium, drops the template databases the
// servers' databases were copied from, and removes the binary they ran.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "planverk-e2e-*")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binDir = dir
	code := testdb.Run(m)
	e2e.StopChromium()
	os.RemoveAll(dir)
	os.Exit(code)
}
