package storetest

import (
	"context"
	"fmt"
	"testing"

	"planverk/plan"
	"planverk/store"
)

// testHistoryPages: a long history is read a page of versions at a time,
// newest first, each page going on below the last one's oldest version,
// for the whole plan and for one measure.
func (e engine) testHistoryPages(t *testing.T) {
	ctx := context.Background()
	s := e.openTest(t)
	f := RichFile()
	save(t, s, f)
	id, year := f.Programme.ID, f.Plan.Year
	g, m := f.Plan.Goals[0].Number, f.Plan.Goals[0].Measures[0].Number
	for i := 1; i <= 5; i++ {
		if _, err := s.EditPlan(ctx, id, year, store.Edit{}, func(f *plan.File) error {
			if i%2 == 1 {
				f.Plan.Goals[0].Measures[0].Title = fmt.Sprintf("Tiltak, utgåve %d", i)
			} else {
				f.Plan.Title = fmt.Sprintf("Plan, utgåve %d", i)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	versions := func(q store.HistoryQuery) string {
		t.Helper()
		recs, err := s.History(ctx, id, year, q)
		if err != nil {
			t.Fatalf("History(%+v): %v", q, err)
		}
		var out []int
		for _, c := range recs {
			if len(out) == 0 || out[len(out)-1] != c.Version {
				out = append(out, c.Version)
			}
		}
		return fmt.Sprint(out)
	}
	// Versions 2 to 6 are the edits; version 1, the first save, records
	// no changes.
	for _, tc := range []struct {
		q    store.HistoryQuery
		want string
	}{
		{store.HistoryQuery{}, "[6 5 4 3 2]"},
		{store.HistoryQuery{Versions: 2}, "[6 5]"},
		{store.HistoryQuery{Versions: 2, Before: 5}, "[4 3]"},
		{store.HistoryQuery{Versions: 2, Before: 3}, "[2]"},
		{store.HistoryQuery{Versions: 2, Before: 2}, "[]"},
		{store.HistoryQuery{Goal: g, Measure: m, Versions: 2}, "[6 4]"},
		{store.HistoryQuery{Goal: g, Measure: m, Versions: 2, Before: 4}, "[2]"},
	} {
		if got := versions(tc.q); got != tc.want {
			t.Errorf("History(%+v): versions %s, want %s", tc.q, got, tc.want)
		}
	}
}
