package web

import (
	"fmt"
	"net/http"

	"planverk/plan"
	"planverk/store"
)

// measureCreate adds a measure at the end of a goal, numbered after its
// last. The form's submission key makes it happen once, however many times
// the form is sent: a double click or a resent request finds the measure
// the first one made.
func (s *Server) measureCreate(w http.ResponseWriter, r *http.Request) {
	fm, f, v, ok := s.planForm(w, r)
	if !ok {
		return
	}
	goalNo, g, ok := s.goalFor(w, r, f, v)
	if !ok {
		return
	}
	var m plan.Measure
	applyMeasureForm(fm, f, &m)
	asked := checkMeasureName(fm, g, nil, true)
	if !fm.OK() {
		s.renderMeasureEdit(w, r, http.StatusUnprocessableEntity, f, v, g, nil, fm, nil)
		return
	}
	if fm.Get("preview") != "" {
		s.renderMeasurePreview(w, r, f, v, g, nil, &m, fm)
		return
	}
	number := 0
	saved, err := s.store.EditPlan(r.Context(), v.ProgrammeID, v.Year,
		store.Edit{Author: whoOf(r).User.ID, Summary: fm.Get("change_note"), Submission: fm.Get("submission")},
		func(cur *plan.File) error {
			cg := findGoal(cur, goalNo)
			if cg == nil {
				return plan.Errorf(plan.EConflict, "goal %d is no longer in the plan", goalNo)
			}
			var nm plan.Measure
			applyMeasureForm(newForm(fm.Values), cur, &nm)
			nm.Number = 1
			for _, o := range cg.Measures {
				nm.Number = max(nm.Number, o.Number+1)
			}
			if asked != 0 {
				if numberTaken(cg, nil, asked) {
					return plan.Errorf(plan.EConflict, "measure number %d of goal %d was taken meanwhile", asked, goalNo)
				}
				nm.Number = asked
			}
			number = nm.Number
			cg.Measures = append(cg.Measures, nm)
			return nil
		})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if saved.Repeated {
		// The same form again: go where the first one went, the goal's
		// measures.
		http.Redirect(w, r, fmt.Sprintf("%s#goal-%d", planPath(v), goalNo), http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("%s/goals/%d/measures/%d?saved=1", planPath(v), goalNo, number), http.StatusSeeOther)
}
