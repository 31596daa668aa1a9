package web

import "net/http"

// paymentDelete removes a payment of a grant commitment, once its
// confirmation page was seen (see removeMoney).
func (s *Server) paymentDelete(w http.ResponseWriter, r *http.Request) {
	s.removeMoney(w, r, true)
}
