package web

import (
	"net/http"
	"strconv"

	"planverk/auth"
	"planverk/plan"
)

// measureNew shows the form for a new measure under a goal.
func (s *Server) measureNew(w http.ResponseWriter, r *http.Request) {
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	goalNo, err := strconv.Atoi(r.PathValue("goal"))
	g := findGoal(f, goalNo)
	if err != nil || g == nil {
		s.fail(w, r, plan.Errorf(plan.ENotFound, "no goal %s", r.PathValue("goal")))
		return
	}
	if !can(r, auth.EditPlan, auth.Resource{Programme: v.ProgrammeID, Published: v.Published}) {
		s.deny(w, r)
		return
	}
	fm := newForm(nil)
	fm.Values.Set("goal", strconv.Itoa(goalNo))
	fm.Values.Set("sections", "0")
	fm.Values.Set("submission", newSubmission())
	s.renderMeasureEdit(w, r, http.StatusOK, f, v, g, nil, fm, nil)
}
