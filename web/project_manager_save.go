package web

import (
	"net/http"

	"planverk/plan"
)

// projectManagerSave links a project to the account with the e-mail
// address typed, or unlinks it where the field is empty. An address with
// no account is named in the message, and the form keeps it.
func (s *Server) projectManagerSave(w http.ResponseWriter, r *http.Request) {
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
	p, ok := s.loadProject(w, r, b)
	if !ok {
		return
	}
	var id int64
	if email := fm.Get("email"); email != "" {
		u, err := s.store.UserByEmail(r.Context(), email)
		if plan.ErrorCode(err) == plan.ENotFound {
			fm.Fail("email", "report.form.no-account", "Email", email)
			s.render(w, r, http.StatusUnprocessableEntity, "project_manager_edit", &view{Title: i18nTitle(r, "report.manager-title", "Project", p.Name()),
				Data: projectManagerView{followupBase: b, Project: p, ProjectPath: projectPath(p), Form: fm}})
			return
		}
		if err != nil {
			s.fail(w, r, err)
			return
		}
		id = u.ID
	}
	if err := s.store.SetProjectManager(r.Context(), p.ProgrammeID, p.ID, id); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, projectPath(p)+"?saved=1#reports", http.StatusSeeOther)
}
