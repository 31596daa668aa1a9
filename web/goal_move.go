package web

import (
	"errors"
	"fmt"
	"net/http"

	"planverk/plan"
	"planverk/store"
)

// goalMove moves a goal one place up or down among the plan's goals. Only
// its position changes, never its number: measures, budget lines and
// targets refer to goals by number. The button carries the order it was
// shown with, so that a move is made on the order the person saw; and a
// submission key, so that a double click moves once.
func (s *Server) goalMove(w http.ResponseWriter, r *http.Request) {
	fm, f, v, ok := s.planForm(w, r)
	if !ok {
		return
	}
	n, _, ok := s.goalFor(w, r, f, v)
	if !ok {
		return
	}
	s.saveMove(w, r, fm, v, n, goalOrderChange, func(cur *plan.File, etag string, step int) error {
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
}

// saveMove saves the press of a move button, of a goal or of a measure of
// goal: move moves the item step places on the plan as it is then, once
// it finds the order there still the one the button was shown with
// (etag), and returns a staleEdit otherwise. A stale move shows the goal's
// page again with what changed in the order (in).
func (s *Server) saveMove(w http.ResponseWriter, r *http.Request, fm *form, v store.PlanVersion, goal int,
	in func(plan.Change) bool, move func(cur *plan.File, etag string, step int) error) {
	step, ok := moveStep(fm)
	if !ok {
		s.errorPage(w, r, http.StatusBadRequest, "error.bad-request")
		return
	}
	etag := fm.Get("etag")
	_, err := s.store.EditPlan(r.Context(), v.ProgrammeID, v.Year,
		store.Edit{Author: whoOf(r).User.ID, Submission: fm.Get("submission")},
		func(cur *plan.File) error { return move(cur, etag, step) })
	var stale *staleEdit
	if errors.As(err, &stale) {
		s.goalConflict(w, r, goal, fm, in, "move")
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, moveReturn(fm, fmt.Sprintf("%s#goal-%d", planPath(v), goal)), http.StatusSeeOther)
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
