package web

import (
	"errors"
	"net/http"
	"net/url"

	"planverk/plan"
	"planverk/store"
)

// financingSave saves the financing form, as budgetSave saves a budget:
// against the fingerprint of the table the form was opened with, so that
// nobody's change is overwritten unseen. Totals are never taken from the
// form; printed totals are saved as typed and compared by the rules.
func (s *Server) financingSave(w http.ResponseWriter, r *http.Request) {
	fm, ok := parseForm(w, r)
	if !ok {
		s.errorPage(w, r, http.StatusBadRequest, "error.bad-request")
		return
	}
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	if !canEditMoney(r, v) {
		s.deny(w, r)
		return
	}
	id := r.PathValue("table")
	t, _ := findFinancing(f, id)
	if t == nil {
		if fm.Get("etag") != "" {
			s.financingConflict(w, r, fm, id)
			return
		}
		s.fail(w, r, plan.Errorf(plan.ENotFound, "no financing table %q", id))
		return
	}
	check := *t
	applyFinancingForm(fm, f, &check)
	if !fm.OK() {
		s.renderFinancingEdit(w, r, http.StatusUnprocessableEntity, f, v, t, fm, nil)
		return
	}
	etag := fm.Get("etag")
	saved, err := s.store.EditPlan(r.Context(), v.ProgrammeID, v.Year,
		store.Edit{Author: whoOf(r).User.ID, Summary: moneySummary(fm, "financing:"+id), Submission: fm.Get("submission")},
		func(cur *plan.File) error {
			ct, _ := findFinancing(cur, id)
			if ct == nil {
				return &staleMoney{}
			}
			if fingerprint(ct) != etag {
				return &staleMoney{}
			}
			// The table is as the form saw it, but its budget's lines or
			// the plan's sources may have changed meanwhile.
			cf := newForm(fm.Values)
			applyFinancingForm(cf, cur, ct)
			if !cf.OK() {
				return &invalidMoney{form: cf}
			}
			return nil
		})
	var stale *staleMoney
	var invalid *invalidMoney
	switch {
	case errors.As(err, &stale):
		s.financingConflict(w, r, fm, id)
		return
	case errors.As(err, &invalid):
		s.renderFinancingEdit(w, r, http.StatusUnprocessableEntity, f, v, t, invalid.form, nil)
		return
	case err != nil:
		s.fail(w, r, err)
		return
	}
	if fm.Get("new_source") != "" && !saved.Repeated {
		// A new column has no amounts yet: back to the form for them.
		http.Redirect(w, r, r.URL.Path+"?added=1", http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, moneyPlanPath(v)+"#financing-"+id, http.StatusSeeOther)
}

// financingConflict shows the form again after a stale save: what the
// person typed, and what changed in the table meanwhile.
func (s *Server) financingConflict(w http.ResponseWriter, r *http.Request, fm *form, id string) {
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	t, _ := findFinancing(f, id)
	if t == nil {
		s.render(w, r, http.StatusConflict, "error", &view{Title: i18nTitle(r, "money.gone-title"), Data: "money.financing-gone"})
		return
	}
	c, before := s.moneyConflict(r, v, f, fm, "plan.financing["+id+"]")
	var base url.Values
	if before != nil {
		if bt, _ := findFinancing(before, id); bt != nil {
			base = financingValues(bt)
		}
	}
	moneyMerge(fm, financingGrid, base, financingValues(t))
	moneyRenew(fm, v, fingerprint(t))
	s.renderFinancingEdit(w, r, http.StatusConflict, f, v, t, fm, c)
}
