package testdb

import (
	"strings"
	"testing"
)

// Parallel runs a test that has a database (and a server) of its own in
// parallel with the other such tests; fixtures call it, so that every test
// that makes one is parallel without saying so. -parallel (the number of
// CPUs by default) bounds how many run at once.
//
// A test that has set environment variables (t.Setenv) or changed
// directory (t.Chdir) before stays serial, as does one already parallel;
// t.Setenv after Parallel is refused by the testing package, so set them
// first. A benchmark is left as it is. A test that reads, after its t.Run
// calls, what subtests making fixtures did must group those subtests in one
// t.Run of their own: a parallel subtest returns from t.Run at once and runs
// after its parent's body.
func Parallel(t testing.TB) {
	tt, ok := t.(*testing.T)
	if !ok {
		return
	}
	defer func() {
		// Parallel panics, before it changes anything, when it is called
		// twice or after t.Setenv or t.Chdir.
		if r := recover(); r != nil {
			if msg, ok := r.(string); !ok || !strings.HasPrefix(msg, "testing: ") || !strings.Contains(msg, "t.Parallel") {
				panic(r)
			}
		}
	}()
	tt.Parallel()
}
