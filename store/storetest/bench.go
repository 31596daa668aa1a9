package storetest

import (
	"context"
	"strconv"
	"testing"

	"planverk/plan"
	"planverk/store"
)

// BenchLoadPlan loads the Vest-Telemark plan of the examples, whole: the
// baseline an edit is read against, on either engine.
func BenchLoadPlan(b *testing.B, s store.Store) {
	ctx := context.Background()
	for b.Loop() {
		if _, _, err := s.LoadPlan(ctx, "vest-telemark", 2025); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchEditPlan changes one measure's title per edit: load, compare, save
// the next version, record the change.
func BenchEditPlan(b *testing.B, s store.Store) {
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
