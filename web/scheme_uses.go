package web

import (
	"fmt"
	"net/http"
	"slices"

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
// is put to use. Older plans are left out; they are history.
func (s *Server) schemeUses(r *http.Request, id string) ([]schemeUse, error) {
	programmes, err := s.store.Programmes(r.Context())
	if err != nil {
		return nil, err
	}
	var out []schemeUse
	for _, p := range programmes {
		plans, err := s.visiblePlans(r, p.ID)
		if err != nil {
			return nil, err
		}
		if len(plans) == 0 {
			continue
		}
		f, v, err := s.loadVisiblePlan(r, p.ID, plans[0].Year, 0)
		if err != nil {
			return nil, err
		}
		for _, g := range f.Plan.Goals {
			for _, m := range g.Measures {
				if slices.Contains(m.Schemes, id) {
					out = append(out, schemeUse{Programme: p.Name, PlanTitle: f.Plan.Title, Year: v.Year,
						Goal: g.Number, Number: m.Number, Title: m.Title, Lang: f.Plan.Language,
						URL: fmt.Sprintf("%s/goals/%d/measures/%d", planPath(v), g.Number, m.Number)})
				}
			}
		}
	}
	return out, nil
}
