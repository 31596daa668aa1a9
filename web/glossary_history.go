package web

import (
	"net/http"
	"time"

	"planverk/auth"
)

// glossaryHistoryEntry is one revision of the glossary and what it changed
// from the one before.
type glossaryHistoryEntry struct {
	Revision   int
	SavedAt    time.Time
	AuthorName string
	Summary    string
	// First is the revision that made the glossary, with Count terms.
	First bool
	Count int
	glossaryChanges
}

// glossaryHistory shows who changed the glossary, when, their note, and
// what each revision changed from the one before: the terms it added and
// deleted, and those it changed, field by field. Like a scheme's history,
// it is for those who edit the catalogue.
func (s *Server) glossaryHistory(w http.ResponseWriter, r *http.Request) {
	if !can(r, auth.EditSchemes, auth.Resource{}) {
		s.deny(w, r)
		return
	}
	recs, err := s.store.GlossaryRevisions(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	lang := language(r)
	var entries []glossaryHistoryEntry
	for i, rec := range recs {
		e := glossaryHistoryEntry{Revision: rec.Revision, SavedAt: rec.SavedAt, AuthorName: rec.AuthorName, Summary: rec.Summary}
		if i+1 < len(recs) {
			e.glossaryChanges = glossaryDiff(recs[i+1].Terms, rec.Terms, lang)
		} else {
			// The first revision is the glossary as it was loaded, which
			// the glossary page shows; listing every term as added says
			// no more.
			e.First, e.Count = true, len(rec.Terms)
		}
		entries = append(entries, e)
	}
	s.render(w, r, http.StatusOK, "glossary_history", &view{Title: i18nTitle(r, "glossary-history.title"), Data: entries})
}
