package web

import (
	"errors"
	"net/http"
	"net/url"

	"planverk/plan"
	"planverk/store"
)

// budgetSave saves the budget form. Like the measure form, it carries the
// fingerprint of the budget as it was when the form was opened: if the
// budget has changed since, nothing is saved and the form comes back with
// what the person typed and what changed meanwhile. Totals are never
// taken from the form: printed totals are saved as typed, and where they
// no longer agree with the lines the plan page shows the finding.
func (s *Server) budgetSave(w http.ResponseWriter, r *http.Request) {
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
	id := r.PathValue("budget")
	b, _ := findBudget(f, id)
	if b == nil {
		if fm.Get("etag") != "" {
			s.budgetConflict(w, r, fm, id)
			return
		}
		s.fail(w, r, plan.Errorf(plan.ENotFound, "no budget %q", id))
		return
	}
	// Check the form on a copy first, so that errors are shown without
	// touching the database.
	check := *b
	applyBudgetForm(fm, f, &check)
	if !fm.OK() {
		s.renderBudgetEdit(w, r, http.StatusUnprocessableEntity, f, v, b, fm, nil)
		return
	}
	etag := fm.Get("etag")
	saved, err := s.store.EditPlan(r.Context(), v.ProgrammeID, v.Year,
		store.Edit{Author: whoOf(r).User.ID, Summary: moneySummary(fm, "budget:"+id), Submission: fm.Get("submission")},
		func(cur *plan.File) error {
			cb, _ := findBudget(cur, id)
			if cb == nil {
				return &staleMoney{}
			}
			if fingerprint(cb) != etag {
				return &staleMoney{}
			}
			// The budget is as the form saw it, but a financing table may
			// have come to finance a line the form removes.
			cf := newForm(fm.Values)
			applyBudgetForm(cf, cur, cb)
			if !cf.OK() {
				return &invalidMoney{form: cf}
			}
			return nil
		})
	var stale *staleMoney
	var invalid *invalidMoney
	switch {
	case errors.As(err, &stale):
		s.budgetConflict(w, r, fm, id)
		return
	case errors.As(err, &invalid):
		s.renderBudgetEdit(w, r, http.StatusUnprocessableEntity, f, v, b, invalid.form, nil)
		return
	case err != nil:
		s.fail(w, r, err)
		return
	}
	if fm.Get("new_year") != "" && !saved.Repeated {
		// A new year column has no amounts yet: back to the form for them.
		http.Redirect(w, r, r.URL.Path+"?added=1", http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, moneyPlanPath(v)+"#budget-"+id, http.StatusSeeOther)
}

// budgetConflict shows the form again after a stale save: what the person
// typed, and what changed in the budget meanwhile.
func (s *Server) budgetConflict(w http.ResponseWriter, r *http.Request, fm *form, id string) {
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	b, _ := findBudget(f, id)
	if b == nil {
		s.render(w, r, http.StatusConflict, "error", &view{Title: i18nTitle(r, "money.gone-title"), Data: "money.budget-gone"})
		return
	}
	c, before := s.moneyConflict(r, v, f, fm, "plan.budgets["+id+"]")
	var base url.Values
	if before != nil {
		if bb, _ := findBudget(before, id); bb != nil {
			base = budgetValues(bb)
		}
	}
	moneyMerge(fm, budgetGrid, base, budgetValues(b))
	moneyRenew(fm, v, fingerprint(b))
	s.renderBudgetEdit(w, r, http.StatusConflict, f, v, b, fm, c)
}
