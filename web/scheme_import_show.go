package web

import (
	"net/http"

	"planverk/auth"
)

// schemeImportShow shows the form that imports a catalogue file, for those
// who maintain the catalogue.
func (s *Server) schemeImportShow(w http.ResponseWriter, r *http.Request) {
	if !can(r, auth.EditSchemes, auth.Resource{}) {
		s.deny(w, r)
		return
	}
	s.renderSchemeImport(w, r, http.StatusOK, newForm(nil), "", nil)
}
