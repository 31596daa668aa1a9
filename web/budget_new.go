package web

import (
	"net/http"

	"planverk/auth"
)

// budgetNew shows the form that adds a budget table: its title and the
// years it covers.
func (s *Server) budgetNew(w http.ResponseWriter, r *http.Request) {
	f, v, ok := s.planFor(w, r, auth.EditPlan)
	if !ok {
		return
	}
	s.renderTableNew(w, r, http.StatusOK, f, v, "budget", newTableValues(f, "budget"))
}
