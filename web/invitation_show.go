package web

import (
	"net/http"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

type invitationView struct {
	Invitation store.Invitation
	Token      string
	// Existing is set when an account with the invitation's e-mail exists:
	// accepting then only gives it the role.
	Existing bool
	Form     *form
}

// invitationShow shows an invitation and the form that accepts it.
func (s *Server) invitationShow(w http.ResponseWriter, r *http.Request) {
	f := newForm(nil)
	s.renderInvitation(w, r, http.StatusOK, f)
}

// renderInvitation shows the invitation the link names, or why it cannot be
// used any more.
func (s *Server) renderInvitation(w http.ResponseWriter, r *http.Request, status int, f *form) {
	token := r.PathValue("token")
	inv, err := s.store.Invitation(r.Context(), auth.HashToken(token))
	if plan.ErrorCode(err) == plan.ENotFound {
		s.errorPage(w, r, http.StatusNotFound, "invitation.unknown")
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if inv.UsedAt != nil {
		s.errorPage(w, r, http.StatusGone, "invitation.used")
		return
	}
	if s.now().After(inv.ExpiresAt) {
		s.errorPage(w, r, http.StatusGone, "invitation.expired")
		return
	}
	_, err = s.store.UserByEmail(r.Context(), inv.Email)
	existing := err == nil
	if err != nil && plan.ErrorCode(err) != plan.ENotFound {
		s.fail(w, r, err)
		return
	}
	if f.Get("name") == "" {
		f.Values.Set("name", inv.Name)
	}
	s.render(w, r, status, "invitation", &view{Title: i18nTitle(r, "invitation.title"),
		Data: invitationView{Invitation: inv, Token: token, Existing: existing, Form: f}})
}
