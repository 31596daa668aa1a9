package web

import (
	"net/http"
	"slices"

	"planverk/auth"
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
	return glossaryEntry{ID: t.ID, Title: termHeadword(t, sl), NB: t.Terms[scheme.LangNB], NN: t.Terms[scheme.LangNN],
		Explanation: textIn(t.Explanation, sl)}
}

// termHeadword is the word a term is listed by: its first word in the
// language wanted, or in the other where it has none there.
func termHeadword(t *scheme.Term, want scheme.Lang) localText {
	first := scheme.Text{}
	for _, l := range scheme.Langs {
		if len(t.Terms[l]) > 0 {
			first[l] = t.Terms[l][0]
		}
	}
	return textIn(first, want)
}

// glossaryView is the glossary page: its terms, and whether the person may
// edit them.
type glossaryView struct {
	Entries []glossaryEntry
	CanEdit bool
	// Saved is set on the page an editor comes back to after a save.
	Saved bool
}

// glossaryShow lists every term of the glossary with its explanation, in
// alphabetical order of the headwords in the page's language. Each term has
// an anchor, its id, that scheme pages link to. Those who edit the
// catalogue get a link to edit each term, to add one, and to the history.
func (s *Server) glossaryShow(w http.ResponseWriter, r *http.Request) {
	cat, err := s.catalogue(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	lang := language(r)
	gv := glossaryView{CanEdit: can(r, auth.EditSchemes, auth.Resource{})}
	gv.Saved = gv.CanEdit && r.URL.Query().Get("saved") != ""
	for i := range cat.Glossary {
		gv.Entries = append(gv.Entries, newGlossaryEntry(&cat.Glossary[i], lang))
	}
	coll := norwegianOrder()
	slices.SortStableFunc(gv.Entries, func(a, b glossaryEntry) int { return coll.CompareString(a.Title.Text, b.Title.Text) })
	s.render(w, r, http.StatusOK, "glossary", &view{Title: i18nTitle(r, "glossary.title"), Data: gv})
}
