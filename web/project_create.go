package web

import (
	"net/http"

	"planverk/followup"
	"planverk/store"
)

// projectCreate registers a project from the form. What is wrong is named
// beside its field, and the form comes back as it was typed.
func (s *Server) projectCreate(w http.ResponseWriter, r *http.Request) {
	fm, ok := s.parseForm(w, r)
	if !ok {
		return
	}
	b, ok := s.loadFollowup(w, r)
	if !ok {
		return
	}
	if !b.CanEdit {
		s.deny(w, r)
		return
	}
	p := followup.Project{ProgrammeID: b.Programme.ID}
	readProject(fm, &p)
	if !fm.OK() {
		s.renderProjectEdit(w, r, http.StatusUnprocessableEntity, b, p, fm, nil)
		return
	}
	// The form's submission makes the same form sent twice (a double
	// click, a reload) register one project.
	saved, err := s.store.SaveProject(r.Context(), p, store.Edit{Author: whoOf(r).Subject.UserID, Submission: fm.Get("submission")})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, projectPath(saved)+"?saved=1", http.StatusSeeOther)
}
