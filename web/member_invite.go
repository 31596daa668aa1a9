package web

import (
	"net/http"
	"net/mail"
	"time"

	"planverk/auth"
	"planverk/store"
)

// invitationLifetime is how long an invitation link can be used.
const invitationLifetime = 14 * 24 * time.Hour

// memberInvite makes a one-time invitation link that gives a role in the
// programme. planverk sends no e-mail: the administrator passes the link
// on, the way they already pass on documents.
func (s *Server) memberInvite(w http.ResponseWriter, r *http.Request) {
	p, ok := s.programmeFor(w, r, auth.ManageMembers)
	if !ok {
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
	role, err := auth.ParseRole(f.Get("role"))
	if err != nil {
		f.Fail("role", "members.role-invalid")
	}
	if !f.OK() {
		s.renderMembers(w, r, http.StatusUnprocessableEntity, f, "")
		return
	}
	plain, hash, err := auth.NewToken(auth.PrefixInvitation)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	now := s.now()
	_, err = s.store.CreateInvitation(r.Context(), store.Invitation{TokenHash: hash, Email: f.Get("email"),
		Name: f.Get("name"), Organisation: f.Get("organisation"), Programme: p.ID, Role: role,
		CreatedBy: whoOf(r).User.ID, CreatedAt: now, ExpiresAt: now.Add(invitationLifetime)})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	link := s.public.JoinPath("invitations", plain).String()
	s.renderMembers(w, r, http.StatusOK, newForm(nil), link)
}
