package web

import "net/http"

// paymentRemove shows the payment that removing it takes away, with the
// button that removes it: a payment registered by mistake.
func (s *Server) paymentRemove(w http.ResponseWriter, r *http.Request) {
	b, p, ok := s.moneyFormFor(w, r)
	if !ok {
		return
	}
	ci, ok := s.commitmentIndex(w, r, p)
	if !ok {
		return
	}
	pi, ok := s.paymentIndex(w, r, p, p.Commitments[ci])
	if !ok {
		return
	}
	s.renderMoneyRemoval(w, r, http.StatusOK, b, p, ci, pi, nil)
}
