package web

import "net/http"

// logoutSave ends the session. It is a POST, so that no link or image on
// another site can log a person out.
func (s *Server) logoutSave(w http.ResponseWriter, r *http.Request) {
	if err := s.sessions.Destroy(r.Context()); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/", http.StatusSeeOther)
}
