package web

import "net/http"

// budgetDelete removes a budget table, once its confirmation page was seen
// (see deleteTable). The plan's history can put it back.
func (s *Server) budgetDelete(w http.ResponseWriter, r *http.Request) {
	s.deleteTable(w, r, budgetRemoval)
}
