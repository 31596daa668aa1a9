package web

import (
	"net/http"

	"planverk/auth"
	"planverk/plan"
)

// invitationSave accepts an invitation: it makes the account (or gives an
// existing one the role) and logs the person in. The store uses the
// invitation once, however many times the form is sent.
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
	_, err = s.store.UserByEmail(r.Context(), inv.Email)
	existing := err == nil
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
	if existing {
		// The role is given; the person logs in with their own password.
		http.Redirect(w, r, "/login?return=/programmes/"+inv.Programme, http.StatusSeeOther)
		return
	}
	if err := s.startSession(r, u.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	back := "/"
	if inv.Programme != "" {
		back = "/programmes/" + inv.Programme
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
}
