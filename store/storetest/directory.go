package storetest

import (
	"context"
	"fmt"
	"testing"

	"planverk/store"
)

// testDirectory: the list of programmes shows a visitor only the
// programmes with a plan open to everyone, each with its latest release;
// a member also their own, with the draft; a system administrator every
// programme. It is sorted by name (Ø after Z, as in Norwegian) and paged,
// and counts every programme the person may see.
func (e engine) testDirectory(t *testing.T) {
	ctx := context.Background()
	s := e.openTest(t)
	names := []string{"Øvre dal", "Bygda", "Austbygd", "Zeta", "Midtbygd"}
	for i, name := range names {
		f := RichFile()
		f.Programme.ID = fmt.Sprintf("prog-%d", i)
		f.Programme.Name = name
		f.Programme.ShortName = ""
		f.Plan.Title = "Handlingsplan for " + name
		save(t, s, f)
		if i%2 == 0 { // Øvre dal, Austbygd and Midtbygd are open to everyone
			if err := s.SetPublished(ctx, f.Programme.ID, f.Plan.Year, true, 0); err != nil {
				t.Fatal(err)
			}
		}
		if i == 0 {
			// A later year's draft, not open to everyone: a member's
			// current plan, never a visitor's.
			f.Plan.Year++
			f.Plan.Title = "Utkast for neste år"
			save(t, s, f)
		}
	}
	list := func(q store.DirectoryQuery) store.Directory {
		t.Helper()
		d, err := s.ProgrammeDirectory(ctx, q)
		if err != nil {
			t.Fatalf("ProgrammeDirectory(%+v): %v", q, err)
		}
		return d
	}
	namesOf := func(d store.Directory) []string {
		var out []string
		for _, e := range d.Entries {
			out = append(out, e.Programme.Name)
		}
		return out
	}
	visitor := list(store.DirectoryQuery{})
	if got, want := fmt.Sprint(namesOf(visitor)), "[Austbygd Midtbygd Øvre dal]"; got != want || visitor.Total != 3 {
		t.Errorf("a visitor's list: %s of %d, want %s of 3", got, visitor.Total, want)
	}
	for _, e := range visitor.Entries {
		if e.Current == nil || e.Current.Release == nil || e.Current.Title != "Handlingsplan for "+e.Programme.Name {
			t.Errorf("%s: a visitor's current plan is %+v, want its release", e.Programme.Name, e.Current)
		}
		if len(e.MunicipalityNames) == 0 || len(e.MunicipalityNames) != len(e.Programme.Municipalities) {
			t.Errorf("%s: municipalities %v named %v", e.Programme.Name, e.Programme.Municipalities, e.MunicipalityNames)
		}
	}
	member := list(store.DirectoryQuery{Members: []string{"prog-0", "prog-1"}})
	if got, want := fmt.Sprint(namesOf(member)), "[Austbygd Bygda Midtbygd Øvre dal]"; got != want || member.Total != 4 {
		t.Errorf("a member's list: %s of %d, want %s of 4", got, member.Total, want)
	}
	for _, e := range member.Entries {
		if e.Programme.ID == "prog-0" && (e.Current == nil || e.Current.Release != nil || e.Current.Title != "Utkast for neste år") {
			t.Errorf("a member's current plan of their own programme is %+v, want next year's draft", e.Current)
		}
	}
	admin := list(store.DirectoryQuery{All: true, Limit: 2})
	if got, want := fmt.Sprint(namesOf(admin)), "[Austbygd Bygda]"; got != want || admin.Total != 5 {
		t.Errorf("a system administrator's first page of 2: %s of %d, want %s of 5", got, admin.Total, want)
	}
	last := list(store.DirectoryQuery{All: true, Offset: 4, Limit: 2})
	if got, want := fmt.Sprint(namesOf(last)), "[Øvre dal]"; got != want || last.Total != 5 {
		t.Errorf("the last page: %s of %d, want %s of 5", got, last.Total, want)
	}
	if beyond := list(store.DirectoryQuery{All: true, Offset: 10}); len(beyond.Entries) != 0 || beyond.Total != 5 {
		t.Errorf("a page beyond the last: %d entries of %d", len(beyond.Entries), beyond.Total)
	}
}
