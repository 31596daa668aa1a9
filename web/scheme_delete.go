package web

import (
	"net/http"

	"planverk/auth"
	"planverk/store"
)

// schemeDelete takes a scheme out of the catalogue. Nothing is lost: its
// revisions stay, and its page, which editors still see, offers to restore
// it. A second click changes nothing.
func (s *Server) schemeDelete(w http.ResponseWriter, r *http.Request) {
	fm, ok := s.formFor(w, r, auth.EditSchemes)
	if !ok {
		return
	}
	id := r.PathValue("id")
	if err := s.store.DeleteScheme(r.Context(), id, store.Edit{Author: whoOf(r).User.ID, Summary: fm.Get("change_note")}); err != nil {
		s.fail(w, r, err)
		return
	}
	s.schemes.forget()
	http.Redirect(w, r, "/schemes/"+id, http.StatusSeeOther)
}
