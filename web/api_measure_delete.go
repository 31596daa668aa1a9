package web

import (
	"fmt"
	"net/http"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// apiMeasureDelete removes a measure: DELETE /api/v1/measures/{id} with
// If-Match. As in the browser nothing is lost: the version before holds
// it, and the history records it whole.
func (s *Server) apiMeasureDelete(w http.ResponseWriter, r *http.Request) {
	deleted := func(store.PlanVersion) { w.WriteHeader(http.StatusNoContent) }
	t, ok := s.apiMeasureFor(w, r, auth.DeleteMeasure, func(_ apiMeasureKey, v store.PlanVersion) { deleted(v) })
	if !ok {
		return
	}
	if now := etagOf(t.measure); !t.cond.matchStrong(now) {
		s.apiFailOrRepeat(w, r, t.v, t.submission, preconditionFailed(now), deleted)
		return
	}
	_, err := s.store.EditPlan(r.Context(), t.v.ProgrammeID, t.v.Year,
		store.Edit{Author: t.user.ID, Summary: fmt.Sprintf("%d.%d", t.key.goal, t.key.number), Submission: t.submission},
		func(cur *plan.File) error {
			g, cm, err := t.current(cur)
			if err != nil {
				return err
			}
			for i := range g.Measures {
				if &g.Measures[i] == cm {
					g.Measures = append(g.Measures[:i:i], g.Measures[i+1:]...)
					break
				}
			}
			return nil
		})
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
