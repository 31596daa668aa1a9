package web

import (
	"net/http"

	"planverk/followup"
)

// projectManagerEdit shows the form that links a project to its manager's
// account, by the account's e-mail address: the account may then see the
// project and write its reports, and nothing else of the programme's that
// is not public.
func (s *Server) projectManagerEdit(w http.ResponseWriter, r *http.Request) {
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
	fm := newForm(nil)
	if id, _, err := s.store.ProjectManager(r.Context(), p.ProgrammeID, p.ID); err != nil {
		s.fail(w, r, err)
		return
	} else if id != 0 {
		u, err := s.store.User(r.Context(), id)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		fm.Values.Set("email", u.Email)
	}
	s.render(w, r, http.StatusOK, "project_manager_edit", &view{Title: i18nTitle(r, "report.manager-title", "Project", p.Name()),
		Data: projectManagerView{followupBase: b, Project: p, ProjectPath: projectPath(p), Form: fm}})
}

// projectManagerView is the page of a project's manager's account.
type projectManagerView struct {
	*followupBase
	Project     followup.Project
	ProjectPath string
	Form        *form
}
