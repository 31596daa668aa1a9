package web

import (
	"net/http"
	"slices"

	"planverk/auth"
	"planverk/plan"
	"planverk/scheme"
	"planverk/store"
)

// glossaryDelete takes a term out of the glossary: a new revision without
// it, so that the history still has it and what it said. The button's
// submission key makes a second click find the deletion made; a term the
// glossary does not have is not found.
func (s *Server) glossaryDelete(w http.ResponseWriter, r *http.Request) {
	fm, ok := s.formFor(w, r, auth.EditSchemes)
	if !ok {
		return
	}
	id := r.PathValue("term")
	saved, err := s.store.EditGlossary(r.Context(),
		store.Edit{Author: whoOf(r).User.ID, Summary: fm.Get("change_note"), Submission: fm.Get("submission")},
		func(terms *[]scheme.Term) error {
			i := termIndex(*terms, id)
			if i < 0 {
				return plan.Errorf(plan.ENotFound, "no glossary term %q", id)
			}
			*terms = slices.Delete(*terms, i, i+1)
			return nil
		})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.schemes.forget()
	http.Redirect(w, r, glossaryTarget("", saved), http.StatusSeeOther)
}
