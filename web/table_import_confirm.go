package web

import (
	"errors"
	"net/http"
	"strconv"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// budgetImportConfirm saves what a budget upload's preview showed, against
// the version the preview was made on (see tableImport).
func (s *Server) budgetImportConfirm(w http.ResponseWriter, r *http.Request) {
	s.importConfirm(w, r, budgetImport)
}

// financingImportConfirm is budgetImportConfirm for a financing table.
func (s *Server) financingImportConfirm(w http.ResponseWriter, r *http.Request) {
	s.importConfirm(w, r, financingImport)
}

func (s *Server) importConfirm(w http.ResponseWriter, r *http.Request, ti tableImport) {
	fm, f, v, ok := s.planFormFor(w, r, auth.EditPlan)
	if !ok {
		return
	}
	g, t, ok := s.importTable(w, r, ti, f, v)
	if !ok {
		return
	}
	changes, err := importChanges(fm)
	base, berr := strconv.Atoi(fm.Get("base"))
	if err != nil || berr != nil {
		s.errorPage(w, r, http.StatusBadRequest, "error.bad-request")
		return
	}
	// The table the preview was made on, by its fingerprint: the
	// version's, or, where that is the plan as it is now, this one.
	var want string
	if base == v.Version {
		want = fingerprint(t)
	} else if _, bt, had := s.importBaseTable(r, ti, v, base, g.ID); had {
		want = fingerprint(bt)
	}
	if want != fingerprint(t) {
		s.importPreview(w, r, ti, f, v, base, changes, fm.Get("sheet"))
		return
	}
	_, err = s.store.EditPlan(r.Context(), v.ProgrammeID, v.Year,
		store.Edit{Author: whoOf(r).User.ID, Summary: changeSummary(fm, ti.word+":"+g.ID), Submission: fm.Get("submission")},
		func(cur *plan.File) error {
			_, ct, ok := ti.table(cur, g.ID)
			if !ok || fingerprint(ct) != want {
				return &staleMoney{}
			}
			if err := ti.apply(cur, g.ID, changes); err != nil {
				return &staleMoney{}
			}
			return nil
		})
	var stale *staleMoney
	switch {
	case errors.As(err, &stale):
		// Someone saved the table between the preview and now.
		f, v, ok := s.loadPlan(w, r)
		if ok {
			s.importPreview(w, r, ti, f, v, base, changes, fm.Get("sheet"))
		}
		return
	case err != nil:
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, planPath(v)+"#"+ti.word+"-"+g.ID, http.StatusSeeOther)
}
