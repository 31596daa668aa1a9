package web

import (
	"errors"
	"net/http"
	"net/url"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// moneyTable is a kind of table the money forms edit as a grid of amounts:
// a budget or a financing table. Both are opened, saved and shown again
// after a conflict alike; a moneyTable says what differs.
type moneyTable[T any] struct {
	// param is the path value that names the table; what names its kind
	// in messages ("financing table").
	param, what string
	// word names the kind in the summary a version records and in the
	// plan page's anchors: "budget:period", #budget-period.
	word string
	// list is where the plan's paths hold tables of the kind: plan.budgets.
	list string
	// column is the field that adds a column (a year, a source): after
	// one is added the form comes back, for the column's amounts.
	column string
	// gone is the message for a table deleted while the form was open.
	gone string
	grid moneyGrid
	// find returns the table with the id in a version of the plan, or nil.
	find func(f *plan.File, id string) (*T, int)
	// values fills the form with a table as it is.
	values func(t *T) url.Values
	// apply checks the form against the plan and, where it is good,
	// writes it into t.
	apply  func(fm *form, f *plan.File, t *T)
	render func(s *Server, w http.ResponseWriter, r *http.Request, status int, f *plan.File, v store.PlanVersion,
		t *T, fm *form, conflict *conflictView)
}

// editMoneyTable shows the form that edits a money table.
func editMoneyTable[T any](s *Server, w http.ResponseWriter, r *http.Request, mt moneyTable[T]) {
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	id := r.PathValue(mt.param)
	t, _ := mt.find(f, id)
	if t == nil {
		s.fail(w, r, plan.Errorf(plan.ENotFound, "no %s %q", mt.what, id))
		return
	}
	if !can(r, auth.EditPlan, planResource(v)) {
		s.deny(w, r)
		return
	}
	mt.render(s, w, r, http.StatusOK, f, v, t, newEditForm(mt.values(t), v, fingerprint(t)), nil)
}

// saveMoneyTable saves the form of a money table, against the
// fingerprint of the table as it was when the form was opened (see
// budgetSave).
func saveMoneyTable[T any](s *Server, w http.ResponseWriter, r *http.Request, mt moneyTable[T]) {
	fm, f, v, ok := s.planFormFor(w, r, auth.EditPlan)
	if !ok {
		return
	}
	id := r.PathValue(mt.param)
	t, _ := mt.find(f, id)
	if t == nil {
		if fm.Get("etag") != "" {
			moneyTableConflict(s, w, r, mt, fm, id)
			return
		}
		s.fail(w, r, plan.Errorf(plan.ENotFound, "no %s %q", mt.what, id))
		return
	}
	// Check the form on a copy first, so that errors are shown without
	// touching the database.
	check := *t
	mt.apply(fm, f, &check)
	if !fm.OK() {
		mt.render(s, w, r, http.StatusUnprocessableEntity, f, v, t, fm, nil)
		return
	}
	etag := fm.Get("etag")
	saved, err := s.store.EditPlan(r.Context(), v.ProgrammeID, v.Year,
		store.Edit{Author: whoOf(r).User.ID, Summary: changeSummary(fm, mt.word+":"+id), Submission: fm.Get("submission")},
		func(cur *plan.File) error {
			ct, _ := mt.find(cur, id)
			if ct == nil {
				return &staleMoney{}
			}
			if fingerprint(ct) != etag {
				return &staleMoney{}
			}
			// The table is as the form saw it, but the plan around it may
			// not be: a financing table may have come to finance a line
			// the form removes, or a table's budget lines or the plan's
			// sources may have changed meanwhile.
			cf := newForm(fm.Values)
			mt.apply(cf, cur, ct)
			if !cf.OK() {
				return &invalidMoney{form: cf}
			}
			return nil
		})
	var stale *staleMoney
	var invalid *invalidMoney
	switch {
	case errors.As(err, &stale):
		moneyTableConflict(s, w, r, mt, fm, id)
		return
	case errors.As(err, &invalid):
		mt.render(s, w, r, http.StatusUnprocessableEntity, f, v, t, invalid.form, nil)
		return
	case err != nil:
		s.fail(w, r, err)
		return
	}
	if fm.Get(mt.column) != "" && !saved.Repeated {
		// A new column has no amounts yet: back to the form for them.
		http.Redirect(w, r, r.URL.Path+"?added=1", http.StatusSeeOther)
		return
	}
	if fm.Get("move_line") != "" && !saved.Repeated {
		// A line moved: back to the form, to move it again or another.
		http.Redirect(w, r, r.URL.Path+"?moved=1", http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, planPath(v)+"#"+mt.word+"-"+id, http.StatusSeeOther)
}

// moneyTableConflict shows the form again after a stale save: what the
// person typed, and what changed in the table meanwhile.
func moneyTableConflict[T any](s *Server, w http.ResponseWriter, r *http.Request, mt moneyTable[T], fm *form, id string) {
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	t, _ := mt.find(f, id)
	if t == nil {
		s.goneConflict(w, r, "money.gone-title", mt.gone)
		return
	}
	c := s.moneyConflict(r, v, f, fm, mt.list+"["+id+"]", mt.grid, func(f *plan.File) url.Values {
		if t, _ := mt.find(f, id); t != nil {
			return mt.values(t)
		}
		return nil
	}, fingerprint(t))
	mt.render(s, w, r, http.StatusConflict, f, v, t, fm, c)
}
