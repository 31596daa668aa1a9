package web

import (
	"net/http"
	"strconv"

	"planverk/plan"
	"planverk/store"
)

// planShow shows a plan as a document, with computed totals and the
// findings of the rules. ?version=N shows an earlier version.
func (s *Server) planShow(w http.ResponseWriter, r *http.Request) {
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	pv := newPlanView(f, v.Version, language(r))
	pv.Perms = permsFor(r, v.ProgrammeID, v.Published)
	pv.Published = v.Published
	s.render(w, r, http.StatusOK, "plan", &view{Title: f.Plan.Title, Data: pv})
}

// loadPlan loads the plan a request names, showing the error page and
// returning false when it cannot.
func (s *Server) loadPlan(w http.ResponseWriter, r *http.Request) (*plan.File, store.PlanVersion, bool) {
	year, err := strconv.Atoi(r.PathValue("year"))
	if err != nil {
		s.fail(w, r, plan.Errorf(plan.ENotFound, "no such year %q", r.PathValue("year")))
		return nil, store.PlanVersion{}, false
	}
	var f *plan.File
	var v store.PlanVersion
	if q := r.URL.Query().Get("version"); q != "" {
		n, convErr := strconv.Atoi(q)
		if convErr != nil || n < 1 {
			s.fail(w, r, plan.Errorf(plan.EInvalid, "version must be a whole number"))
			return nil, v, false
		}
		f, v, err = s.loadVisiblePlan(r, r.PathValue("programme"), year, n)
	} else {
		f, v, err = s.loadVisiblePlan(r, r.PathValue("programme"), year, 0)
	}
	if err != nil {
		s.fail(w, r, err)
		return nil, v, false
	}
	return f, v, true
}
