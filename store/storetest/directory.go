package storetest

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"planverk/plan"
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
	only := list(store.DirectoryQuery{All: true, Only: map[string]bool{"prog-1": true, "prog-4": true}})
	if got, want := fmt.Sprint(namesOf(only)), "[Bygda Midtbygd]"; got != want || only.Total != 2 {
		t.Errorf("a list kept to two programmes: %s of %d, want %s of 2", got, only.Total, want)
	}
	if none := list(store.DirectoryQuery{All: true, Only: map[string]bool{}}); len(none.Entries) != 0 || none.Total != 0 {
		t.Errorf("a list kept to no programme: %d entries of %d", len(none.Entries), none.Total)
	}
	if other := list(store.DirectoryQuery{All: true, Kinds: []plan.ProgrammeKind{plan.KindOther}}); other.Total != 0 {
		t.Errorf("a list kept to a kind no programme has: %d programmes", other.Total)
	}
	if same := list(store.DirectoryQuery{All: true, Kinds: []plan.ProgrammeKind{RichFile().Programme.Kind}}); same.Total != 5 {
		t.Errorf("a list kept to the kind every programme has: %d programmes, want 5", same.Total)
	}
	places, err := s.ProgrammePlaces(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := placeNumbers(RichFile())
	for i := range names {
		key := fmt.Sprintf("prog-%d", i)
		if got := fmt.Sprint(places[key]); got != fmt.Sprint(want) {
			t.Errorf("places of %s: %s, want %v", key, got, want)
		}
	}
}

// placeNumbers is what ProgrammePlaces should give for a saved file: the
// place numbers of its municipalities and parties, sorted, each once.
func placeNumbers(f *plan.File) []string {
	number := map[string]string{}
	for _, o := range f.Organisations {
		number[o.ID] = o.MunicipalityNumber
	}
	var out []string
	add := func(org string) {
		if n := number[org]; n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	for _, m := range f.Programme.Municipalities {
		add(m)
	}
	for _, p := range f.Programme.Parties {
		add(p.Org)
	}
	slices.Sort(out)
	return out
}
