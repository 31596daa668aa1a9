package web

import (
	"fmt"
	"net/http"

	"planverk/auth"
)

// planPublish opens a plan to everyone, or closes it to the programme's
// members again.
func (s *Server) planPublish(w http.ResponseWriter, r *http.Request) {
	_, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	if !can(r, auth.EditProgramme, auth.Resource{Programme: v.ProgrammeID, Published: v.Published}) {
		s.deny(w, r)
		return
	}
	publish := r.PostFormValue("publish") == "yes"
	if err := s.store.SetPublished(r.Context(), v.ProgrammeID, v.Year, publish, whoOf(r).User.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/programmes/%s/plans/%d", v.ProgrammeID, v.Year), http.StatusSeeOther)
}
