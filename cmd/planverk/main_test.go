package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"planverk/plan"
	"planverk/planfile"
	"planverk/store/postgres"
)

// planverk runs the command line in-process and returns its exit code and output.
func planverk(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

var exampleFiles = []string{"../../examples/driv-2025.yaml", "../../examples/vest-telemark-2025.yaml"}

func TestCheckExamplesPass(t *testing.T) {
	t.Parallel()
	code, out, errOut := planverk(t, append([]string{"check", "--lang", "en"}, exampleFiles...)...)
	if code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(errOut, "2 file(s): 0 error(s)") {
		t.Errorf("summary: %q", errOut)
	}
}

// writeChanged copies the Vest-Telemark example with one line changed and
// returns the copy's path and the changed line's number.
func writeChanged(t *testing.T, from, to string) (string, int) {
	t.Helper()
	b, err := os.ReadFile(exampleFiles[1])
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	for i, l := range lines {
		if strings.Contains(l, from) {
			lines[i] = strings.Replace(l, from, to, 1)
			p := filepath.Join(t.TempDir(), "changed.yaml")
			if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
				t.Fatal(err)
			}
			return p, i + 1
		}
	}
	t.Fatalf("%q not found in %s", from, exampleFiles[1])
	return "", 0
}

func TestCheckPointsAtChangedAmount(t *testing.T) {
	t.Parallel()
	// The 2026 amount of sub-goal 1: 5 000 000 in the printed plan.
	p, line := writeChanged(t, "5 000 000", "5 100 000")
	code, out, _ := planverk(t, "check", "--lang", "en", p)
	if code != exitFailed {
		t.Fatalf("exit %d, want 1\n%s", code, out)
	}
	want := fmt.Sprintf("%s:%d:", p, line)
	if !strings.Contains(out, want) || !strings.Contains(out, "error budget-sum") {
		t.Errorf("want a budget-sum error at %s, got:\n%s", want, out)
	}
}

func TestCheckMessagesInNynorsk(t *testing.T) {
	t.Parallel()
	p, _ := writeChanged(t, "5 000 000", "5 100 000")
	_, out, errOut := planverk(t, "check", "--lang", "nn", p)
	if !strings.Contains(out, "stemmer ikkje") || !strings.Contains(errOut, "feil") {
		t.Errorf("want nynorsk messages, got:\n%s%s", out, errOut)
	}
}

func TestCheckJSON(t *testing.T) {
	t.Parallel()
	p, line := writeChanged(t, "5 000 000", "5 100 000")
	code, out, _ := planverk(t, "check", "--format", "json", p)
	if code != exitFailed {
		t.Fatalf("exit %d", code)
	}
	var got []located
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	found := false
	for _, l := range got {
		if l.Line == line && l.Rule == "budget-sum" && l.Severity == "error" && l.File == p {
			found = true
		}
	}
	if !found {
		t.Errorf("no budget-sum error at line %d in %s", line, out)
	}
}

func TestCheckUnreadable(t *testing.T) {
	t.Parallel()
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("plan: [unclosed\n"), 0o644)
	if code, out, _ := planverk(t, "check", bad); code != exitUnusable || !strings.Contains(out, bad+":") {
		t.Errorf("syntax error: exit %d, output %q", code, out)
	}
	if code, out, _ := planverk(t, "check", "no-such-file.yaml"); code != exitUnusable || !strings.Contains(out, "no such file") {
		t.Errorf("missing file: exit %d, output %q", code, out)
	}
}

func TestUnknownFieldNamesAllowedFields(t *testing.T) {
	t.Parallel()
	p, line := writeChanged(t, "  language: nn", "  langauge: nn")
	code, out, _ := planverk(t, "check", "--lang", "en", p)
	if code != exitFailed || !strings.Contains(out, fmt.Sprintf(":%d:", line)) ||
		!strings.Contains(out, `unknown field "langauge"`) || !strings.Contains(out, "language") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

// Import, export and import again gives the same plan, and the second import
// is a new version of the same plan.
// On PostgreSQL too, where PLANVERK_TEST_POSTGRES names a server.
func TestImportExportRoundTrip(t *testing.T) {
	t.Parallel()
	for engine, db := range testDatabases(t) {
		t.Run(engine, func(t *testing.T) {
			t.Parallel()
			importExportRoundTrip(t, db)
		})
	}
}

// testDatabases returns a new database per engine the tests can reach: a
// SQLite file always, and a PostgreSQL database where PLANVERK_TEST_POSTGRES
// names a server.
func testDatabases(t *testing.T) map[string]string {
	t.Helper()
	dbs := map[string]string{"sqlite": filepath.Join(t.TempDir(), "planverk.db")}
	base := os.Getenv(postgres.TestURLVariable)
	if base == "" {
		t.Logf("%s is not set: PostgreSQL is not tested", postgres.TestURLVariable)
		return dbs
	}
	dsn, drop, err := postgres.CreateTestDatabase(context.Background(), base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := drop(); err != nil {
			t.Error(err)
		}
	})
	dbs["postgres"] = dsn
	return dbs
}

