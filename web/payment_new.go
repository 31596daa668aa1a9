package web

import (
	"net/http"
	"net/url"
)

// paymentNew shows the form to register a payment of a grant commitment.
func (s *Server) paymentNew(w http.ResponseWriter, r *http.Request) {
	b, p, ok := s.moneyFormFor(w, r)
	if !ok {
		return
	}
	ci, ok := s.commitmentIndex(w, r, p)
	if !ok {
		return
	}
	fm := newForm(nil)
	markMoneyForm(fm, p, url.Values{})
	s.renderPaymentForm(w, r, http.StatusOK, b, p, ci, fm, nil)
}
