package web

import "net/http"

// commitmentDelete removes a grant commitment and its payments, once its
// confirmation page was seen (see removeMoney).
func (s *Server) commitmentDelete(w http.ResponseWriter, r *http.Request) {
	s.removeMoney(w, r, false)
}
