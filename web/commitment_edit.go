package web

import "net/http"

// commitmentEdit shows the form to change a grant commitment, or to record
// a released or reduced remainder of it.
func (s *Server) commitmentEdit(w http.ResponseWriter, r *http.Request) {
	b, p, ok := s.moneyFormFor(w, r)
	if !ok {
		return
	}
	ci, ok := s.commitmentIndex(w, r, p)
	if !ok {
		return
	}
	fm := newForm(commitmentValues(p.Commitments[ci]))
	markMoneyForm(fm, p, fm.Values)
	s.renderCommitmentForm(w, r, http.StatusOK, b, p, ci, fm, nil)
}
