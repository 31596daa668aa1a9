package web

import (
	"fmt"
	"net/http"
	"strconv"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// measureRestore puts back a measure that a version removed, as it stood
// in the version before. It keeps its number where that is free, and
// otherwise takes the goal's next.
func (s *Server) measureRestore(w http.ResponseWriter, r *http.Request) {
	fm, _, v, ok := s.planFormFor(w, r, auth.DeleteMeasure)
	if !ok {
		return
	}
	version, err1 := strconv.Atoi(fm.Get("version"))
	goalNo, err2 := strconv.Atoi(fm.Get("goal"))
	measureNo, err3 := strconv.Atoi(fm.Get("measure"))
	if err1 != nil || err2 != nil || err3 != nil || version < 2 {
		s.errorPage(w, r, http.StatusBadRequest, "error.bad-request")
		return
	}
	before, _, err := s.store.LoadPlanVersion(r.Context(), v.ProgrammeID, v.Year, version-1)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	_, old := findMeasure(before, goalNo, measureNo)
	if old == nil {
		s.fail(w, r, plan.Errorf(plan.ENotFound, "version %d has no measure %d.%d", version-1, goalNo, measureNo))
		return
	}
	number := measureNo
	_, err = s.store.EditPlan(r.Context(), v.ProgrammeID, v.Year,
		store.Edit{Author: whoOf(r).User.ID, Summary: fmt.Sprintf("%d.%d", goalNo, measureNo), Submission: fm.Get("submission")},
		func(cur *plan.File) error {
			g := findGoal(cur, goalNo)
			if g == nil {
				return plan.Errorf(plan.EConflict, "goal %d is no longer in the plan: restore the goal first", goalNo)
			}
			m := *old
			number = measureNo
			for _, o := range g.Measures {
				if o.Number == m.Number {
					number = 0
				}
			}
			if number == 0 {
				for _, o := range g.Measures {
					number = max(number, o.Number)
				}
				number++
			}
			m.Number = number
			g.Measures = append(g.Measures, m)
			return nil
		})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("%s/goals/%d/measures/%d", planPath(v), goalNo, number), http.StatusSeeOther)
}
