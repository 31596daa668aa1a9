package web

import (
	"net/http"

	"planverk/auth"
	"planverk/store"
)

// schemeRestore puts a deleted scheme back into the catalogue as it was.
func (s *Server) schemeRestore(w http.ResponseWriter, r *http.Request) {
	fm, ok := s.formFor(w, r, auth.EditSchemes)
	if !ok {
		return
	}
	id := r.PathValue("id")
	if err := s.store.RestoreScheme(r.Context(), id, store.Edit{Author: whoOf(r).User.ID, Summary: fm.Get("change_note")}); err != nil {
		s.fail(w, r, err)
		return
	}
	s.schemes.forget()
	http.Redirect(w, r, "/schemes/"+id, http.StatusSeeOther)
}
