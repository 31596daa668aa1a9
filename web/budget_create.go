package web

import (
	"net/http"

	"planverk/plan"
)

// budgetCreate adds a budget table with its years and no lines yet, after
// the plan's other budgets, and opens its form for the lines. The plan
// page shows it after the sections until a section places it.
func (s *Server) budgetCreate(w http.ResponseWriter, r *http.Request) {
	s.createTable(w, r, "budget",
		func(fm *form, f *plan.File) { newBudgetForm(fm, f) },
		func(fm *form, cur *plan.File) string {
			b := newBudgetForm(fm, cur)
			cur.Plan.Budgets = append(cur.Plan.Budgets, b)
			return b.ID
		})
}
