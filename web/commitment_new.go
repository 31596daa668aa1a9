package web

import (
	"net/http"

	"planverk/followup"
)

// commitmentNew shows the form to register a grant commitment to a project.
func (s *Server) commitmentNew(w http.ResponseWriter, r *http.Request) {
	b, p, ok := s.moneyFormFor(w, r)
	if !ok {
		return
	}
	fm := newForm(commitmentValues(followup.Commitment{}))
	markMoneyForm(fm, p, fm.Values)
	s.renderCommitmentForm(w, r, http.StatusOK, b, p, -1, fm, nil)
}
