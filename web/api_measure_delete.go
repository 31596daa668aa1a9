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
	u, err := apiUser(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	key, err := parseMeasureKey(r.PathValue("id"))
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	submission, err := apiSubmission(r, u.ID, "measures/"+r.PathValue("id"))
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	f, v, err := s.loadVisiblePlan(r, key.programme, key.year, 0)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	deleted := func(store.PlanVersion) { w.WriteHeader(http.StatusNoContent) }
	_, m := findMeasure(f, key.goal, key.number)
	if m == nil {
		s.apiFailOrRepeat(w, r, v, submission, plan.Errorf(plan.ENotFound, "no measure %s", r.PathValue("id")), deleted)
		return
	}
	if !can(r, auth.DeleteMeasure, measureResource(v.ProgrammeID, v.Published, m)) {
		s.apiFail(w, r, apiForbidden("api.forbidden", nil))
		return
	}
	cond, err := requireIfMatch(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if now := etagOf(m); !cond.matchStrong(now) {
		s.apiFailOrRepeat(w, r, v, submission, preconditionFailed(now), deleted)
		return
	}
	_, err = s.store.EditPlan(r.Context(), v.ProgrammeID, v.Year,
		store.Edit{Author: u.ID, Summary: fmt.Sprintf("%d.%d", key.goal, key.number), Submission: submission},
		func(cur *plan.File) error {
			g, cm := findMeasure(cur, key.goal, key.number)
			if cm == nil {
				return preconditionFailed("")
			}
			if now := etagOf(cm); !cond.matchStrong(now) {
				return preconditionFailed(now)
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
