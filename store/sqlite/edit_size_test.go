package sqlite

import (
	"context"
	"strconv"
	"testing"

	"planverk/plan"
	"planverk/store"
)

// usedBytes is how much of the database file holds data: its pages less
// the free ones a delete leaves for the next write.
func usedBytes(t testing.TB, s *Store) int64 {
	t.Helper()
	var pages, free, size int64
	for q, v := range map[string]*int64{"page_count": &pages, "freelist_count": &free, "page_size": &size} {
		if err := s.writer.QueryRow(`PRAGMA ` + q).Scan(v); err != nil {
			t.Fatal(err)
		}
	}
	return (pages - free) * size
}

// editMeasures changes the title of one measure per edit, taking the plan's
// measures in turn, as several people editing their own measures would.
func editMeasures(t testing.TB, s *Store, n int) {
	t.Helper()
	ctx := context.Background()
	for i := range n {
		_, err := s.EditPlan(ctx, "vest-telemark", 2025, store.Edit{Summary: "size"}, func(f *plan.File) error {
			g := &f.Plan.Goals[i%len(f.Plan.Goals)]
			m := &g.Measures[(i/len(f.Plan.Goals))%len(g.Measures)]
			m.Title = "Tittel " + strconv.Itoa(i)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestMeasureEditSize: a measure edit stores the measure as it was and the
// history of its change, not the plan again. The goal is at most 5 KB per
// edit, measured as the growth of the data in the file over many edits.
func TestMeasureEditSize(t *testing.T) {
	s := benchStore(t)
	editMeasures(t, s, 20) // the first edits fill pages the examples left half full
	before := usedBytes(t, s)
	const n = 200
	editMeasures(t, s, n)
	per := (usedBytes(t, s) - before) / n
	t.Logf("%d bytes stored per measure edit", per)
	if per > 5*1024 {
		t.Errorf("a measure edit stores %d bytes, want at most 5 KB", per)
	}
	// Every version is still there: the first of these edits loads as saved.
	f, _, err := s.LoadPlanVersion(context.Background(), "vest-telemark", 2025, 22)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Plan.Goals[0].Measures[0].Title; got != "Tittel 0" {
		t.Errorf("version 22's first measure is %q, want the title its edit gave it", got)
	}
}
