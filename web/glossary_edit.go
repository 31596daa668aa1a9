package web

import (
	"net/http"
	"strconv"

	"planverk/auth"
	"planverk/plan"
	"planverk/scheme"
	"planverk/store"
)

// glossaryEditView is the form of one glossary term, a new one or one that
// exists.
type glossaryEditView struct {
	// ID is the term's id; "" for a new one, whose form asks for it.
	ID       string
	Headword localText
	Form     *form
	Conflict *schemeConflict
	// DeleteSubmission is the submission key of the button that deletes
	// the term, so that a second click finds the deletion made.
	DeleteSubmission string
}

// glossaryEdit shows the form that edits one term of the glossary. Like
// the schemes, the glossary is edited by those who maintain the catalogue
// (auth.EditSchemes).
func (s *Server) glossaryEdit(w http.ResponseWriter, r *http.Request) {
	latest, term, ok := s.glossaryTerm(w, r)
	if !ok {
		return
	}
	fm := newForm(glossaryValues(term))
	setGlossaryMarks(fm, latest, term)
	s.renderGlossaryEdit(w, r, http.StatusOK, term.ID, fm, nil)
}

// glossaryTerm loads the glossary's latest revision and the term the
// request names, for those who edit the catalogue. A term the glossary
// does not have is not found; one it had, someone deleted: the person is
// told so, as after a save of a deleted scheme. Otherwise it answers the
// request and returns false. The older revisions are read only then.
func (s *Server) glossaryTerm(w http.ResponseWriter, r *http.Request) (store.GlossaryRecord, scheme.Term, bool) {
	if !can(r, auth.EditSchemes, auth.Resource{}) {
		s.deny(w, r)
		return store.GlossaryRecord{}, scheme.Term{}, false
	}
	latest, err := s.store.Glossary(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return store.GlossaryRecord{}, scheme.Term{}, false
	}
	id := r.PathValue("term")
	if t, ok := findTerm(latest.Terms, id); ok {
		return latest, t, true
	}
	recs, err := s.store.GlossaryRevisions(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return store.GlossaryRecord{}, scheme.Term{}, false
	}
	for _, rec := range recs {
		if termIndex(rec.Terms, id) >= 0 {
			s.goneConflict(w, r, "glossary-form.deleted-title", "glossary-form.deleted")
			return store.GlossaryRecord{}, scheme.Term{}, false
		}
	}
	s.fail(w, r, plan.Errorf(plan.ENotFound, "no glossary term %q", id))
	return store.GlossaryRecord{}, scheme.Term{}, false
}

// setGlossaryMarks gives the form the marks of the term as it is in rec:
// the fingerprint of the term alone (etag), so that a save over someone
// else's change to another term goes through; the glossary's revision
// (base), to show what changed since; and a new submission key.
func setGlossaryMarks(fm *form, rec store.GlossaryRecord, t scheme.Term) {
	fm.Values.Set("etag", fingerprint(t))
	fm.Values.Set("base", strconv.Itoa(rec.Revision))
	fm.Values.Set("submission", newSubmission())
}

func (s *Server) renderGlossaryEdit(w http.ResponseWriter, r *http.Request, status int, id string, fm *form, c *schemeConflict) {
	ev := glossaryEditView{ID: id, Form: fm, Conflict: c}
	title := i18nTitle(r, "glossary-form.new-title")
	if id != "" {
		// The headword as typed, so that the heading names what the
		// person is writing; the id where they have emptied the words.
		typed := scheme.Term{Terms: map[scheme.Lang][]string{}}
		for _, l := range scheme.Langs {
			typed.Terms[l] = formLines(fm.Raw("terms_" + string(l)))
		}
		if ev.Headword = termHeadword(&typed, schemeLang(language(r))); ev.Headword.Text == "" {
			ev.Headword = localText{Text: id}
		}
		ev.DeleteSubmission = newSubmission()
		title = i18nTitle(r, "glossary-form.title", "Name", ev.Headword.Text)
	}
	s.render(w, r, status, "glossary_edit", &view{Title: title, Data: ev})
}
