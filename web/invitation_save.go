package web

import (
	"net/http"

	"planverk/auth"
	"planverk/plan"
)

// invitationSave accepts an invitation: it makes the account and logs the
// person in, or gives an existing account the role. The store uses the
// invitation once, however many times the form is sent.
//
// An existing account takes the role only when its owner accepts, logged
// in: whoever holds the link (a forwarded e-mail, a shared mailbox) must
// not be able to give the account rights its owner never asked for.
func (s *Server) invitationSave(w http.ResponseWriter, r *http.Request) {
	f, ok := s.parseForm(w, r)
	if !ok {
		return
	}
	hash := auth.HashToken(r.PathValue("token"))
	inv, err := s.store.Invitation(r.Context(), hash)
	if err != nil {
		s.renderInvitation(w, r, http.StatusNotFound, f)
		return
	}
	account, err := s.store.UserByEmail(r.Context(), inv.Email)
	existing := err == nil
	if existing {
		if u := whoOf(r).User; u == nil || u.ID != account.ID {
			// The page says who must log in; nothing is given.
			s.renderInvitation(w, r, http.StatusForbidden, f)
			return
		}
	}
	passwordHash := ""
	if !existing {
		f.Required("name")
		checkNewPassword(f, "password", "repeat")
		if !f.OK() {
			s.renderInvitation(w, r, http.StatusUnprocessableEntity, f)
			return
		}
		var ok bool
		if passwordHash, ok, err = s.hashInSlot(r.Context(), f.Raw("password")); err != nil {
			s.fail(w, r, err)
			return
		} else if !ok {
			s.busy(w, r)
			return
		}
	}
	u, err := s.store.AcceptInvitation(r.Context(), hash, f.Get("name"), passwordHash, s.now())
	if plan.ErrorCode(err) == plan.EConflict {
		s.renderInvitation(w, r, http.StatusGone, f)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	back := "/"
	if inv.Programme != "" {
		back = "/programmes/" + inv.Programme
	}
	if existing {
		// The owner, logged in, has the role now.
		http.Redirect(w, r, back, http.StatusSeeOther)
		return
	}
	if err := s.startSession(r, u.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
}
