package web

import (
	"net/http"
	"slices"

	"planverk/i18n"
	"planverk/scheme"
)

// glossaryEntry is one term as a page shows it: its headword in the page's
// language, its words in both written forms, and its explanation.
type glossaryEntry struct {
	ID          string
	Title       localText
	NB, NN      []string
	Explanation localText
}

func newGlossaryEntry(t *scheme.Term, lang i18n.Lang) glossaryEntry {
	sl := schemeLang(lang)
	e := glossaryEntry{ID: t.ID, NB: t.Terms[scheme.LangNB], NN: t.Terms[scheme.LangNN], Explanation: textIn(t.Explanation, sl)}
	first := scheme.Text{}
	for _, l := range scheme.Langs {
		if len(t.Terms[l]) > 0 {
			first[l] = t.Terms[l][0]
		}
	}
	e.Title = textIn(first, sl)
	return e
}

// glossaryShow lists every term of the glossary with its explanation, in
// alphabetical order of the headwords in the page's language. Each term has
// an anchor, its id, that scheme pages link to.
func (s *Server) glossaryShow(w http.ResponseWriter, r *http.Request) {
	cat, err := s.catalogue(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	lang := language(r)
	var entries []glossaryEntry
	for i := range cat.Glossary {
		entries = append(entries, newGlossaryEntry(&cat.Glossary[i], lang))
	}
	coll := norwegianOrder()
	slices.SortStableFunc(entries, func(a, b glossaryEntry) int { return coll.CompareString(a.Title.Text, b.Title.Text) })
	s.render(w, r, http.StatusOK, "glossary", &view{Title: i18nTitle(r, "glossary.title"), Data: entries})
}
