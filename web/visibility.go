package web

import (
	"net/http"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// visiblePlans lists the plans of a programme the person may read: every
// plan for its members, the published ones for everybody else.
func (s *Server) visiblePlans(r *http.Request, programmeID string) ([]store.PlanVersion, error) {
	plans, err := s.store.Plans(r.Context(), programmeID)
	if err != nil {
		return nil, err
	}
	out := plans[:0]
	for _, v := range plans {
		if can(r, auth.ViewPlan, auth.Resource{Programme: v.ProgrammeID, Published: v.Published}) {
			out = append(out, v)
		}
	}
	return out, nil
}

// loadVisiblePlan loads a plan, or one version of it where version is not
// 0, if the person may read it. A plan they may not read is "not found" to
// them, so that its existence says nothing; the page offers to log in.
func (s *Server) loadVisiblePlan(r *http.Request, programmeID string, year, version int) (*plan.File, store.PlanVersion, error) {
	var f *plan.File
	var v store.PlanVersion
	var err error
	if version > 0 {
		f, v, err = s.store.LoadPlanVersion(r.Context(), programmeID, year, version)
	} else {
		f, v, err = s.store.LoadPlan(r.Context(), programmeID, year)
	}
	if err != nil {
		return nil, v, err
	}
	if !can(r, auth.ViewPlan, auth.Resource{Programme: programmeID, Published: v.Published}) {
		return nil, store.PlanVersion{}, plan.Errorf(plan.ENotFound, "no plan %s %d that you may read", programmeID, year)
	}
	return f, v, nil
}
