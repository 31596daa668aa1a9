package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// goalSave saves the goal form. A save over someone else's change to the
// goal saves nothing and shows the form again with what the person typed
// and what changed; changes to the goal's measures do not count, since the
// form does not show them.
func (s *Server) goalSave(w http.ResponseWriter, r *http.Request) {
	fm, f, v, ok := s.planForm(w, r)
	if !ok {
		return
	}
	if n, _ := goalNumber(r); findGoal(f, n) == nil && fm.Get("etag") != "" && fm.Get("base") != "" &&
		can(r, auth.EditPlan, planResource(v)) {
		// The form was open on the goal, which someone deleted meanwhile.
		s.goneConflict(w, r, "structure.goal-deleted-title", "structure.goal-deleted")
		return
	}
	n, g, ok := s.goalFor(w, r, f, v)
	if !ok {
		return
	}
	check := *g
	applyGoalForm(fm, &check)
	number := checkGoalName(fm, f, g)
	if number != 0 && number != n && fm.OK() {
		count, err := s.goalProjects(r.Context(), v.ProgrammeID, n)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if count > 0 {
			fm.Fail("number", "structure.goal-number-projects", "Count", count)
		}
	}
	if !fm.OK() {
		s.renderGoalEdit(w, r, http.StatusUnprocessableEntity, f, v, g, fm, nil, "")
		return
	}
	etag := fm.Get("etag")
	_, err := s.store.EditPlan(r.Context(), v.ProgrammeID, v.Year,
		store.Edit{Author: whoOf(r).User.ID, Summary: fm.Get("change_note"), Submission: fm.Get("submission")},
		func(cur *plan.File) error {
			cg := findGoal(cur, n)
			if cg == nil {
				return &staleEdit{deleted: true}
			}
			if goalMark(cg) != etag {
				return &staleEdit{}
			}
			applyGoalForm(newForm(fm.Values), cg)
			if number != 0 && number != n {
				if findGoal(cur, number) != nil {
					return plan.Errorf(plan.EConflict, "goal number %d was taken meanwhile", number)
				}
				renumberGoal(cur, cg, number)
			}
			return nil
		})
	var stale *staleEdit
	if errors.As(err, &stale) {
		s.goalConflict(w, r, n, fm, goalFieldChange(n), "")
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if number != 0 {
		n = number
	}
	http.Redirect(w, r, fmt.Sprintf("%s#goal-%d", planPath(v), n), http.StatusSeeOther)
}

// goalConflict shows the goal's page again after a stale save, move or
// delete (stopped is "", "move" or "delete"): with what the person typed,
// what changed in the part in question since the form's base, and the
// goal as it now is. A goal deleted meanwhile has no page to come back to.
func (s *Server) goalConflict(w http.ResponseWriter, r *http.Request, n int, fm *form, in func(plan.Change) bool, stopped string) {
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	g := findGoal(f, n)
	if g == nil {
		s.goneConflict(w, r, "structure.goal-deleted-title", "structure.goal-deleted")
		return
	}
	if stopped != "" {
		// A move or delete button carries nothing typed: the form shows
		// the goal as it is, and the changes since the page the button
		// was on.
		fresh := newGoalForm(g, v)
		fresh.Values.Set("base", fm.Get("base"))
		fm = fresh
	}
	c := s.structureConflict(r, f, v, fm, in, func(f *plan.File) url.Values {
		if g := findGoal(f, n); g != nil {
			return goalValues(g)
		}
		return nil
	})
	renewForm(fm, v, goalMark(g))
	s.renderGoalEdit(w, r, http.StatusConflict, f, v, g, fm, c, stopped)
}
