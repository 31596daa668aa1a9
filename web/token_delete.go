package web

import (
	"net/http"
	"strconv"
)

// tokenDelete withdraws one of the person's own API tokens.
func (s *Server) tokenDelete(w http.ResponseWriter, r *http.Request) {
	u, ok := s.accountUser(w, r)
	if !ok {
		return
	}
	id, err := strconv.ParseInt(r.PathValue("token"), 10, 64)
	if err != nil {
		s.errorPage(w, r, http.StatusNotFound, "error.not-found")
		return
	}
	if err := s.store.DeleteAPIToken(r.Context(), u.ID, id); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/account#tokens", http.StatusSeeOther)
}
