package web

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"planverk/auth"
	"planverk/scheme"
	"planverk/store"
)

// schemeSave saves the scheme form. The form carries the fingerprint of the
// scheme as it was when the form was opened, compared inside the edit's
// transaction: if someone saved the scheme since, nothing is saved, and the
// form comes back (409) with what the person typed, merged with what the
// other changed where only the other changed it, and the other's changes
// listed, so that they can save again knowingly.
func (s *Server) schemeSave(w http.ResponseWriter, r *http.Request) {
	fm, ok := s.formFor(w, r, auth.EditSchemes)
	if !ok {
		return
	}
	rec, ok := s.latestScheme(w, r, true)
	if !ok {
		return
	}
	id := rec.Scheme.ID
	if rec.Deleted {
		s.goneConflict(w, r, "scheme-form.deleted-title", "scheme-form.deleted")
		return
	}
	// Check the form on a copy first, so that errors are shown without
	// touching the database.
	now := s.now().In(oslo)
	check := scheme.Scheme{ID: id}
	applySchemeForm(fm, &check, now)
	if !fm.OK() {
		s.renderSchemeEdit(w, r, http.StatusUnprocessableEntity, id, fm, nil)
		return
	}
	etag := fm.Get("etag")
	saved, err := s.store.EditScheme(r.Context(), id,
		store.Edit{Author: whoOf(r).User.ID, Summary: fm.Get("change_note"), Submission: fm.Get("submission")},
		func(cur *scheme.Scheme, exists bool) error {
			if !exists {
				return &staleEdit{deleted: true}
			}
			if fingerprint(*cur) != etag {
				return &staleEdit{}
			}
			next := scheme.Scheme{ID: id}
			applySchemeForm(newForm(fm.Values), &next, now)
			keepChoiceOrder(&next, cur)
			*cur = next
			return nil
		})
	var stale *staleEdit
	if errors.As(err, &stale) {
		s.schemeConflict(w, r, id, fm)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.schemes.forget()
	target := "/schemes/" + id
	if !saved.Repeated {
		target += "?saved=1"
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
}

// schemeConflict shows the form again after a stale save: what the person
// typed, merged with what changed meanwhile (mergeSchemeForm), and the
// changes since the revision the form was opened on. The form now carries
// the marks of the scheme as it is.
func (s *Server) schemeConflict(w http.ResponseWriter, r *http.Request, id string, fm *form) {
	recs, err := s.store.SchemeRevisions(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	cur := recs[0]
	if cur.Deleted {
		s.goneConflict(w, r, "scheme-form.deleted-title", "scheme-form.deleted")
		return
	}
	lang := language(r)
	c := &schemeConflict{Author: cur.AuthorName, At: cur.SavedAt}
	if base, err := strconv.Atoi(fm.Get("base")); err == nil {
		for _, rec := range recs {
			if rec.Revision == base {
				c.Changes = schemeDiff(rec.Scheme, cur.Scheme, lang)
				mergeSchemeForm(fm, schemeValues(rec.Scheme, lang), schemeValues(cur.Scheme, lang))
				break
			}
		}
	}
	setSchemeMarks(fm, cur)
	s.renderSchemeEdit(w, r, http.StatusConflict, id, fm, c)
}

// mergeSchemeForm is mergeForm for the scheme form, whose groups of check
// boxes send a name once per box: a field, or a whole group, that the
// person left as it was takes the other's value; one both changed keeps
// what the person typed and is marked with the other's value.
func mergeSchemeForm(fm *form, base, current map[string][]string) {
	names := map[string]bool{}
	for n := range base {
		names[n] = true
	}
	for n := range current {
		names[n] = true
	}
	for n := range names {
		mine, theirs, was := joinValues(fm.Values[n]), joinValues(current[n]), joinValues(base[n])
		switch {
		case theirs == was || sameText(mine, theirs):
		case sameText(mine, was):
			fm.Values[n] = current[n]
		default:
			fm.Fail(n, "form.both-changed", "Value", theirs)
		}
	}
}

// joinValues writes a field's values as one text to compare: a group's in
// sorted order, since the boxes are sent in the form's order and a scheme
// may list them in another.
func joinValues(vs []string) string {
	return strings.Join(slices.Sorted(slices.Values(vs)), ", ")
}

// keepChoiceOrder keeps the order a scheme lists its kinds, audiences,
// stages and themes in where the form ticks the same ones: the form sends
// them in its own order, and saving a form unchanged must change nothing.
func keepChoiceOrder(next, cur *scheme.Scheme) {
	next.Kinds = sameSet(next.Kinds, cur.Kinds)
	next.Audiences = sameSet(next.Audiences, cur.Audiences)
	next.Stages = sameSet(next.Stages, cur.Stages)
	next.Themes = sameSet(next.Themes, cur.Themes)
}

// sameSet returns had where it holds the same values as got, else got.
func sameSet[T ~string](got, had []T) []T {
	if len(got) == len(had) && !slices.ContainsFunc(got, func(v T) bool { return !slices.Contains(had, v) }) {
		return had
	}
	return got
}
