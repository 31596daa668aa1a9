package web

import (
	"fmt"
	"net/http"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// measureDelete removes a measure from the plan. Nothing is lost: the
// version before still holds it, the history records it whole, and it can
// be restored from there.
func (s *Server) measureDelete(w http.ResponseWriter, r *http.Request) {
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
	_, m := findMeasure(f, goalNo, measureNo)
	if m == nil {
		s.fail(w, r, plan.Errorf(plan.ENotFound, "no measure %d.%d", goalNo, measureNo))
		return
	}
	if !can(r, auth.DeleteMeasure, measureResource(v.ProgrammeID, v.Published, m)) {
		s.deny(w, r)
		return
	}
	_, err := s.store.EditPlan(r.Context(), v.ProgrammeID, v.Year,
		store.Edit{Author: whoOf(r).User.ID, Summary: editSummary(fm, "", goalNo, measureNo), Submission: fm.Get("submission")},
		func(cur *plan.File) error {
			g, cm := findMeasure(cur, goalNo, measureNo)
			if cm == nil {
				return nil // already gone: a second click changes nothing
			}
			for i := range g.Measures {
				if g.Measures[i].Number == measureNo {
					g.Measures = append(g.Measures[:i:i], g.Measures[i+1:]...)
					break
				}
			}
			return nil
		})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/programmes/%s/plans/%d/history", v.ProgrammeID, v.Year), http.StatusSeeOther)
}
