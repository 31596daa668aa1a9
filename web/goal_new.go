package web

import (
	"net/http"

	"planverk/auth"
)

// goalNew shows the form for a new goal, added after the plan's last.
func (s *Server) goalNew(w http.ResponseWriter, r *http.Request) {
	f, v, ok := s.planFor(w, r, auth.EditPlan)
	if !ok {
		return
	}
	fm := newForm(nil)
	fm.Values.Set("submission", newSubmission())
	s.renderGoalEdit(w, r, http.StatusOK, f, v, nil, fm, nil, "")
}
