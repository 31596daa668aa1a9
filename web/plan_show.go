package web

import (
	"net/http"
)

// planShow shows a plan as a document, with computed totals and the
// findings of the rules. ?version=N shows an earlier version.
func (s *Server) planShow(w http.ResponseWriter, r *http.Request) {
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	pv := newPlanView(f, v.Version, language(r))
	pv.Perms = permsFor(r, v.ProgrammeID, v.Published)
	pv.Published = v.Published
	s.render(w, r, http.StatusOK, "plan", &view{Title: f.Plan.Title, Data: pv})
}
