package web

import (
	"errors"
	"fmt"
	"net/http"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// goalMove moves a goal one place up or down among the plan's goals. Only
// its position changes, never its number: measures, budget lines and
// targets refer to goals by number. The button carries the order it was
// shown with, so that a move is made on the order the person saw; and a
// submission key, so that a double click moves once.
func (s *Server) goalMove(w http.ResponseWriter, r *http.Request) {
	fm, ok := parseForm(w, r)
	if !ok {
		s.errorPage(w, r, http.StatusBadRequest, "error.bad-request")
		return
	}
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	n, _ := goalNumber(r)
	if findGoal(f, n) == nil {
		s.fail(w, r, plan.Errorf(plan.ENotFound, "no goal %s", r.PathValue("goal")))
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
			if goalOrderMark(cur) != etag {
				return &staleEdit{}
			}
			for i := range cur.Plan.Goals {
				if cur.Plan.Goals[i].Number == n {
					swapStep(cur.Plan.Goals, i, step)
					break
				}
			}
			return nil
		})
	var stale *staleEdit
	if errors.As(err, &stale) {
		s.goalConflict(w, r, n, fm, goalOrderChange, "move")
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, moveReturn(fm, fmt.Sprintf("%s#goal-%d", planPath(v), n)), http.StatusSeeOther)
}

// moveStep reads a move button's direction: -1 up, +1 down.
func moveStep(fm *form) (int, bool) {
	switch fm.Get("direction") {
	case "up":
		return -1, true
	case "down":
		return 1, true
	}
	return 0, false
}

// swapStep swaps item i with its neighbour step places away; at either
// end of the list it changes nothing.
func swapStep[T any](items []T, i, step int) {
	j := i + step
	if j < 0 || j >= len(items) {
		return
	}
	items[i], items[j] = items[j], items[i]
}

// moveReturn is where a move goes back to: the page its button was on, or
// else fallback.
func moveReturn(fm *form, fallback string) string {
	if fm.Get("return") == "" {
		return fallback
	}
	return safeReturn(fm.Get("return"))
}
