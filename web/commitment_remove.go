package web

import "net/http"

// commitmentRemove shows what removing a grant commitment takes with it,
// its payments too, with the button that removes it.
func (s *Server) commitmentRemove(w http.ResponseWriter, r *http.Request) {
	b, p, ok := s.moneyFormFor(w, r)
	if !ok {
		return
	}
	ci, ok := s.commitmentIndex(w, r, p)
	if !ok {
		return
	}
	s.renderMoneyRemoval(w, r, http.StatusOK, b, p, ci, -1, nil)
}
