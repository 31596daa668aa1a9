package web

import (
	"net/http"
)

// apiCycleShow answers with a plan's yearly cycle: where it stands, its
// releases and decisions, what it waits for. Political decisions are
// public: a visitor reads the cycle of a plan open to everyone, as the
// cycle page shows it.
func (s *Server) apiCycleShow(w http.ResponseWriter, r *http.Request) {
	cv, f, err := s.apiCycleFor(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	out := apiCycleOf(cv, f)
	writeTagged(w, r, http.StatusOK, etagOf(out), out)
}
