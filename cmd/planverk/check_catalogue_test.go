package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckCatalogueFiles: a catalogue and a glossary given to check are
// checked as what they are, with a note saying so; a catalogue's own
// problems fail the check; import refuses them, saying where they go.
func TestCheckCatalogueFiles(t *testing.T) {
	t.Parallel()
	code, out, errOut := planverk(t, "check", "--lang", "en", "../../examples/schemes.yaml", "../../examples/glossary.yaml")
	if code != exitOK || !strings.Contains(out, "note file-kind: not a plan but a catalogue of support schemes") ||
		!strings.Contains(out, "note file-kind: not a plan but the support schemes' glossary") {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
	bad := filepath.Join(t.TempDir(), "schemes.yaml")
	b, err := os.ReadFile("../../examples/schemes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte(strings.Replace(string(b), "areas: [norge]", "areas: [atlantis]", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ = planverk(t, "check", "--lang", "en", bad)
	if code != exitFailed || !strings.Contains(out, "“atlantis” is not a county or a municipality of Norway") {
		t.Errorf("exit %d\n%s", code, out)
	}
	code, _, errOut = planverk(t, "import", "--lang", "en", "--db", filepath.Join(t.TempDir(), "x.db"), "../../examples/glossary.yaml")
	if code != exitFailed || !strings.Contains(errOut, "planverk schemes import") {
		t.Errorf("import of a glossary: exit %d\n%s", code, errOut)
	}
}
