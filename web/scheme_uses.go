package web

import (
	"fmt"
	"net/http"
	"slices"

	"planverk/auth"
	"planverk/plan"
)

// schemeUse is a measure of a plan that names a scheme.
type schemeUse struct {
	Programme string
	PlanTitle string
	Year      int
	Goal      int
	Number    int
	Title     string
	Lang      plan.Language
	URL       string
}

// schemeUses finds the measures that name a scheme, in the latest plan of
// every programme that the person may read: a scheme's page shows where it
// is put to use. Older plans are left out; they are history. The store
// finds the uses by the scheme's key; only the programmes among them are
// asked which of their plans the person may read.
func (s *Server) schemeUses(r *http.Request, id string) ([]schemeUse, error) {
	uses, err := s.store.SchemeUses(r.Context(), id)
	if err != nil {
		return nil, err
	}
	latest := map[string]int{} // programme → the newest year the person may read
	released := map[string]*plan.File{}
	var out []schemeUse
	for _, u := range uses {
		year, ok := latest[u.ProgrammeID]
		if !ok {
			plans, err := s.visiblePlans(r, u.ProgrammeID)
			if err != nil {
				return nil, err
			}
			if len(plans) > 0 {
				year = plans[0].Year
			}
			latest[u.ProgrammeID] = year
		}
		// The newest year the person may read, so also one they may.
		if u.Year != year {
			continue
		}
		if !can(r, auth.ViewDraft, auth.Resource{Programme: u.ProgrammeID}) {
			// A visitor reads the release, not the draft the store
			// looked in: the use counts only where the release has it.
			key := fmt.Sprintf("%s/%d", u.ProgrammeID, u.Year)
			rel, ok := released[key]
			if !ok {
				rel, _, _ = s.loadRelease(r, u.ProgrammeID, u.Year, 0)
				released[key] = rel
			}
			m := releasedUse(rel, u.Goal, u.Measure, id)
			if m == nil {
				continue
			}
			u.MeasureTitle, u.PlanTitle = m.Title, rel.Plan.Title
		}
		out = append(out, schemeUse{Programme: u.ProgrammeName, PlanTitle: u.PlanTitle, Year: u.Year,
			Goal: u.Goal, Number: u.Measure, Title: u.MeasureTitle, Lang: u.Language,
			URL: fmt.Sprintf("/programmes/%s/plans/%d/goals/%d/measures/%d", u.ProgrammeID, u.Year, u.Goal, u.Measure)})
	}
	return out, nil
}

// releasedUse returns the measure of a release at goal and number if it
// names the scheme.
func releasedUse(f *plan.File, goal, number int, scheme string) *plan.Measure {
	if f == nil {
		return nil
	}
	g, m := findMeasure(f, goal, number)
	if g == nil || m == nil || !slices.Contains(m.Schemes, scheme) {
		return nil
	}
	return m
}
