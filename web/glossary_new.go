package web

import (
	"net/http"

	"planverk/auth"
)

// glossaryNew shows the form for a new term of the glossary.
func (s *Server) glossaryNew(w http.ResponseWriter, r *http.Request) {
	if !can(r, auth.EditSchemes, auth.Resource{}) {
		s.deny(w, r)
		return
	}
	fm := newForm(nil)
	fm.Values.Set("submission", newSubmission())
	s.renderGlossaryEdit(w, r, http.StatusOK, "", fm, nil)
}
