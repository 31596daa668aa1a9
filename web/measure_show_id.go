package web

import (
	"net/http"

	"planverk/plan"
)

// measureShowByID shows a measure by its lasting ID: the address of a
// measure that has no goal and measure number to be found by, because it
// is not placed under a goal or is named by a label only.
func (s *Server) measureShowByID(w http.ResponseWriter, r *http.Request) {
	f, v, d, ok := s.loadMeasurePlan(w, r)
	if !ok {
		return
	}
	goal, measure := f.Plan.FindMeasureByID(r.PathValue("id"))
	if measure == nil {
		s.fail(w, r, plan.Errorf(plan.ENotFound, "no measure %q", r.PathValue("id")))
		return
	}
	s.showMeasure(w, r, f, v, d, goal, measure)
}
