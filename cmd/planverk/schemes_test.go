package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The catalogue goes in as YAML and out as CSV and JSON; each format reads
// back without a change, and a mistake in a CSV cell names its line and
// column and imports nothing.
func TestSchemesImportExport(t *testing.T) {
	t.Parallel()
	for engine, db := range testDatabases(t) {
		t.Run(engine, func(t *testing.T) {
			t.Parallel()
			code, out, errOut := planverk(t, "schemes", "import", "--db", db, "../../examples/schemes.yaml")
			if code != exitOK || !strings.Contains(out, "30 scheme(s) read, 30 new or changed") {
				t.Fatalf("import: exit %d: %s%s", code, out, errOut)
			}
			dir := t.TempDir()
			for _, format := range []string{"csv", "json"} {
				file := filepath.Join(dir, "schemes."+format)
				if code, _, errOut := planverk(t, "schemes", "export", "--db", db, "--format", format, "-o", file); code != exitOK {
					t.Fatalf("export %s: %s", format, errOut)
				}
				code, out, errOut := planverk(t, "schemes", "import", "--db", db, file)
				if code != exitOK || !strings.Contains(out, "30 scheme(s) read, 0 new or changed") {
					t.Errorf("re-import of the %s export: exit %d: %s%s", format, code, out, errOut)
				}
			}
			csv, _ := os.ReadFile(filepath.Join(dir, "schemes.csv"))
			bad := filepath.Join(dir, "bad.csv")
			os.WriteFile(bad, []byte(strings.Replace(string(csv), "2026-11-23", "23.13.2026", 1)), 0o644)
			code, out, errOut = planverk(t, "schemes", "import", "--db", db, bad)
			if code != exitUnusable || !strings.Contains(errOut, "bad.csv:") || !strings.Contains(errOut, "checked:") {
				t.Errorf("a bad date: exit %d: %s%s", code, out, errOut)
			}
			wrong := filepath.Join(dir, "wrong.csv")
			os.WriteFile(wrong, []byte(strings.Replace(string(csv), "; loan", "; lån", 1)), 0o644)
			code, out, _ = planverk(t, "schemes", "import", "--db", db, wrong)
			if code != exitFailed || !strings.Contains(out, `"lån" is not`) {
				t.Errorf("an unknown kind: exit %d: %s", code, out)
			}
		})
	}
}
