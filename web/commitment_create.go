package web

import (
	"net/http"

	"planverk/followup"
)

// commitmentCreate adds a grant commitment to a project from the form.
func (s *Server) commitmentCreate(w http.ResponseWriter, r *http.Request) {
	fm, ok := s.parseForm(w, r)
	if !ok {
		return
	}
	b, stored, ok := s.moneyFormFor(w, r)
	if !ok {
		return
	}
	var c followup.Commitment
	readCommitment(fm, &c)
	if !fm.OK() {
		s.renderCommitmentForm(w, r, http.StatusUnprocessableEntity, b, stored, -1, fm, nil)
		return
	}
	p := stored
	p.Commitments = append(append([]followup.Commitment(nil), stored.Commitments...), c)
	saved, ok := s.saveMoney(w, r, fm, stored, p, func(now followup.Project, cv *conflictView) {
		// A new commitment merges with nothing: the form keeps what was
		// typed, for the person to check against the project and send again.
		markMoneyForm(fm, now, commitmentValues(followup.Commitment{}))
		s.renderCommitmentForm(w, r, http.StatusConflict, b, now, -1, fm, cv)
	})
	if ok {
		http.Redirect(w, r, projectPath(saved)+"?saved=1#money", http.StatusSeeOther)
	}
}
