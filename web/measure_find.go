package web

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strconv"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// findMeasure returns the goal and measure with the numbers, or nils.
func findMeasure(f *plan.File, goalNo, measureNo int) (*plan.Goal, *plan.Measure) {
	for gi := range f.Plan.Goals {
		g := &f.Plan.Goals[gi]
		if g.Number != goalNo {
			continue
		}
		for mi := range g.Measures {
			if g.Measures[mi].Number == measureNo {
				return g, &g.Measures[mi]
			}
		}
	}
	return nil, nil
}

// findGoal returns the goal with the number, or nil.
func findGoal(f *plan.File, goalNo int) *plan.Goal {
	for gi := range f.Plan.Goals {
		if f.Plan.Goals[gi].Number == goalNo {
			return &f.Plan.Goals[gi]
		}
	}
	return nil
}

// measureNumbers reads the goal and measure numbers of a request's path.
func measureNumbers(r *http.Request) (goal, measure int, ok bool) {
	g, err1 := strconv.Atoi(r.PathValue("goal"))
	m, err2 := strconv.Atoi(r.PathValue("measure"))
	return g, m, err1 == nil && err2 == nil
}

// measureFor finds in f the measure the request's path names, for a
// person who may do a to it; otherwise it answers the request and returns
// false.
func (s *Server) measureFor(w http.ResponseWriter, r *http.Request, f *plan.File, v store.PlanVersion, a auth.Action) (*plan.Goal, *plan.Measure, bool) {
	goalNo, measureNo, _ := measureNumbers(r)
	g, m := findMeasure(f, goalNo, measureNo)
	if m == nil {
		s.fail(w, r, plan.Errorf(plan.ENotFound, "no measure %d.%d", goalNo, measureNo))
		return nil, nil, false
	}
	if !can(r, a, measureResource(v.ProgrammeID, v.Published, m)) {
		s.deny(w, r)
		return nil, nil, false
	}
	return g, m, true
}

// measureResource is a measure as the policy sees it.
func measureResource(programmeID string, published bool, m *plan.Measure) auth.Resource {
	res := auth.Resource{Programme: programmeID, Published: published}
	for _, a := range m.Leads {
		if a.Org != "" {
			res.MeasureLeads = append(res.MeasureLeads, a.Org)
		}
	}
	return res
}

// fingerprint identifies the content of a value: two fingerprints are equal
// exactly when the values are. It is the ETag of a resource and the mark a
// form carries of what the person started from.
func fingerprint(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		// The plan types always encode; a failure here is a defect.
		panic(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}
