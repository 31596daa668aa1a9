package web

import (
	"fmt"
	"net/http"

	"planverk/auth"
	"planverk/store"
)

// planNext starts next year's plan from this one ("Start the plan for
// 2026") and opens its revision, where the person goes through what
// carried over.
func (s *Server) planNext(w http.ResponseWriter, r *http.Request) {
	fm, _, v, ok := s.planFormFor(w, r, auth.StartPlan)
	if !ok {
		return
	}
	next, err := s.store.RollPlan(r.Context(), v.ProgrammeID, v.Year+1, store.Edit{Author: whoOf(r).User.ID,
		Summary: i18nTitle(r, "cycle.started", "Year", v.Year+1, "From", v.Year), Submission: fm.Get("submission")})
	if err != nil {
		s.refuse(w, r, err, cyclePath(v.ProgrammeID, v.Year))
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/programmes/%s/plans/%d/revision/edit", next.ProgrammeID, next.Year), http.StatusSeeOther)
}
