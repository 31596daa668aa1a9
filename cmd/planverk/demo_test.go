package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestDemoGenerate: planverk demo generate fills a new database and says
// what it made, reports included, and how long it took, the same for the
// same seed; run again over it, or over a
// database with real plans, it refuses and says why.
func TestDemoGenerate(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "synthetic.db")
	code, out, errOut := planverk(t, "demo", "generate", "--db", db, "--quiet", "--seed", "3",
		"--programmes", "4", "--years", "2", "--measures", "40", "--schemes", "10", "--projects", "8", "--reports", "50")
	if code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{"4 programmes, 8 plans", "40 measures", "10 support schemes, 8 projects", "50 project reports"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	// The same seed and sizes make the same data set, reports and the
	// jobs they count included.
	again := filepath.Join(t.TempDir(), "again.db")
	_, out2, _ := planverk(t, "demo", "generate", "--db", again, "--quiet", "--seed", "3",
		"--programmes", "4", "--years", "2", "--measures", "40", "--schemes", "10", "--projects", "8", "--reports", "50")
	if made, made2 := out[strings.Index(out, "\n"):], out2[strings.Index(out2, "\n"):]; made != made2 {
		t.Errorf("the same seed made\n%s\nand then\n%s", made, made2)
	}
	code, _, errOut = planverk(t, "demo", "generate", "--db", db, "--programmes", "1")
	if code != exitFailed || !strings.Contains(errOut, "refused: the database already holds a synthetic data set") {
		t.Errorf("over a synthetic database: exit %d, %s", code, errOut)
	}
	real := filepath.Join(t.TempDir(), "real.db")
	if code, out, errOut := planverk(t, append([]string{"import", "--db", real}, exampleFiles...)...); code != exitOK {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	code, _, errOut = planverk(t, "demo", "generate", "--db", real, "--programmes", "1")
	if code != exitFailed || !strings.Contains(errOut, "not synthetic") {
		t.Errorf("over real plans: exit %d, %s", code, errOut)
	}
}
