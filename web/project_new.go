package web

import (
	"net/http"

	"planverk/followup"
)

// projectNew shows the form to register a project of a programme, for
// those who may edit its plans. A project starts as an idea.
func (s *Server) projectNew(w http.ResponseWriter, r *http.Request) {
	b, ok := s.loadFollowup(w, r)
	if !ok {
		return
	}
	if !b.CanEdit {
		s.deny(w, r)
		return
	}
	p := followup.Project{ProgrammeID: b.Programme.ID, Status: followup.StatusIdea}
	s.renderProjectEdit(w, r, http.StatusOK, b, p, newProjectForm(p), nil)
}
