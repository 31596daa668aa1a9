package web

import "net/http"

// financingDelete removes a financing table, once its confirmation page was seen
// (see deleteTable). The plan's history can put it back.
func (s *Server) financingDelete(w http.ResponseWriter, r *http.Request) {
	s.deleteTable(w, r, financingRemoval)
}
