package web

import (
	"net/http"
)

// stepNew shows the form that records a step of the plan's cycle: the
// proposal, a municipality's decision, a funder's approval or a
// publication.
func (s *Server) stepNew(w http.ResponseWriter, r *http.Request) {
	sv, _, ok := s.stepFor(w, r, nil)
	if !ok {
		return
	}
	s.render(w, r, http.StatusOK, "step", &view{Title: i18nTitle(r, stepLabel(sv.Step)), Data: sv})
}
