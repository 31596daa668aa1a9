package postgres

import (
	"context"
	"testing"

	"planverk/examples"
	"planverk/store/storetest"
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
func BenchmarkLoadPlan(b *testing.B) { storetest.BenchLoadPlan(b, benchStore(b)) }

// BenchmarkEditPlan changes one measure's title per edit.
func BenchmarkEditPlan(b *testing.B) { storetest.BenchEditPlan(b, benchStore(b)) }
