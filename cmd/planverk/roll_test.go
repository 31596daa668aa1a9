package main

import (
	"context"
	"strings"
	"testing"

	"planverk/cycle"
)

// planverk roll starts next year's plan and says in words what it made:
// from the approved release where there is one, from the draft where
// nothing was released; and it refuses, in words, a year that has its plan
// already or has nothing to start from.
func TestRoll(t *testing.T) {
	t.Parallel()
	for engine, db := range testDatabases(t) {
		t.Run(engine, func(t *testing.T) {
			t.Parallel()
			roll(t, db)
		})
	}
}

func roll(t *testing.T, db string) {
	for _, ex := range exampleFiles {
		if code, out, errOut := planverk(t, "import", "--db", db, ex); code != exitOK {
			t.Fatalf("import %s: exit %d\n%s%s", ex, code, out, errOut)
		}
	}
	// Driv's 2025 plan was approved outside planverk.
	ctx := context.Background()
	s, err := openStore(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.ReleaseImported(ctx, "driv", 2025, cycle.Approved); err != nil {
		t.Fatal(err)
	}
	s.Close()

	code, out, errOut := planverk(t, "roll", "--db", db, "--lang", "en", "driv", "2026")
	if code != exitOK {
		t.Fatalf("roll driv 2026: exit %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		"Started the plan for 2026 of", "a working draft (version 1) that only the programme's members read",
		"It starts from the approved version of 2025 (release 1), which stays as it is",
		"Carried forward: goals 2,", "Text sections marked for review:",
		"/programmes/driv/plans/2026/revision/edit",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("roll driv 2026 does not say %q:\n%s", want, out)
		}
	}
	code, out, _ = planverk(t, "roll", "--db", db, "--lang", "nn", "vest-telemark", "2026")
	if code != exitOK || !strings.Contains(out, "Starta planen for 2026 for") ||
		!strings.Contains(out, "Han byggjer på arbeidsutkastet for 2025: ingenting av 2025 vart frigjeve") {
		t.Errorf("roll vest-telemark 2026 in nynorsk: exit %d\n%s", code, out)
	}

	code, _, errOut = planverk(t, "roll", "--db", db, "--lang", "en", "driv", "2026")
	if code != exitFailed || !strings.Contains(errOut, "The programme has a plan for 2026 already.") {
		t.Errorf("a second roll: exit %d: %s", code, errOut)
	}
	code, _, errOut = planverk(t, "roll", "--db", db, "--lang", "en", "driv", "2030")
	if code != exitFailed || !strings.Contains(errOut, "2029") {
		t.Errorf("a roll from nothing: exit %d: %s", code, errOut)
	}
	if code, _, _ := planverk(t, "roll", "--db", db, "driv"); code != exitUnusable {
		t.Errorf("roll without a year: exit %d", code)
	}
	if code, _, _ := planverk(t, "roll", "--db", db, "driv", "next"); code != exitUnusable {
		t.Errorf("roll with a year that is not one: exit %d", code)
	}
	// The new plan is there to export, and 2025 is as it was.
	if code, out, errOut := planverk(t, "export", "--db", db, "driv", "2026"); code != exitOK || !strings.Contains(out, "year: 2026") {
		t.Errorf("export driv 2026: exit %d: %s", code, errOut)
	}
}
