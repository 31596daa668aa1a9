package sqlite

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"

	"planverk/examples"
	"planverk/plan"
	"planverk/store"
)

// The cost of an edit, which saves the whole plan as a new version, next
// to the cost of loading the plan in the same run: compare the ratio
// between versions of planverk, not the times between machines.
//
//	go test ./store/sqlite -run - -bench 'LoadPlan|EditPlan'
func benchStore(b *testing.B) *Store {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "planverk.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if _, err := examples.Install(ctx, s); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkLoadPlan is the baseline: the Vest-Telemark plan, whole.
func BenchmarkLoadPlan(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	for b.Loop() {
		if _, _, err := s.LoadPlan(ctx, "vest-telemark", 2025); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEditPlan changes one measure's title per edit: load, diff,
// save a version, record the change.
func BenchmarkEditPlan(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	i := 0
	for b.Loop() {
		i++
		_, err := s.EditPlan(ctx, "vest-telemark", 2025, store.Edit{Summary: "bench"}, func(f *plan.File) error {
			f.Plan.Goals[0].Measures[0].Title = "Tittel " + strconv.Itoa(i)
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
