package web

import (
	"net/http"
	"strconv"

	"planverk/auth"
	"planverk/plan"
)

// userSave changes a user's organisation and their system administrator
// and disabled flags. Nobody changes their own flags: a system
// administrator who took away their own rights, or shut themselves out,
// could leave the installation with nobody to manage it.
func (s *Server) userSave(w http.ResponseWriter, r *http.Request) {
	fm, ok := s.formFor(w, r, auth.ManageUsers)
	if !ok {
		return
	}
	id, err := strconv.ParseInt(r.PathValue("user"), 10, 64)
	if err != nil {
		s.errorPage(w, r, http.StatusNotFound, "error.not-found")
		return
	}
	ctx := r.Context()
	u, err := s.store.User(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// The row's form always carries the fingerprint; a form without it
	// did not come from the page.
	if fm.Get("etag") == "" {
		s.errorPage(w, r, http.StatusBadRequest, "error.bad-request")
		return
	}
	want := u
	want.Organisation = fm.Get("organisation")
	want.SystemAdmin = fm.Get("system_admin") != ""
	want.CatalogueEditor = fm.Get("catalogue_editor") != ""
	want.Disabled = fm.Get("disabled") != ""
	refuse := func(status int, msg string) {
		s.renderUsers(w, r, status, usersView{Form: newForm(nil), Problem: msg, ProblemName: u.Name})
	}
	if want.Organisation != "" && want.Organisation != u.Organisation {
		if _, err := s.store.Organisation(ctx, want.Organisation); plan.ErrorCode(err) == plan.ENotFound {
			refuse(http.StatusUnprocessableEntity, "admin.user-organisation")
			return
		} else if err != nil {
			s.fail(w, r, err)
			return
		}
	}
	if u.ID == whoOf(r).User.ID && (want.SystemAdmin != u.SystemAdmin || want.Disabled != u.Disabled) {
		refuse(http.StatusUnprocessableEntity, "admin.user-self")
		return
	}
	// A user who already is what the form asks for needs nothing: this
	// also makes the same form sent twice a single change.
	if userEtag(want) == userEtag(u) {
		http.Redirect(w, r, "/users?saved=1", http.StatusSeeOther)
		return
	}
	if fm.Get("etag") != userEtag(u) {
		refuse(http.StatusConflict, "admin.user-stale")
		return
	}
	if err := s.store.UpdateUser(ctx, want); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/users?saved=1", http.StatusSeeOther)
}
