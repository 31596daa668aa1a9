package web

import (
	"errors"
	"net/http"

	"planverk/auth"
	"planverk/scheme"
	"planverk/store"
)

// errSchemeIDTaken is what a new scheme's edit returns when its id is a
// scheme's already; deleted says the scheme is a deleted one.
type errSchemeIDTaken struct{ deleted bool }

func (e *errSchemeIDTaken) Error() string { return "the id is another scheme's" }

// schemeCreate adds a scheme to the catalogue. The form's submission key
// makes it happen once, however many times the form is sent: a double click
// or a resent request finds the scheme the first one made. An id that
// another scheme has, even a deleted one, is refused beside the field: a
// new scheme never overwrites one.
func (s *Server) schemeCreate(w http.ResponseWriter, r *http.Request) {
	fm, ok := s.formFor(w, r, auth.EditSchemes)
	if !ok {
		return
	}
	now := s.now().In(oslo)
	sc := scheme.Scheme{ID: fm.Get("id")}
	applySchemeForm(fm, &sc, now)
	if !fm.OK() {
		s.renderSchemeEdit(w, r, http.StatusUnprocessableEntity, "", fm, nil)
		return
	}
	empty := fingerprint(scheme.Scheme{ID: sc.ID})
	saved, err := s.store.EditScheme(r.Context(), sc.ID,
		store.Edit{Author: whoOf(r).User.ID, Summary: fm.Get("change_note"), Submission: fm.Get("submission")},
		func(cur *scheme.Scheme, exists bool) error {
			// A deleted scheme comes with its last content, and exists false.
			if exists || fingerprint(*cur) != empty {
				return &errSchemeIDTaken{deleted: !exists}
			}
			next := scheme.Scheme{ID: sc.ID}
			applySchemeForm(newForm(fm.Values), &next, now)
			*cur = next
			return nil
		})
	var taken *errSchemeIDTaken
	if errors.As(err, &taken) {
		if taken.deleted {
			fm.Fail("id", "scheme-form.error-id-deleted", "Value", sc.ID)
		} else {
			fm.Fail("id", "scheme-form.error-id-taken", "Value", sc.ID)
		}
		s.renderSchemeEdit(w, r, http.StatusUnprocessableEntity, "", fm, nil)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.schemes.forget()
	target := "/schemes/" + saved.Scheme.ID
	if !saved.Repeated {
		target += "?saved=1"
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
}
