package web

import (
	"errors"
	"net/http"

	"planverk/auth"
	"planverk/scheme"
	"planverk/store"
)

// errTermIDTaken is what a new term's edit returns when another term of
// the glossary has its id.
var errTermIDTaken = errors.New("the id is another term's")

// glossaryCreate adds a term to the glossary. The form's submission key
// makes it happen once, however many times the form is sent: a double
// click or a resent request finds the revision the first one made. An id
// another term has is refused beside the field: a new term never
// overwrites one.
func (s *Server) glossaryCreate(w http.ResponseWriter, r *http.Request) {
	fm, ok := s.formFor(w, r, auth.EditSchemes)
	if !ok {
		return
	}
	t := scheme.Term{ID: fm.Get("id")}
	applyGlossaryForm(fm, &t)
	if !fm.OK() {
		s.renderGlossaryEdit(w, r, http.StatusUnprocessableEntity, "", fm, nil)
		return
	}
	saved, err := s.store.EditGlossary(r.Context(),
		store.Edit{Author: whoOf(r).User.ID, Summary: fm.Get("change_note"), Submission: fm.Get("submission")},
		func(terms *[]scheme.Term) error {
			if termIndex(*terms, t.ID) >= 0 {
				return errTermIDTaken
			}
			*terms = append(*terms, t)
			return nil
		})
	if errors.Is(err, errTermIDTaken) {
		fm.Fail("id", "glossary-form.error-id-taken", "Value", t.ID)
		s.renderGlossaryEdit(w, r, http.StatusUnprocessableEntity, "", fm, nil)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.schemes.forget()
	http.Redirect(w, r, glossaryTarget(t.ID, saved), http.StatusSeeOther)
}
