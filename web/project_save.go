package web

import (
	"net/http"
	"net/url"
	"strconv"

	"planverk/followup"
	"planverk/plan"
	"planverk/store"
)

// projectSave saves the project form. Where someone else saved the project
// after the form was opened, nothing is saved: the form comes back with
// what this person typed, the other's changes merged into the fields this
// person left alone, and a note of who saved and when.
func (s *Server) projectSave(w http.ResponseWriter, r *http.Request) {
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
	stored, ok := s.loadProject(w, r, b)
	if !ok {
		return
	}
	p := stored
	p.Version, _ = strconv.Atoi(fm.Get("version"))
	readProject(fm, &p)
	if fm.OK() && p.Version != stored.Version {
		err := plan.Errorf(plan.EConflict, "project %d is at version %d, not %d", stored.ID, stored.Version, p.Version)
		s.projectConflict(w, r, b, stored, fm, err)
		return
	}
	if !fm.OK() {
		s.renderProjectEdit(w, r, http.StatusUnprocessableEntity, b, stored, fm, nil)
		return
	}
	saved, err := s.store.SaveProject(r.Context(), p, store.Edit{Author: whoOf(r).Subject.UserID})
	if plan.ErrorCode(err) == plan.EConflict {
		// Someone saved between loading and saving: show what they saved.
		if now, lerr := s.store.Project(r.Context(), stored.ProgrammeID, stored.ID); lerr == nil {
			stored = now
		}
		s.projectConflict(w, r, b, stored, fm, err)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, projectPath(saved)+"?saved=1", http.StatusSeeOther)
}

// projectConflict shows the form again after a lost race, merged with the
// project as it is now stored.
func (s *Server) projectConflict(w http.ResponseWriter, r *http.Request, b *followupBase, now followup.Project, fm *form, err error) {
	opened, perr := url.ParseQuery(fm.Get("opened"))
	if perr != nil {
		opened = url.Values{}
	}
	mergeForm(fm, opened, projectValues(now))
	markProjectForm(fm, now)
	c := &conflictView{Author: now.UpdatedByName, At: now.UpdatedAt}
	s.log.Info("project edit conflict", "project", now.ID, "err", err)
	s.renderProjectEdit(w, r, http.StatusConflict, b, now, fm, c)
}
