package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"planverk/auth"
	"planverk/scheme"
	"planverk/store"
)

// glossarySave saves the form of one term. The glossary is one document,
// but people edit it a term at a time, so the form carries the fingerprint
// of its term as it was when the form was opened, compared inside the
// edit's transaction with the term as it is: a save after someone else
// changed another term goes through, and keeps their change; one after
// someone changed this term saves nothing, and the form comes back (409)
// with what the person typed, merged with what the other changed where
// only the other changed it, and the other's changes listed, as for a
// scheme.
func (s *Server) glossarySave(w http.ResponseWriter, r *http.Request) {
	fm, ok := s.formFor(w, r, auth.EditSchemes)
	if !ok {
		return
	}
	_, term, ok := s.glossaryTerm(w, r)
	if !ok {
		return
	}
	id := term.ID
	// Check the form first, so that errors are shown without touching the
	// database.
	next := scheme.Term{ID: id}
	applyGlossaryForm(fm, &next)
	if !fm.OK() {
		s.renderGlossaryEdit(w, r, http.StatusUnprocessableEntity, id, fm, nil)
		return
	}
	etag := fm.Get("etag")
	saved, err := s.store.EditGlossary(r.Context(),
		store.Edit{Author: whoOf(r).User.ID, Summary: fm.Get("change_note"), Submission: fm.Get("submission")},
		func(terms *[]scheme.Term) error {
			i := termIndex(*terms, id)
			if i < 0 {
				return &staleEdit{deleted: true}
			}
			if fingerprint((*terms)[i]) != etag {
				return &staleEdit{}
			}
			(*terms)[i] = next
			return nil
		})
	var stale *staleEdit
	if errors.As(err, &stale) {
		s.glossaryConflict(w, r, id, fm)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.schemes.forget()
	http.Redirect(w, r, glossaryTarget(id, saved), http.StatusSeeOther)
}

// glossaryTarget is where a save of the glossary leads: the term on the
// glossary page, saying it was saved unless the save was a repeat of one
// already made.
func glossaryTarget(id string, saved store.GlossaryRecord) string {
	target := "/glossary"
	if !saved.Repeated {
		target += "?saved=1"
	}
	if id != "" {
		target += "#" + url.PathEscape(id)
	}
	return target
}

// glossaryConflict shows the form again after a stale save: what the
// person typed, merged with what changed in the term meanwhile (mergeForm),
// and those changes, with who made the latest of them. The form now
// carries the marks of the term as it is.
func (s *Server) glossaryConflict(w http.ResponseWriter, r *http.Request, id string, fm *form) {
	recs, err := s.store.GlossaryRevisions(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var cur scheme.Term
	ok := len(recs) > 0
	if ok {
		cur, ok = findTerm(recs[0].Terms, id)
	}
	if !ok {
		s.goneConflict(w, r, "glossary-form.deleted-title", "glossary-form.deleted")
		return
	}
	lang := language(r)
	c := &schemeConflict{Author: recs[0].AuthorName, At: recs[0].SavedAt}
	if base, err := strconv.Atoi(fm.Get("base")); err == nil {
		if by, ok := termChangedBy(recs, base, id); ok {
			c.Author, c.At = by.AuthorName, by.SavedAt
		}
		for _, rec := range recs {
			if rec.Revision != base {
				continue
			}
			if was, ok := findTerm(rec.Terms, id); ok {
				c.Changes = termDiff(was, cur, lang)
				mergeForm(fm, glossaryValues(was), glossaryValues(cur))
			}
			break
		}
	}
	setGlossaryMarks(fm, recs[0], cur)
	s.renderGlossaryEdit(w, r, http.StatusConflict, id, fm, c)
}
