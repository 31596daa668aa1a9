package storetest

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"planverk/plan"
	"planverk/store"
)

// measureIDs lists a plan's measure IDs by "goal.number".
func measureIDs(f *plan.File) map[string]string {
	out := map[string]string{}
	for _, g := range f.Plan.Goals {
		for _, m := range g.Measures {
			out[strconv.Itoa(g.Number)+"."+strconv.Itoa(m.Number)] = m.ID
		}
	}
	return out
}

// A measure keeps its identity through re-imports, edits that rebuild it,
// renumbering and moves, and into next year's plan; a new one gets a new one.
func (e engine) testMeasureIdentity(t *testing.T) {
	ctx := context.Background()
	s := e.openTest(t)
	f := RichFile()
	for gi := range f.Plan.Goals {
		for mi := range f.Plan.Goals[gi].Measures {
			f.Plan.Goals[gi].Measures[mi].ID = ""
		}
	}
	save(t, s, f)
	got, _ := load(t, s, "vt-bygdevekst", 2025)
	ids := measureIDs(got)
	want := map[string]string{"2.1": "2025-2-1", "1.2": "2025-1-2", "1.1": "2025-1-1"}
	for k, w := range want {
		if ids[k] != w {
			t.Errorf("measure %s: ID %q after the first import, want %q", k, ids[k], w)
		}
	}

	// The same file without IDs again: every measure is the one it was.
	save(t, s, f)
	if again, _ := load(t, s, "vt-bygdevekst", 2025); measureIDs(again)["1.2"] != "2025-1-2" {
		t.Errorf("re-import gave measure 1.2 ID %q", measureIDs(again)["1.2"])
	}

	// An edit that rebuilds measure 1.2 from a form keeps its ID; one that
	// renumbers it and moves it to goal 2 too; a new measure gets a new ID.
	edit := func(change func(*plan.File)) *plan.File {
		t.Helper()
		if _, err := s.EditPlan(ctx, "vt-bygdevekst", 2025, store.Edit{}, func(f *plan.File) error {
			change(f)
			return nil
		}); err != nil {
			t.Fatalf("EditPlan: %v", err)
		}
		f, _ := load(t, s, "vt-bygdevekst", 2025)
		return f
	}
	goal := func(f *plan.File, n int) *plan.Goal {
		for i := range f.Plan.Goals {
			if f.Plan.Goals[i].Number == n {
				return &f.Plan.Goals[i]
			}
		}
		t.Fatalf("no goal %d", n)
		return nil
	}
	got = edit(func(f *plan.File) {
		g := goal(f, 1)
		for i, m := range g.Measures {
			if m.Number == 2 {
				g.Measures[i] = plan.Measure{Number: 2, Title: m.Title + " (endra)"}
			}
		}
	})
	if id := measureIDs(got)["1.2"]; id != "2025-1-2" {
		t.Errorf("a rebuilt measure got ID %q, want it to keep 2025-1-2", id)
	}
	got = edit(func(f *plan.File) {
		g1, g2 := goal(f, 1), goal(f, 2)
		for i, m := range g1.Measures {
			if m.Number == 2 {
				m.Number = 7
				g2.Measures = append(g2.Measures, m)
				g1.Measures = append(g1.Measures[:i], g1.Measures[i+1:]...)
				break
			}
		}
		g1.Measures = append(g1.Measures, plan.Measure{Number: 2, Title: "Nytt tiltak"})
	})
	ids = measureIDs(got)
	if ids["2.7"] != "2025-1-2" {
		t.Errorf("the moved measure 2.7 has ID %q, want 2025-1-2", ids["2.7"])
	}
	if n := ids["1.2"]; n == "" || n == "2025-1-2" || !strings.HasPrefix(n, "m-") {
		t.Errorf("the new measure in the old place got ID %q, want a new random one", n)
	}

	// Next year's plan, imported from a file without IDs, renumbered: the
	// measures with the same titles are the same measures.
	next := RichFile()
	next.Plan.Year = 2026
	for gi := range next.Plan.Goals {
		for mi := range next.Plan.Goals[gi].Measures {
			m := &next.Plan.Goals[gi].Measures[mi]
			m.ID = ""
			if m.Number != 0 { // measures named by labels only keep none
				m.Number += 10
			}
		}
	}
	save(t, s, next)
	got, _ = load(t, s, "vt-bygdevekst", 2026)
	ids = measureIDs(got)
	if ids["2.11"] != "2025-2-1" {
		t.Errorf("2026's Næringsarbeid has ID %q, want last year's 2025-2-1", ids["2.11"])
	}
	if ids["1.11"] != "2025-1-1" {
		t.Errorf("2026's Kartlegging has ID %q, want last year's 2025-1-1", ids["1.11"])
	}
	// "Utleigebustader" was renamed in 2025, so 2026's is another measure.
	if ids["1.12"] != "2026-1-12" {
		t.Errorf("2026's Utleigebustader has ID %q, want the new 2026-1-12", ids["1.12"])
	}
}
