package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"planverk/plan"
	"planverk/store"
)

// testEditorsOfOnePlan: fifty editors, each saving a measure of its own of
// the same plan again and again at once, as a county's whole staff might
// on the morning a plan is due, half of them on one copy of planverk and
// half on another. Every save makes the plan's next version, so on
// PostgreSQL they all conflict; none may fail, none may be lost, and each
// must be in the history once.
func (e engine) testEditorsOfOnePlan(t *testing.T) {
	const editors, saves = 50, 4
	ctx := context.Background()
	o := e.newDB(t)
	s := open(t, o)
	copies := []store.Store{s, open(t, o)}
	f := RichFile()
	g := &f.Plan.Goals[0]
	for n := len(g.Measures) + 1; n <= editors; n++ {
		g.Measures = append(g.Measures, plan.Measure{Number: n, Title: fmt.Sprintf("Tiltak %d", n)})
	}
	save(t, s, f)
	id, year, goal := f.Programme.ID, f.Plan.Year, g.Number
	title := func(measure, save int) string { return fmt.Sprintf("Tiltak %d, endring %d", measure, save) }

	var wg sync.WaitGroup
	errs := make(chan error, editors*saves)
	for m := range editors {
		number := g.Measures[m].Number
		wg.Go(func() {
			for i := range saves {
				_, err := copies[m%len(copies)].EditPlan(ctx, id, year, store.Edit{Summary: title(number, i)}, func(f *plan.File) error {
					for j := range f.Plan.Goals[0].Measures {
						if me := &f.Plan.Goals[0].Measures[j]; me.Number == number {
							me.Title = title(number, i)
							return nil
						}
					}
					return fmt.Errorf("no measure %d", number)
				})
				if err != nil {
					errs <- fmt.Errorf("editor of measure %d, save %d: %w", number, i, err)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	got, v := load(t, s, id, year)
	if want := 1 + editors*saves; v.Version != want {
		t.Errorf("the plan is at version %d, want %d: one for each save", v.Version, want)
	}
	for _, m := range got.Plan.Goals[0].Measures {
		if want := title(m.Number, saves-1); m.Title != want {
			t.Errorf("measure %d is titled %q, want its last save's %q", m.Number, m.Title, want)
		}
	}
	recs, err := s.History(ctx, id, year, store.HistoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	versions := map[int]bool{}
	for _, c := range recs {
		if c.Goal != goal || c.Summary != c.After {
			t.Errorf("version %d records %s %q → %q (%q), not one editor's title", c.Version, c.Path, c.Before, c.After, c.Summary)
		}
		seen[c.After]++
		if versions[c.Version] {
			t.Errorf("version %d records more than one change", c.Version)
		}
		versions[c.Version] = true
	}
	for m := range editors {
		for i := range saves {
			if n := seen[title(g.Measures[m].Number, i)]; n != 1 {
				t.Errorf("the history has %q %d times, want once", title(g.Measures[m].Number, i), n)
			}
		}
	}
}
