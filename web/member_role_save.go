package web

import (
	"net/http"
	"strconv"

	"planverk/auth"
)

// memberRoleSave changes a member's role in the programme, or takes it
// away (role "none").
func (s *Server) memberRoleSave(w http.ResponseWriter, r *http.Request) {
	p, ok := s.programmeFor(w, r, auth.ManageMembers)
	if !ok {
		return
	}
	userID, err := strconv.ParseInt(r.PathValue("user"), 10, 64)
	if err != nil {
		s.errorPage(w, r, http.StatusNotFound, "error.not-found")
		return
	}
	role := auth.Role(r.PostFormValue("role"))
	if role == "none" {
		role = ""
	} else if !role.Valid() {
		s.errorPage(w, r, http.StatusBadRequest, "members.role-invalid")
		return
	}
	if _, err := s.store.User(r.Context(), userID); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.store.SetRole(r.Context(), userID, p.ID, role); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/programmes/"+p.ID+"/members", http.StatusSeeOther)
}