func importExportRoundTrip(t *testing.T, db string) {
	for _, ex := range exampleFiles {
		code, out, errOut := planverk(t, "import", "--db", db, ex)
		if code != exitOK || !strings.Contains(out, "version 1") {
			t.Fatalf("import %s: exit %d\n%s%s", ex, code, out, errOut)
		}
	}
	for _, c := range []struct{ programme, file string }{{"driv", exampleFiles[0]}, {"vest-telemark", exampleFiles[1]}} {
		exported := filepath.Join(t.TempDir(), c.programme+".yaml")
		if code, _, errOut := planverk(t, "export", "--db", db, "-o", exported, c.programme, "2025"); code != exitOK {
			t.Fatalf("export %s: exit %d: %s", c.programme, code, errOut)
		}
		orig := readPlan(t, c.file)
		// The example files leave measure IDs out; planverk gives each
		// measure YEAR-GOAL-NUMBER when it is first stored, and the export
		// writes them.
		plan.AssignMeasureIDs(orig, nil)
		again := readPlan(t, exported)
		if d := cmp.Diff(orig, again, cmpopts.EquateEmpty()); d != "" {
			t.Errorf("%s: exported plan differs (-imported +exported):\n%s", c.programme, d)
		}
		// The exported file says what the stored version says: no new version.
		code, out, _ := planverk(t, "import", "--lang", "en", "--db", db, exported)
		if code != exitOK || !strings.Contains(out, "unchanged") || !strings.Contains(out, "version 1") {
			t.Errorf("re-import %s: exit %d: %s", c.programme, code, out)
		}
	}
}

func readPlan(t *testing.T, name string) *plan.File {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := planfile.Read(name, b)
	if err != nil || doc.File == nil {
		t.Fatalf("%s: %v %+v", name, err, doc)
	}
	return doc.File
}

// A file with errors is refused whole, and the database keeps what it had.
func TestImportRefusesBadFile(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "planverk.db")
	if code, _, errOut := planverk(t, "import", "--db", db, exampleFiles[1]); code != exitOK {
		t.Fatalf("import: %s", errOut)
	}
	p, _ := writeChanged(t, "5 000 000", "5 100 000")
	code, _, errOut := planverk(t, "import", "--lang", "en", "--db", db, exampleFiles[0], p)
	if code != exitFailed || !strings.Contains(errOut, "not imported") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// Neither file was stored: Driv is still unknown, Vest-Telemark still version 1.
	if code, _, errOut := planverk(t, "export", "--db", db, "driv", "2025"); code != exitFailed || !strings.Contains(errOut, "driv") {
		t.Errorf("export driv after refused import: exit %d: %s", code, errOut)
	}
	if code, _, _ := planverk(t, "export", "--db", db, "--version", "2", "vest-telemark", "2025"); code != exitFailed {
		t.Errorf("a refused import created version 2")
	}
	if code, out, _ := planverk(t, "export", "--db", db, "vest-telemark", "2025"); code != exitOK || !strings.Contains(out, "2026: 5000000") {
		t.Errorf("the stored plan changed: exit %d", code)
	}
}

func TestExportUnknownProgramme(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "planverk.db")
	code, _, errOut := planverk(t, "export", "--db", db, "nowhere", "2025")
	if code != exitFailed || !strings.Contains(errOut, "nowhere") {
		t.Errorf("exit %d: %q", code, errOut)
	}
	if code, _, _ := planverk(t, "export", "--db", db, "nowhere", "twenty"); code != exitUnusable {
		t.Errorf("bad year: exit %d", code)
	}
}
