package web

import (
	"errors"
	"fmt"
	"net/http"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// measureMove moves a measure one place up or down among its goal's
// measures. Its number stays: links, references and history name measures
// by number. Like a goal's move, the button carries the order it was shown
// with and a submission key.
func (s *Server) measureMove(w http.ResponseWriter, r *http.Request) {
	fm, ok := parseForm(w, r)
	if !ok {
		s.errorPage(w, r, http.StatusBadRequest, "error.bad-request")
		return
	}
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	goalNo, measureNo, _ := measureNumbers(r)
	if _, m := findMeasure(f, goalNo, measureNo); m == nil {
		s.fail(w, r, plan.Errorf(plan.ENotFound, "no measure %d.%d", goalNo, measureNo))
		return
	}
	if !can(r, auth.EditPlan, planResource(v)) {
		s.deny(w, r)
		return
	}
	step, ok := moveStep(fm)
	if !ok {
		s.errorPage(w, r, http.StatusBadRequest, "error.bad-request")
		return
	}
	etag := fm.Get("etag")
	_, err := s.store.EditPlan(r.Context(), v.ProgrammeID, v.Year,
		store.Edit{Author: whoOf(r).User.ID, Submission: fm.Get("submission")},
		func(cur *plan.File) error {
			g := findGoal(cur, goalNo)
			if g == nil || measureOrderMark(g) != etag {
				return &staleEdit{deleted: g == nil}
			}
			for i := range g.Measures {
				if g.Measures[i].Number == measureNo {
					swapStep(g.Measures, i, step)
					break
				}
			}
			return nil
		})
	var stale *staleEdit
	if errors.As(err, &stale) {
		s.goalConflict(w, r, goalNo, fm, measureOrderChange(goalNo), "move")
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, moveReturn(fm, fmt.Sprintf("%s#goal-%d", planPath(v), goalNo)), http.StatusSeeOther)
}
