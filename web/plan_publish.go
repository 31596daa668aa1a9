package web

import (
	"net/http"

	"planverk/auth"
)

// planPublish opens a plan to everyone, or closes it to the programme's
// members again.
func (s *Server) planPublish(w http.ResponseWriter, r *http.Request) {
	f, v, ok := s.planFor(w, r, auth.EditProgramme)
	if !ok {
		return
	}
	publish := r.PostFormValue("publish") == "yes"
	if err := s.publishRefusal(r.Context(), f, v, publish); err != nil {
		s.refuse(w, r, err, cyclePath(v.ProgrammeID, v.Year))
		return
	}
	if err := s.store.SetPublished(r.Context(), v.ProgrammeID, v.Year, publish, whoOf(r).User.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, planPath(v), http.StatusSeeOther)
}
