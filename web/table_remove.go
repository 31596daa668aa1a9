package web

import (
	"errors"
	"fmt"
	"net/http"
	"slices"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// A budget or financing table is removed in two steps: a page that says
// what goes with it (its lines or rows, years and amounts, and the total
// they make), and the button on that page. Nothing is lost for good: the
// version before holds the table, and the plan's history has a button that
// puts it back. A budget whose lines a financing table finances stays
// until that table is removed, as a financed line does.

// tableRemoval is a kind of table as its removal sees it.
type tableRemoval struct {
	// kind is "budget" or "financing"; param the path value naming it.
	kind, param string
	// word names the kind in the plan's blocks: "budget:period".
	word string
	// find returns the table's fingerprint, and whether the plan has it.
	find func(f *plan.File, id string) (etag string, ok bool)
	// lost says what goes with the table.
	lost func(f *plan.File, id string) tableLost
	// remove takes the table out of the plan.
	remove func(cur *plan.File, id string)
}

// tableLost is what removing a table takes with it, for the confirmation.
type tableLost struct {
	Title string
	// Years are the table's years as written: "2025–2028", "2025".
	Years string
	// Rows are the labels of its lines or rows.
	Rows  []string
	Total amountCell
	// Blockers are the financing tables that finance a budget's lines.
	Blockers []string
}

// tableRemoveView is the confirmation page.
type tableRemoveView struct {
	planFormView
	Kind, ID string
	Lost     tableLost
	// Changed is set where the table changed after the page was opened:
	// the page is shown again with what goes now.
	Changed bool
}

var budgetRemoval = tableRemoval{kind: "budget", param: "budget", word: "budget",
	find: func(f *plan.File, id string) (string, bool) {
		b, _ := findBudget(f, id)
		if b == nil {
			return "", false
		}
		return fingerprint(b), true
	},
	lost: func(f *plan.File, id string) tableLost {
		b, _ := findBudget(f, id)
		bv := newBudgetView(f, b)
		l := tableLost{Title: b.Title, Years: yearsText(b.Years), Total: bv.Total}
		for _, line := range b.Lines {
			l.Rows = append(l.Rows, line.Label)
		}
		for _, t := range f.Plan.Financing {
			if t.Budget == id {
				l.Blockers = append(l.Blockers, moneyTableName(t.Title, t.ID))
			}
		}
		return l
	},
	remove: func(cur *plan.File, id string) {
		cur.Plan.Budgets = slices.DeleteFunc(cur.Plan.Budgets, func(b plan.Budget) bool { return b.ID == id })
		unplaceBlock(cur, plan.Block("budget:"+id))
	}}

var financingRemoval = tableRemoval{kind: "financing", param: "table", word: "financing",
	find: func(f *plan.File, id string) (string, bool) {
		t, _ := findFinancing(f, id)
		if t == nil {
			return "", false
		}
		return fingerprint(t), true
	},
	lost: func(f *plan.File, id string) tableLost {
		t, _ := findFinancing(f, id)
		fv := newFinancingView(f, t)
		from, to := t.Span()
		l := tableLost{Title: t.Title, Years: yearsText([]int{from, to}), Total: fv.Total}
		var budget *plan.Budget
		if t.Budget != "" {
			budget, _ = findBudget(f, t.Budget)
		}
		for _, row := range t.Rows {
			l.Rows = append(l.Rows, financingRowName(budget, row))
		}
		return l
	},
	remove: func(cur *plan.File, id string) {
		cur.Plan.Financing = slices.DeleteFunc(cur.Plan.Financing, func(t plan.Financing) bool { return t.ID == id })
		unplaceBlock(cur, plan.Block("financing:"+id))
	}}

// unplaceBlock takes a removed table out of the sections that placed it,
// so that no section refers to a table the plan no longer has.
func unplaceBlock(f *plan.File, b plan.Block) {
	for i := range f.Plan.Sections {
		f.Plan.Sections[i].Blocks = slices.DeleteFunc(f.Plan.Sections[i].Blocks, func(o plan.Block) bool { return o == b })
	}
}

// yearsText writes years as a span where they run on: "2025–2028".
func yearsText(years []int) string {
	switch {
	case len(years) == 0:
		return ""
	case years[0] == years[len(years)-1]:
		return fmt.Sprint(years[0])
	}
	return fmt.Sprintf("%d–%d", slices.Min(years), slices.Max(years))
}

// showTableRemoval shows the confirmation page of removing a table.
func (s *Server) showTableRemoval(w http.ResponseWriter, r *http.Request, tr tableRemoval) {
	f, v, ok := s.planFor(w, r, auth.EditPlan)
	if !ok {
		return
	}
	id := r.PathValue(tr.param)
	etag, found := tr.find(f, id)
	if !found {
		s.fail(w, r, plan.Errorf(plan.ENotFound, "no %s table %q", tr.kind, id))
		return
	}
	s.renderTableRemoval(w, r, http.StatusOK, f, v, tr, id, newEditForm(nil, v, etag), false)
}

func (s *Server) renderTableRemoval(w http.ResponseWriter, r *http.Request, status int, f *plan.File, v store.PlanVersion,
	tr tableRemoval, id string, fm *form, changed bool) {
	rv := tableRemoveView{planFormView: newPlanFormView(f, v, fm, nil), Kind: tr.kind, ID: id,
		Lost: tr.lost(f, id), Changed: changed}
	s.render(w, r, status, "table_remove", &view{Title: i18nTitle(r, "tables."+tr.kind+"-delete-title", "Title", rv.Lost.Title), Data: rv})
}

// tableChanged is what the removal returns when the table is no longer
// what the confirmation showed.
type tableChanged struct{}

func (tableChanged) Error() string { return "the table changed after the confirmation was shown" }

// deleteTable removes a table, against the fingerprint the confirmation
// page was shown with: a table changed meanwhile is not removed, and the
// page comes back with what would go now.
func (s *Server) deleteTable(w http.ResponseWriter, r *http.Request, tr tableRemoval) {
	fm, f, v, ok := s.planFormFor(w, r, auth.EditPlan)
	if !ok {
		return
	}
	id := r.PathValue(tr.param)
	if _, found := tr.find(f, id); !found {
		// Already gone: a second click changes nothing.
		http.Redirect(w, r, planPath(v)+"/history", http.StatusSeeOther)
		return
	}
	if len(tr.lost(f, id).Blockers) > 0 {
		s.renderTableRemoval(w, r, http.StatusConflict, f, v, tr, id, fm, false)
		return
	}
	etag := fm.Get("etag")
	_, err := s.store.EditPlan(r.Context(), v.ProgrammeID, v.Year,
		store.Edit{Author: whoOf(r).User.ID, Summary: changeSummary(fm, tr.word+":"+id), Submission: fm.Get("submission")},
		func(cur *plan.File) error {
			now, found := tr.find(cur, id)
			if !found {
				return nil
			}
			if now != etag || len(tr.lost(cur, id).Blockers) > 0 {
				return tableChanged{}
			}
			tr.remove(cur, id)
			return nil
		})
	if errors.As(err, &tableChanged{}) {
		f, v, ok := s.loadPlan(w, r)
		if !ok {
			return
		}
		etag, found := tr.find(f, id)
		if !found {
			http.Redirect(w, r, planPath(v)+"/history", http.StatusSeeOther)
			return
		}
		s.renderTableRemoval(w, r, http.StatusConflict, f, v, tr, id, newEditForm(nil, v, etag), true)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, planPath(v)+"/history", http.StatusSeeOther)
}
