package web

import (
	"net/http"

	"planverk/auth"
	"planverk/store"
)

// memberInvite makes a one-time invitation link that gives a role in the
// programme. planverk sends no e-mail: the administrator passes the link
// on, the way they already pass on documents.
func (s *Server) memberInvite(w http.ResponseWriter, r *http.Request) {
	p, ok := s.programmeFor(w, r, auth.ManageMembers)
	if !ok {
		return
	}
	f, ok := s.parseForm(w, r)
	if !ok {
		return
	}
	checkInvitee(f)
	role, err := auth.ParseRole(f.Get("role"))
	if err != nil {
		f.Fail("role", "members.role-invalid")
	}
	if !f.OK() {
		s.renderMembers(w, r, http.StatusUnprocessableEntity, f, "")
		return
	}
	link, err := s.invite(r, f, store.Invitation{Programme: p.ID, Role: role})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderMembers(w, r, http.StatusOK, newForm(nil), link)
}
