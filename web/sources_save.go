package web

import (
	"errors"
	"net/http"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// sourcesSave saves the funding-sources form, against the fingerprint of
// the sources the form was opened with. A source a table uses is never
// removed: the form says which tables use it.
func (s *Server) sourcesSave(w http.ResponseWriter, r *http.Request) {
	fm, f, v, ok := s.planFormFor(w, r, auth.EditPlan)
	if !ok {
		return
	}
	registry, err := s.store.Organisations(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// Check on a copy of the plan: a File's Plan is a value, so giving the
	// copy new sources leaves f as it was loaded.
	check := *f
	applySourcesForm(fm, &check, registry)
	if !fm.OK() {
		s.renderSourcesEdit(w, r, http.StatusUnprocessableEntity, f, v, fm, nil)
		return
	}
	etag := fm.Get("etag")
	_, err = s.store.EditPlan(r.Context(), v.ProgrammeID, v.Year,
		store.Edit{Author: whoOf(r).User.ID, Summary: changeSummary(fm, "sources"), Submission: fm.Get("submission")},
		func(cur *plan.File) error {
			if fingerprint(cur.Plan.Sources) != etag {
				return &staleMoney{}
			}
			// A table may have come to use a source the form removes.
			cf := newForm(fm.Values)
			applySourcesForm(cf, cur, registry)
			if !cf.OK() {
				return &invalidMoney{form: cf}
			}
			return nil
		})
	var stale *staleMoney
	var invalid *invalidMoney
	switch {
	case errors.As(err, &stale):
		s.sourcesConflict(w, r, fm)
		return
	case errors.As(err, &invalid):
		s.renderSourcesEdit(w, r, http.StatusUnprocessableEntity, f, v, invalid.form, nil)
		return
	case err != nil:
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, r.URL.Path+"?saved=1", http.StatusSeeOther)
}

// sourcesConflict shows the form again after a stale save: what the person
// typed, and what changed in the sources meanwhile.
func (s *Server) sourcesConflict(w http.ResponseWriter, r *http.Request, fm *form) {
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	c := s.moneyConflict(r, v, f, fm, "plan.sources", sourcesGrid, sourcesValues, fingerprint(f.Plan.Sources))
	s.renderSourcesEdit(w, r, http.StatusConflict, f, v, fm, c)
}
