package postgres

import (
	"context"
	"strconv"
	"testing"

	"planverk/examples"
	"planverk/plan"
	"planverk/store"
)

// The cost of a measure edit on PostgreSQL next to loading the same plan
// in the same run, as store/sqlite's benchmarks of the same names do:
//
//	PLANVERK_TEST_POSTGRES=postgres://… go test ./store/postgres -run - -bench 'LoadPlan|EditPlan'
func benchStore(b *testing.B) *Store {
	if testing.Short() {
		b.Skip("PostgreSQL benchmarks are not short")
	}
	dsn := migrated.Database(b, "postgres")
	ctx := context.Background()
	s, err := Open(ctx, dsn)
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

// BenchmarkEditPlan changes one measure's title per edit.
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
