package web

import (
	"net/http"

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
	f, ok := s.parseForm(w, r)
	if !ok {
		return
	}
	checkInvitee(f)
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
	link, err := s.invite(r, f, store.Invitation{
		SystemAdmin:     f.Get("system_admin") != "",
		CatalogueEditor: f.Get("catalogue_editor") != "",
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderUsers(w, r, http.StatusOK, usersView{Form: newForm(nil), Link: link})
}
