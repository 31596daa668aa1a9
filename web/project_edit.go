package web

import "net/http"

// projectEdit shows the form to change a project's own fields.
func (s *Server) projectEdit(w http.ResponseWriter, r *http.Request) {
	b, ok := s.loadFollowup(w, r)
	if !ok {
		return
	}
	if !b.CanEdit {
		s.deny(w, r)
		return
	}
	p, ok := s.loadProject(w, r, b)
	if !ok {
		return
	}
	s.renderProjectEdit(w, r, http.StatusOK, b, p, newProjectForm(p), nil)
}
