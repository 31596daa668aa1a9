package web

import (
	"net/http"

	"planverk/auth"
)

// financingNew shows the form that adds a financing table: its title, its
// year or span of years, the budget it finances and its funding sources.
func (s *Server) financingNew(w http.ResponseWriter, r *http.Request) {
	f, v, ok := s.planFor(w, r, auth.EditPlan)
	if !ok {
		return
	}
	s.renderTableNew(w, r, http.StatusOK, f, v, "financing", newTableValues(f, "financing"))
}
