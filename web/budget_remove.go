package web

import "net/http"

// budgetRemove shows what removing a budget table takes with it, with the
// button that removes it.
func (s *Server) budgetRemove(w http.ResponseWriter, r *http.Request) {
	s.showTableRemoval(w, r, budgetRemoval)
}
