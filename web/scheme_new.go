package web

import (
	"net/http"

	"planverk/auth"
)

// schemeNew shows the form for a new scheme.
func (s *Server) schemeNew(w http.ResponseWriter, r *http.Request) {
	if !can(r, auth.EditSchemes, auth.Resource{}) {
		s.deny(w, r)
		return
	}
	fm := newForm(nil)
	fm.Values.Set("status", "open")
	fm.Values.Set("submission", newSubmission())
	s.renderSchemeEdit(w, r, http.StatusOK, "", fm, nil)
}
