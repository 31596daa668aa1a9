package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"planverk/plan"
	"planverk/store"
)

// programmeSave saves the programme form as a new version of the
// programme's newest plan, since the programme is saved with its plans.
// As with a measure, the form carries the fingerprint of the programme as
// it was opened; if it has been changed since, nothing is saved and the
// form comes back with what the person typed and what changed meanwhile.
func (s *Server) programmeSave(w http.ResponseWriter, r *http.Request) {
	fm, ok := s.parseForm(w, r)
	if !ok {
		return
	}
	p, f, v, ok := s.programmePlanFor(w, r)
	if !ok {
		return
	}
	orgs, err := s.organisationsByID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	years, err := s.programmeYears(r, p.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// Check the form on a copy first, so that errors are shown without
	// touching the database.
	check := f.Programme
	applyProgrammeForm(fm, orgs, years, &check)
	if !fm.OK() {
		s.renderProgrammeEdit(w, r, http.StatusUnprocessableEntity, f, fm, nil)
		return
	}
	etag := fm.Get("etag")
	_, err = s.store.EditPlan(r.Context(), p.ID, v.Year,
		store.Edit{Author: whoOf(r).User.ID, Summary: fm.Get("change_note"), Submission: fm.Get("submission")},
		func(cur *plan.File) error {
			if fingerprint(cur.Programme) != etag {
				return &staleEdit{}
			}
			applyProgrammeForm(newForm(fm.Values), orgs, years, &cur.Programme)
			carryProgrammeOrganisations(cur, orgs)
			return nil
		})
	var stale *staleEdit
	if errors.As(err, &stale) {
		s.programmeConflict(w, r, p.ID, fm)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// A repeated form lands where the first one did.
	http.Redirect(w, r, "/programmes/"+p.ID, http.StatusSeeOther)
}

// programmeConflict shows the form again after a stale save: what the
// person typed, and what changed in the programme since the version the
// form was opened from. The form now carries the fingerprint of the
// programme as it is, so that saving again is a knowing choice.
func (s *Server) programmeConflict(w http.ResponseWriter, r *http.Request, id string, fm *form) {
	f, v, err := s.programmeLatestPlan(r, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	c := &conflictView{Author: v.AuthorName, At: v.SavedAt, book: s.book(r, f)}
	// The programme is one record, loaded as it is now with every version,
	// so what changed is read from the recorded changes, not from a diff
	// of the version the form came from.
	base, err := strconv.Atoi(fm.Get("base"))
	if err == nil && fm.Get("year") == strconv.Itoa(v.Year) && base < v.Version {
		if hist, err := s.store.History(r.Context(), id, v.Year, store.HistoryQuery{}); err == nil {
			for _, rec := range hist {
				if rec.Version > base && (rec.Path == "programme" || strings.HasPrefix(rec.Path, "programme.")) {
					if c.Changes == nil {
						c.Author, c.At = rec.AuthorName, rec.SavedAt
					}
					c.Changes = append(c.Changes, rec.Change)
				}
			}
		}
	}
	setProgrammeMarks(fm, f, v)
	s.renderProgrammeEdit(w, r, http.StatusConflict, f, fm, c)
}

// organisationsByID returns every stored organisation by its id.
func (s *Server) organisationsByID(r *http.Request) (map[string]plan.Organisation, error) {
	orgs, err := s.store.Organisations(r.Context())
	if err != nil {
		return nil, err
	}
	out := make(map[string]plan.Organisation, len(orgs))
	for _, o := range orgs {
		out[o.ID] = o
	}
	return out, nil
}
