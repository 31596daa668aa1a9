package web

import (
	"os"
	"testing"

	"planverk/e2e"
	"planverk/store/testdb"
)

// TestMain drops the template databases the fixtures were copied from, and
// stops the Chromium the browser tests of the package shared.
func TestMain(m *testing.M) {
	code := testdb.Run(m)
	e2e.StopChromium()
	os.Exit(code)
}
