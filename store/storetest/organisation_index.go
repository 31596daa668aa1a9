package storetest

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"planverk/plan"
	"planverk/store"
)

// testOrganisationUses: the index of the uses of organisations follows
// every save: a use added is found, one removed is gone, and a programme
// that stops naming an organisation drops out of its list. It reads each
// programme in the year the person may read, pages, counts every use, and
// comes back whole on a database made before it (the backfill at open).
func (e engine) testOrganisationUses(t *testing.T) {
	ctx := context.Background()
	opener := e.newDB(t)
	s := open(t, opener)
	admin := func(s store.Store, q store.OrganisationUsesQuery) store.OrganisationUses {
		t.Helper()
		q.All = true
		got, err := s.OrganisationUses(ctx, q)
		if err != nil {
			t.Fatalf("OrganisationUses(%+v): %v", q, err)
		}
		return got
	}
	// What the pure rule finds in a file for an organisation, as the
	// index must find it.
	want := func(f *plan.File, org string) []string {
		var out []string
		for _, u := range f.Uses() {
			if u.Org == org {
				out = append(out, fmt.Sprintf("%s %s %s %d %s", f.Programme.ID, u.Kind, u.Role, u.Measure, u.Detail))
			}
		}
		return out
	}
	got := func(us store.OrganisationUses) []string {
		var out []string
		for _, u := range us.Uses {
			out = append(out, fmt.Sprintf("%s %s %s %d %s", u.ProgrammeID, u.Kind, u.Role, u.Measure, u.Detail))
		}
		return out
	}

	f := RichFile()
	save(t, s, f)
	husbanken := admin(s, store.OrganisationUsesQuery{Organisations: []string{"husbanken"}})
	if w := want(f, "husbanken"); len(w) == 0 || !slices.Equal(got(husbanken), w) || husbanken.Total != len(w) {
		t.Fatalf("uses of husbanken = %v (total %d), want %v", got(husbanken), husbanken.Total, w)
	}
	if u := husbanken.Uses[0]; u.Kind != plan.UsePartner || u.ProgrammeName != f.Programme.Name ||
		u.PlanTitle != f.Plan.Title || u.Year != f.Plan.Year || u.Language != f.Plan.Language {
		t.Errorf("husbanken's use = %+v, want a partner in %s's plan %q of %d", u, f.Programme.Name, f.Plan.Title, f.Plan.Year)
	}
	kdd := admin(s, store.OrganisationUsesQuery{Organisations: []string{"kdd"}})
	if w := want(f, "kdd"); !slices.Equal(got(kdd), w) {
		t.Errorf("uses of kdd = %v, want %v", got(kdd), w)
	}

	// A second programme naming husbanken as a lead; then the first stops
	// naming it: its uses go, the second's stay.
	g := RichFile()
	g.Programme.ID, g.Programme.Name, g.Programme.ShortName = "aa-andre", "Andre avtale", ""
	g.Plan.Goals[1].Measures[0].Leads = append(g.Plan.Goals[1].Measures[0].Leads, plan.Actor{Org: "husbanken"})
	save(t, s, g)
	both := admin(s, store.OrganisationUsesQuery{Organisations: []string{"husbanken"}})
	if w := append(want(g, "husbanken"), want(f, "husbanken")...); !slices.Equal(got(both), w) || both.Total != len(w) {
		t.Errorf("uses of husbanken in two programmes = %v (total %d), want %v, Andre avtale first by name", got(both), both.Total, w)
	}
	for gi := range f.Plan.Goals {
		for mi := range f.Plan.Goals[gi].Measures {
			m := &f.Plan.Goals[gi].Measures[mi]
			m.Partners = slices.DeleteFunc(m.Partners, func(a plan.Actor) bool { return a.Org == "husbanken" })
		}
	}
	save(t, s, f)
	after := admin(s, store.OrganisationUsesQuery{Organisations: []string{"husbanken"}})
	if w := want(g, "husbanken"); !slices.Equal(got(after), w) || after.Total != len(w) {
		t.Errorf("uses of husbanken once %s stops naming it = %v (total %d), want %v", f.Programme.ID, got(after), after.Total, w)
	}

	// A use of a group counts for its members: tokke-kommune through
	// vest-telemark, which leads a measure; tokke is also a municipality
	// of the programme, listed once though the group's members are both.
	tokke := admin(s, store.OrganisationUsesQuery{Organisations: []string{"tokke-kommune", "vest-telemark"}})
	var leadVia, municipalities int
	for _, u := range tokke.Uses {
		if u.ProgrammeID != f.Programme.ID {
			continue
		}
		if u.Kind == plan.UseLead && u.Org == "vest-telemark" {
			leadVia++
		}
		if u.Kind == plan.UseMunicipality {
			municipalities++
		}
	}
	if leadVia == 0 || municipalities != 1 {
		t.Errorf("tokke-kommune with its group: %d leads through vest-telemark (want some), %d municipality uses (want 1): %v",
			leadVia, municipalities, got(tokke))
	}

	// Pages of two cover the whole list, and each counts it all.
	all := admin(s, store.OrganisationUsesQuery{Organisations: []string{"tokke-kommune", "vest-telemark"}})
	var paged []string
	for off := 0; off < all.Total+2; off += 2 {
		p := admin(s, store.OrganisationUsesQuery{Organisations: []string{"tokke-kommune", "vest-telemark"}, Offset: off, Limit: 2})
		if p.Total != all.Total || len(p.Uses) > 2 {
			t.Fatalf("page at %d: %d uses of total %d, want at most 2 of %d", off, len(p.Uses), p.Total, all.Total)
		}
		paged = append(paged, got(p)...)
	}
	if !slices.Equal(paged, got(all)) || all.Total != len(all.Uses) || all.Total < 3 {
		t.Errorf("pages of two = %v, want %v (total %d)", paged, got(all), all.Total)
	}

	// Who sees which year: a visitor nothing until the plan is open to
	// everyone; then its year, while a member reads next year's draft.
	read := func(q store.OrganisationUsesQuery) store.OrganisationUses {
		t.Helper()
		got, err := s.OrganisationUses(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	visitor := store.OrganisationUsesQuery{Organisations: []string{"kdd"}}
	if v := read(visitor); v.Total != 0 {
		t.Errorf("a visitor sees %d uses of kdd in plans not open to everyone, want 0", v.Total)
	}
	if err := s.SetPublished(ctx, f.Programme.ID, f.Plan.Year, true, 0); err != nil {
		t.Fatal(err)
	}
	next := RichFile()
	next.Plan.Year++
	next.Plan.Title = "Utkast for neste år"
	next.Plan.Sources[0].Org = "" // kdd gives nothing next year
	save(t, s, next)
	yearsOf := func(us store.OrganisationUses) []string {
		var out []string
		for _, u := range us.Uses {
			out = append(out, fmt.Sprintf("%s %d %s", u.ProgrammeID, u.Year, u.Kind))
		}
		return out
	}
	// What the rule finds in a year's file, as the index must give it.
	yearly := func(f *plan.File, org string) []string {
		var out []string
		for _, u := range f.Uses() {
			if u.Org == org {
				out = append(out, fmt.Sprintf("%s %d %s", f.Programme.ID, f.Plan.Year, u.Kind))
			}
		}
		return out
	}
	if v, w := yearsOf(read(visitor)), yearly(f, "kdd"); !slices.Equal(v, w) || !slices.Contains(w, fmt.Sprintf("%s %d source", f.Programme.ID, f.Plan.Year)) {
		t.Errorf("a visitor's uses of kdd = %v, want %v: the year open to everyone, where kdd gives money", v, w)
	}
	member := store.OrganisationUsesQuery{Organisations: []string{"kdd"}, Members: []string{f.Programme.ID}}
	if m, w := yearsOf(read(member)), yearly(next, "kdd"); !slices.Equal(m, w) || slices.Contains(w, fmt.Sprintf("%s %d source", f.Programme.ID, next.Plan.Year)) {
		t.Errorf("a member's uses of kdd = %v, want %v: next year's draft, where kdd gives nothing", m, w)
	}

	// A database made before the index: emptied, it is filled again at
	// the next open, the same as before.
	before := got(admin(s, store.OrganisationUsesQuery{Organisations: []string{"tokke-kommune", "vest-telemark"}}))
	beforeVisitor := yearsOf(read(visitor))
	clearer, ok := s.(interface{ ClearIndexes(context.Context) error })
	if !ok {
		t.Fatalf("%T cannot clear its indexes for this test", s)
	}
	if err := clearer.ClearIndexes(ctx); err != nil {
		t.Fatal(err)
	}
	if n := admin(s, store.OrganisationUsesQuery{Organisations: []string{"kdd"}}).Total; n != 0 {
		t.Fatalf("after clearing the index, %d uses of kdd are left", n)
	}
	s.Close()
	s = open(t, opener)
	if again := got(admin(s, store.OrganisationUsesQuery{Organisations: []string{"tokke-kommune", "vest-telemark"}})); !slices.Equal(again, before) {
		t.Errorf("uses after the backfill = %v, want %v", again, before)
	}
	again, err := s.OrganisationUses(ctx, visitor)
	if err != nil || !slices.Equal(yearsOf(again), beforeVisitor) {
		t.Errorf("a visitor's uses after the backfill = %v (%v), want %v", yearsOf(again), err, beforeVisitor)
	}
	dir, err := s.ProgrammeDirectory(ctx, store.DirectoryQuery{All: true})
	if err != nil || len(dir.Entries) != 2 || dir.Entries[0].Programme.ID != g.Programme.ID {
		t.Errorf("the list of programmes after the backfill of sort keys = %+v (%v), want Andre avtale first of 2", dir.Entries, err)
	}
}
