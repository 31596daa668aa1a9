package web

import (
	"net/http"

	"planverk/auth"
	"planverk/plan"
)

// measureMove moves a measure one place up or down among its goal's
// measures. Its number stays: links, references and history name measures
// by number. Like a goal's move, the button carries the order it was shown
// with and a submission key.
func (s *Server) measureMove(w http.ResponseWriter, r *http.Request) {
	fm, f, v, ok := s.planForm(w, r)
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
	s.saveMove(w, r, fm, v, goalNo, measureOrderChange(goalNo), func(cur *plan.File, etag string, step int) error {
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
}
