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
	fm, f, v, ok := s.planForm(w, r)
	if !ok {
		return
	}
	g, m, ok := s.measureFor(w, r, f, v, auth.DeleteMeasure)
	if !ok {
		return
	}
	goalNo, measureNo := g.Number, m.Number
	_, err := s.store.EditPlan(r.Context(), v.ProgrammeID, v.Year,
		store.Edit{Author: whoOf(r).User.ID, Summary: changeSummary(fm, fmt.Sprintf("%d.%d", goalNo, measureNo)), Submission: fm.Get("submission")},
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
	http.Redirect(w, r, planPath(v)+"/history", http.StatusSeeOther)
}
