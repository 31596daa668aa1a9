package web

import (
	"net/http"

	"planverk/auth"
	"planverk/plan"
)

// organisationNew shows the form that adds an organisation, one that no
// plan names yet.
func (s *Server) organisationNew(w http.ResponseWriter, r *http.Request) {
	if !can(r, auth.EditOrganisation, auth.Resource{}) {
		s.deny(w, r)
		return
	}
	s.renderOrganisationEdit(w, r, http.StatusOK, plan.Organisation{}, true, newForm(nil), nil)
}
