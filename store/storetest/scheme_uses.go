package storetest

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"planverk/plan"
	"planverk/store"
)

// testSchemeUses: a scheme's uses are the measures that name it in the
// latest version of each plan, with the plan's title and whether it is
// published; a measure that stopped naming it in a later version is not
// one, and a scheme no measure names has none.
func (e engine) testSchemeUses(t *testing.T) {
	ctx := context.Background()
	s := e.openTest(t)
	f := RichFile()
	save(t, s, f)
	next := RichFile()
	next.Plan.Year++
	next.Plan.Title = "Handlingsplan neste år"
	save(t, s, next)
	if err := s.SetPublished(ctx, f.Programme.ID, f.Plan.Year, true, 0); err != nil {
		t.Fatal(err)
	}

	// The measure that names both schemes, and where it sits.
	var goal, measure int
	var title string
	for _, g := range f.Plan.Goals {
		for _, m := range g.Measures {
			if len(m.Schemes) > 0 {
				goal, measure, title = g.Number, m.Number, m.Title
			}
		}
	}
	use := func(year int, planTitle string, published bool) store.SchemeUse {
		return store.SchemeUse{ProgrammeID: f.Programme.ID, ProgrammeName: f.Programme.Name, Year: year,
			PlanTitle: planTitle, Language: f.Plan.Language, Published: published,
			Goal: goal, Measure: measure, MeasureTitle: title}
	}
	uses := func(id string) []store.SchemeUse {
		t.Helper()
		got, err := s.SchemeUses(ctx, id)
		if err != nil {
			t.Fatalf("SchemeUses(%s): %v", id, err)
		}
		return got
	}
	want := []store.SchemeUse{use(next.Plan.Year, next.Plan.Title, false), use(f.Plan.Year, f.Plan.Title, true)}
	if diff := cmp.Diff(want, uses("husbanken-grunnlan"), equate); diff != "" {
		t.Errorf("uses of husbanken-grunnlan, newest year first (-want +got):\n%s", diff)
	}

	// A new version of the older plan in which the measure names only one
	// scheme: the other's use of that plan is gone, the later plan's stays.
	_, err := s.EditPlan(ctx, f.Programme.ID, f.Plan.Year, store.Edit{Summary: "færre ordningar"}, func(pf *plan.File) error {
		for gi := range pf.Plan.Goals {
			for mi := range pf.Plan.Goals[gi].Measures {
				if m := &pf.Plan.Goals[gi].Measures[mi]; len(m.Schemes) > 0 {
					m.Schemes = []string{"husbanken-startlan"}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want[:1], uses("husbanken-grunnlan"), equate); diff != "" {
		t.Errorf("uses of husbanken-grunnlan after the edit (-want +got):\n%s", diff)
	}
	if got := uses("husbanken-startlan"); len(got) != 2 {
		t.Errorf("uses of husbanken-startlan = %+v, want both plans", got)
	}
	if got := uses("ingen-slik-ordning"); len(got) != 0 {
		t.Errorf("uses of an unknown scheme = %+v, want none", got)
	}
}
