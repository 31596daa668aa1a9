package web

import "net/http"

// financingRemove shows what removing a financing table takes with it, with the
// button that removes it.
func (s *Server) financingRemove(w http.ResponseWriter, r *http.Request) {
	s.showTableRemoval(w, r, financingRemoval)
}
