package web

import (
	"net/http"
	"time"
)

// schemeHistoryView is a scheme's revisions, newest first, each with what
// it changed.
type schemeHistoryView struct {
	ID      string
	Name    localText
	Entries []schemeHistoryEntry
}

type schemeHistoryEntry struct {
	Revision   int
	SavedAt    time.Time
	AuthorName string
	Summary    string
	// Deleted and Restored: the revision took the scheme out of the
	// catalogue, or put it back.
	Deleted, Restored bool
	// First is the revision that made the scheme.
	First   bool
	Changes []schemeChange
}

// schemeHistory shows who changed a scheme, when, and what each revision
// changed from the one before, field by field. It is for those who edit the
// catalogue, as the plans' history is for a programme's members.
func (s *Server) schemeHistory(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.latestScheme(w, r, true); !ok {
		return
	}
	recs, err := s.store.SchemeRevisions(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	lang := language(r)
	hv := schemeHistoryView{ID: recs[0].Scheme.ID, Name: textIn(recs[0].Scheme.Name, schemeLang(lang))}
	for i, rec := range recs {
		e := schemeHistoryEntry{Revision: rec.Revision, SavedAt: rec.SavedAt, AuthorName: rec.AuthorName, Summary: rec.Summary,
			Deleted: rec.Deleted}
		if i+1 < len(recs) {
			prev := recs[i+1]
			e.Restored = prev.Deleted && !rec.Deleted
			e.Changes = schemeDiff(prev.Scheme, rec.Scheme, lang)
		} else {
			// The first revision is the scheme as it was made, which its
			// page shows; listing every field as added says no more.
			e.First = true
		}
		hv.Entries = append(hv.Entries, e)
	}
	s.render(w, r, http.StatusOK, "scheme_history", &view{Title: i18nTitle(r, "scheme-history.title", "Name", hv.Name.Text), Data: hv})
}
