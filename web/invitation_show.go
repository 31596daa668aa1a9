package web

import (
	"net/http"
	"net/url"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

type invitationView struct {
	Invitation store.Invitation
	// ProgrammeName is the name of the programme the invitation is to.
	ProgrammeName string
	Token         string
	// Existing is set when an account with the invitation's e-mail exists:
	// accepting then only gives it the role, and only its owner, logged
	// in, may accept.
	Existing bool
	// Invitee is set when the person asking is logged in as that account;
	// Other is the address of another account they are logged in as.
	Invitee bool
	Other   string
	// LogIn is the log-in page that comes back here.
	LogIn string
	Form  *form
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
	existing, err := s.store.UserByEmail(r.Context(), inv.Email)
	found := err == nil
	if err != nil && plan.ErrorCode(err) != plan.ENotFound {
		s.fail(w, r, err)
		return
	}
	if f.Get("name") == "" {
		f.Values.Set("name", inv.Name)
	}
	v := invitationView{Invitation: inv, ProgrammeName: inv.Programme, Token: token, Existing: found, Form: f,
		LogIn: "/login?return=" + url.QueryEscape("/invitations/"+token)}
	if u := whoOf(r).User; found && u != nil {
		v.Invitee = u.ID == existing.ID
		if !v.Invitee {
			v.Other = u.Email
		}
	}
	if inv.Programme != "" {
		ps, err := s.store.Programmes(r.Context())
		if err != nil {
			s.fail(w, r, err)
			return
		}
		for _, p := range ps {
			if p.ID == inv.Programme {
				v.ProgrammeName = p.Name
			}
		}
	}
	s.render(w, r, status, "invitation", &view{Title: i18nTitle(r, "invitation.title"), Data: v})
}
