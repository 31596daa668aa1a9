package sqlite

import (
	"context"
	"testing"
	"time"

	"planverk/demo"
	"planverk/store"
	"planverk/store/testdb"
)

// The store's lists on a synthetic database of 200 programmes made by the
// benchmark (demo.Generate): each reads a page, so its cost should not
// follow the number of programmes.
//
//	go test ./store/sqlite -run - -bench 'National'
var national = testdb.New(func(ctx context.Context, _, path string) error {
	s, err := Open(ctx, path)
	if err != nil {
		return err
	}
	o := demo.Options{Seed: 1, Programmes: 200, Years: 2, Measures: 4000, Schemes: 50,
		Today: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)}
	if _, err := demo.Generate(ctx, s, o); err != nil {
		s.Close()
		return err
	}
	return s.Close()
})

func nationalStore(b *testing.B) *Store {
	s, err := Open(context.Background(), national.Database(b, "sqlite"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkNationalDirectory is the first page of the home page's list,
// as a visitor sees it.
func BenchmarkNationalDirectory(b *testing.B) {
	s := nationalStore(b)
	ctx := context.Background()
	for b.Loop() {
		if d, err := s.ProgrammeDirectory(ctx, store.DirectoryQuery{}); err != nil || len(d.Entries) == 0 {
			b.Fatal(d.Total, err)
		}
	}
}

// BenchmarkNationalOrganisationUses is the first page of the uses of the
// ministry every programme names.
func BenchmarkNationalOrganisationUses(b *testing.B) {
	s := nationalStore(b)
	ctx := context.Background()
	for b.Loop() {
		u, err := s.OrganisationUses(ctx, store.OrganisationUsesQuery{Organisations: []string{"kdd"}})
		if err != nil || len(u.Uses) == 0 {
			b.Fatal(u.Total, err)
		}
	}
}

// BenchmarkNationalPlansOf is the plans of a page of 50 programmes, as the
// programme API reads them.
func BenchmarkNationalPlansOf(b *testing.B) {
	s := nationalStore(b)
	ctx := context.Background()
	d, err := s.ProgrammeDirectory(ctx, store.DirectoryQuery{})
	if err != nil {
		b.Fatal(err)
	}
	var ids []string
	for _, e := range d.Entries {
		ids = append(ids, e.Programme.ID)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.PlansOf(ctx, ids); err != nil {
			b.Fatal(err)
		}
	}
}
