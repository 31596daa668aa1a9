package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A plan of a programme without anchoring or approval: publishing it is
// the programme's own decision.
const plainPlan = `planverk: 1
programme:
  id: enkel
  kind: other
  name: Enkel
  period: {from: 2025, to: 2026}
plan:
  year: 2025
  title: Handlingsplan 2025
  language: nb
  budgets:
    - id: b
      title: B
      years: [2025]
      lines:
        - id: l
          label: L
          amounts:
            2025: 1 000 000 kr
`

// Import says whether the plan is published and how to publish it; a second
// import of the same file makes no version; publish and import --publish
// open the plan, and a programme that publishes by its proposal is refused
// with the reason the browser gives.
func TestImportPublishAndUnchanged(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "planverk.db")
	p := filepath.Join(t.TempDir(), "enkel.yaml")
	if err := os.WriteFile(p, []byte(plainPlan), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := planverk(t, "import", "--lang", "en", "--db", db, p)
	if code != exitOK || !strings.Contains(out, "version 1") || !strings.Contains(out, "not published: visitors cannot see it; publish it with planverk publish enkel 2025") {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = planverk(t, "import", "--lang", "en", "--db", db, p)
	if code != exitOK || !strings.Contains(out, "enkel 2025 unchanged") || !strings.Contains(out, "no new version") {
		t.Fatalf("second import: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut = planverk(t, "publish", "--lang", "en", "--db", db, "enkel", "2025"); code != exitOK || !strings.Contains(out, "published enkel 2025") {
		t.Fatalf("publish: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, _ = planverk(t, "import", "--lang", "en", "--db", db, p); !strings.Contains(out, "published: visitors can read enkel 2025") {
		t.Errorf("import after publish: exit %d\n%s", code, out)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(plainPlan, "2025: 1 000 000 kr", "2025: 3.500.000,-", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, _ = planverk(t, "import", "--lang", "en", "--db", db, p); code != exitOK || !strings.Contains(out, "version 2") || !strings.Contains(out, "published: visitors can read") {
		t.Errorf("changed import of a published plan: exit %d\n%s", code, out)
	}

	// Vest-Telemark is anchored and approved: it publishes by its proposal.
	code, _, errOut = planverk(t, "import", "--publish", "--lang", "en", "--db", db, exampleFiles[1])
	if code != exitFailed || !strings.Contains(errOut, "not published") || !strings.Contains(errOut, "released when it is proposed") {
		t.Errorf("import --publish of an anchored plan: exit %d\n%s", code, errOut)
	}
	code, _, errOut = planverk(t, "publish", "--lang", "en", "--db", db, "vest-telemark", "2025")
	if code != exitFailed || !strings.Contains(errOut, "released when it is proposed") {
		t.Errorf("publish of an anchored plan: exit %d\n%s", code, errOut)
	}
}

// import --publish opens a plan that may be published at once.
func TestImportWithPublish(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "planverk.db")
	p := filepath.Join(t.TempDir(), "enkel.yaml")
	if err := os.WriteFile(p, []byte(plainPlan), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := planverk(t, "import", "--publish", "--lang", "en", "--db", db, p)
	if code != exitOK || !strings.Contains(out, "published: visitors can read enkel 2025") {
		t.Fatalf("import --publish: exit %d\n%s%s", code, out, errOut)
	}
}
