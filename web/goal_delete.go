package web

import (
	"errors"
	"net/http"

	"planverk/plan"
	"planverk/store"
)

// goalInUse is what the delete returns when something still refers to the
// goal on the plan as it now is.
type goalInUse struct{}

func (goalInUse) Error() string { return "the goal still has measures or is referred to" }

// goalDelete removes a goal that nothing refers to: no measures under it,
// no budget line or target naming it. A goal in use stays, and its page
// says what still refers to it; removing those is a choice the person
// makes one by one. The version before still holds the goal.
func (s *Server) goalDelete(w http.ResponseWriter, r *http.Request) {
	fm, f, v, ok := s.planForm(w, r)
	if !ok {
		return
	}
	n, g, ok := s.goalFor(w, r, f, v)
	if !ok {
		return
	}
	if len(goalBlockers(f, g)) > 0 {
		s.renderGoalEdit(w, r, http.StatusConflict, f, v, g, newGoalForm(g, v), nil, "in-use")
		return
	}
	etag := fm.Get("etag")
	_, err := s.store.EditPlan(r.Context(), v.ProgrammeID, v.Year,
		store.Edit{Author: whoOf(r).User.ID, Summary: fm.Get("change_note"), Submission: fm.Get("submission")},
		func(cur *plan.File) error {
			cg := findGoal(cur, n)
			if cg == nil {
				return nil // already gone: a second click changes nothing
			}
			if goalMark(cg) != etag {
				return &staleEdit{}
			}
			if len(goalBlockers(cur, cg)) > 0 {
				return goalInUse{}
			}
			for i := range cur.Plan.Goals {
				if cur.Plan.Goals[i].Number == n {
					cur.Plan.Goals = append(cur.Plan.Goals[:i:i], cur.Plan.Goals[i+1:]...)
					break
				}
			}
			return nil
		})
	var stale *staleEdit
	switch {
	case errors.As(err, &stale):
		s.goalConflict(w, r, n, fm, goalFieldChange(n), "delete")
		return
	case errors.As(err, &goalInUse{}):
		// Something came to refer to the goal since it was loaded: its
		// page now says what.
		f, v, ok := s.loadPlan(w, r)
		if !ok {
			return
		}
		if g := findGoal(f, n); g != nil {
			s.renderGoalEdit(w, r, http.StatusConflict, f, v, g, newGoalForm(g, v), nil, "in-use")
			return
		}
		s.fail(w, r, plan.Errorf(plan.ENotFound, "no goal %d", n))
		return
	case err != nil:
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, planPath(v), http.StatusSeeOther)
}
