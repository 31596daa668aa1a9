package web

import (
	"net/http"
	"net/mail"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// userInvite makes a one-time invitation link to planverk itself, with no
// programme role, and if asked with system administrator rights. Like a
// programme's invitations it is passed on by the person who made it.
func (s *Server) userInvite(w http.ResponseWriter, r *http.Request) {
	if !can(r, auth.ManageUsers, auth.Resource{}) {
		s.deny(w, r)
		return
	}
	f, ok := parseForm(w, r)
	if !ok {
		s.errorPage(w, r, http.StatusBadRequest, "error.bad-request")
		return
	}
	f.Required("email", "name")
	if e := f.Get("email"); e != "" {
		if a, err := mail.ParseAddress(e); err != nil || a.Address != e {
			f.Fail("email", "form.email")
		}
	}
	ctx := r.Context()
	if org := f.Get("organisation"); org != "" {
		if _, err := s.store.Organisation(ctx, org); plan.ErrorCode(err) == plan.ENotFound {
			f.Fail("organisation", "form.choose")
		} else if err != nil {
			s.fail(w, r, err)
			return
		}
	}
	if !f.OK() {
		s.renderUsers(w, r, http.StatusUnprocessableEntity, usersView{Form: f})
		return
	}
	plain, hash, err := auth.NewToken(auth.PrefixInvitation)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	now := s.now()
	_, err = s.store.CreateInvitation(ctx, store.Invitation{TokenHash: hash, Email: f.Get("email"),
		Name: f.Get("name"), Organisation: f.Get("organisation"), SystemAdmin: f.Get("system_admin") != "",
		CreatedBy: whoOf(r).User.ID, CreatedAt: now, ExpiresAt: now.Add(invitationLifetime)})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderUsers(w, r, http.StatusOK, usersView{Form: newForm(nil), Link: s.public.JoinPath("invitations", plain).String()})
}
