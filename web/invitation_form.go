package web

import (
	"net/http"
	"net/mail"
	"time"

	"planverk/auth"
	"planverk/store"
)

// Invitations are made on two pages: a programme's members (with a role in
// the programme) and the users page (to planverk itself). planverk sends
// no e-mail: the person who made the link passes it on, the way they
// already pass on documents.

// invitationLifetime is how long an invitation link can be used.
const invitationLifetime = 14 * 24 * time.Hour

// checkInvitee checks the fields every invitation form has: the name and
// e-mail address of the person invited.
func checkInvitee(f *form) {
	f.Required("email", "name")
	if e := f.Get("email"); e != "" {
		if a, err := mail.ParseAddress(e); err != nil || a.Address != e {
			f.Fail("email", "form.email")
		}
	}
}

// invite makes a one-time invitation, inv, for the person the form names,
// and returns its link. Only the token's hash is kept.
func (s *Server) invite(r *http.Request, f *form, inv store.Invitation) (string, error) {
	plain, hash, err := auth.NewToken(auth.PrefixInvitation)
	if err != nil {
		return "", err
	}
	now := s.now()
	inv.TokenHash, inv.Email, inv.Name, inv.Organisation = hash, f.Get("email"), f.Get("name"), f.Get("organisation")
	inv.CreatedBy, inv.CreatedAt, inv.ExpiresAt = whoOf(r).User.ID, now, now.Add(invitationLifetime)
	if _, err := s.store.CreateInvitation(r.Context(), inv); err != nil {
		return "", err
	}
	return s.public.JoinPath("invitations", plain).String(), nil
}
