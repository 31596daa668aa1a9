package web

import (
	"fmt"
	"net/http"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// goalCreate adds a goal at the end of the plan, numbered after the
// highest number a goal has: numbers are never reused while the plan
// holds them, since measures, budget lines and targets refer to goals by
// number. The form's submission key makes it happen once, however many
// times the form is sent.
func (s *Server) goalCreate(w http.ResponseWriter, r *http.Request) {
	fm, f, v, ok := s.planFormFor(w, r, auth.EditPlan)
	if !ok {
		return
	}
	var check plan.Goal
	applyGoalForm(fm, &check)
	asked := checkGoalName(fm, f, nil)
	if !fm.OK() {
		s.renderGoalEdit(w, r, http.StatusUnprocessableEntity, f, v, nil, fm, nil, "")
		return
	}
	number := 0
	saved, err := s.store.EditPlan(r.Context(), v.ProgrammeID, v.Year,
		store.Edit{Author: whoOf(r).User.ID, Summary: fm.Get("change_note"), Submission: fm.Get("submission")},
		func(cur *plan.File) error {
			var g plan.Goal
			applyGoalForm(newForm(fm.Values), &g)
			g.Number = 1
			for _, o := range cur.Plan.Goals {
				g.Number = max(g.Number, o.Number+1)
			}
			if asked != 0 {
				if findGoal(cur, asked) != nil {
					return plan.Errorf(plan.EConflict, "goal number %d was taken meanwhile", asked)
				}
				g.Number = asked
			}
			number = g.Number
			cur.Plan.Goals = append(cur.Plan.Goals, g)
			return nil
		})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if saved.Repeated {
		// The same form again: the goal the first one made is on the plan.
		http.Redirect(w, r, planPath(v), http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("%s#goal-%d", planPath(v), number), http.StatusSeeOther)
}
