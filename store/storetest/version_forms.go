package storetest

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"planverk/plan"
	"planverk/store"
)

// testVersionForms: only the latest version of a plan keeps its content
// in the tables, and an earlier one is rebuilt from what it stored (a
// measure delta or a snapshot). Every kind of edit — a measure changed,
// moved, added, removed, reordered, and edits of other parts — leaves
// every version loading exactly as it was saved, before and after the
// store is opened again, past the point where a snapshot is taken
// whatever the edit.
func (e engine) testVersionForms(t *testing.T) {
	ctx := context.Background()
	opener := e.newDB(t)
	s, err := opener(ctx)
	if err != nil {
		t.Fatal(err)
	}
	save(t, s, RichFile())
	saved := map[int]*plan.File{}
	first, v := load(t, s, "vt-bygdevekst", 2025)
	saved[v.Version] = first
	edits := []func(f *plan.File){
		func(f *plan.File) { f.Plan.Goals[0].Measures[0].Title += " endra" },
		func(f *plan.File) { // a measure moves to the other goal
			from, to := &f.Plan.Goals[1], &f.Plan.Goals[0]
			if len(from.Measures) == 0 || len(to.Measures) > 3 {
				from, to = to, from
			}
			m := from.Measures[len(from.Measures)-1]
			from.Measures = from.Measures[:len(from.Measures)-1]
			m.Number = nextNumber(*to)
			to.Measures = append(to.Measures, m)
		},
		func(f *plan.File) { // a new measure at the front
			g := &f.Plan.Goals[0]
			n := nextNumber(*g)
			g.Measures = slices.Insert(g.Measures, 0, plan.Measure{Number: n, Title: fmt.Sprintf("Nytt tiltak %d", n)})
		},
		func(f *plan.File) { // the measures in the opposite order
			slices.Reverse(f.Plan.Goals[0].Measures)
		},
		func(f *plan.File) { f.Plan.Title += "." }, // not a measure: a snapshot
		func(f *plan.File) { // a measure gets a lead it did not have
			m := &f.Plan.Goals[0].Measures[0]
			m.Leads = append(m.Leads, plan.Actor{Org: "tokke-kommune"})
		},
		func(f *plan.File) { // a measure not under a goal changes
			f.Plan.Measures[0].Summary += " Meir."
		},
		func(f *plan.File) { // one measure removed
			g := &f.Plan.Goals[0]
			if len(g.Measures) > 2 {
				g.Measures = slices.Delete(g.Measures, 1, 2)
			}
		},
	}
	for i := range 40 {
		edit := edits[i%len(edits)]
		v, err := s.EditPlan(ctx, "vt-bygdevekst", 2025, store.Edit{Summary: fmt.Sprintf("edit %d", i)},
			func(f *plan.File) error { edit(f); return nil })
		if err != nil {
			t.Fatalf("edit %d: %v", i, err)
		}
		got, lv := load(t, s, "vt-bygdevekst", 2025)
		if lv.Version != v.Version {
			t.Fatalf("edit %d saved version %d, latest is %d", i, v.Version, lv.Version)
		}
		saved[v.Version] = got
		checkUses(t, s, got, v.Version)
	}
	check := func(when string, s store.Store) {
		t.Helper()
		for n, want := range saved {
			got, v, err := s.LoadPlanVersion(ctx, "vt-bygdevekst", 2025, n)
			if err != nil {
				t.Fatalf("%s: version %d: %v", when, n, err)
			}
			if v.Version != n || v.Title != want.Plan.Title {
				t.Errorf("%s: version %d loads as %d %q, want %q", when, n, v.Version, v.Title, want.Plan.Title)
			}
			if diff := cmp.Diff(want, got, equate); diff != "" {
				t.Errorf("%s: version %d differs from what was saved (-saved +loaded):\n%s", when, n, diff)
			}
		}
	}
	check("after the edits", s)
	// Every edit is in the history under its own version, once.
	h, err := s.History(ctx, "vt-bygdevekst", 2025, store.HistoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	versions := map[int]string{}
	for _, c := range h {
		versions[c.Version] = c.Summary
	}
	for n := 2; n <= 41; n++ {
		if want := fmt.Sprintf("edit %d", n-2); versions[n] != want {
			t.Errorf("history of version %d says %q, want %q", n, versions[n], want)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	check("opened again", open(t, opener))
}

// nextNumber is the number after a goal's last measure's.
func nextNumber(g plan.Goal) int {
	n := 1
	for _, m := range g.Measures {
		n = max(n, m.Number+1)
	}
	return n
}

// checkUses: the index of the uses of organisations follows every edit:
// each organisation's uses are the latest version's.
func checkUses(t *testing.T, s store.Store, latest *plan.File, version int) {
	t.Helper()
	want := map[string][]plan.Use{}
	for _, u := range latest.Uses() {
		want[u.Org] = append(want[u.Org], u)
	}
	for org, uses := range want {
		got, err := s.OrganisationUses(context.Background(),
			store.OrganisationUsesQuery{Organisations: []string{org}, All: true, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		var gotUses []plan.Use
		for _, u := range got.Uses {
			gotUses = append(gotUses, u.Use)
		}
		if diff := cmp.Diff(uses, gotUses, equate); diff != "" {
			t.Errorf("uses of %s after version %d (-plan +index):\n%s", org, version, diff)
		}
	}
}
