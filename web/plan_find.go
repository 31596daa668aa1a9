package web

import (
	"fmt"
	"net/http"
	"strconv"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

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

// planFor loads the plan a request names, for a person who may do a to
// it; otherwise it answers the request and returns false.
func (s *Server) planFor(w http.ResponseWriter, r *http.Request, a auth.Action) (*plan.File, store.PlanVersion, bool) {
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return nil, v, false
	}
	if !can(r, a, planResource(v)) {
		s.deny(w, r)
		return nil, v, false
	}
	return f, v, true
}

// planForm reads a posted form and loads the plan the request names;
// otherwise it answers the request and returns false. The form is read
// first: a body too large is refused before the plan is loaded.
func (s *Server) planForm(w http.ResponseWriter, r *http.Request) (*form, *plan.File, store.PlanVersion, bool) {
	fm, ok := s.parseForm(w, r)
	if !ok {
		return nil, nil, store.PlanVersion{}, false
	}
	f, v, ok := s.loadPlan(w, r)
	return fm, f, v, ok
}

// planFormFor is planForm for a person who may do a to the plan.
func (s *Server) planFormFor(w http.ResponseWriter, r *http.Request, a auth.Action) (*form, *plan.File, store.PlanVersion, bool) {
	fm, f, v, ok := s.planForm(w, r)
	if ok && !can(r, a, planResource(v)) {
		s.deny(w, r)
		return nil, nil, v, false
	}
	return fm, f, v, ok
}

// planResource is a plan as the policy sees it.
func planResource(v store.PlanVersion) auth.Resource {
	return auth.Resource{Programme: v.ProgrammeID, Published: v.Published}
}

// planPath is the address of a plan's page.
func planPath(v store.PlanVersion) string {
	return fmt.Sprintf("/programmes/%s/plans/%d", v.ProgrammeID, v.Year)
}
