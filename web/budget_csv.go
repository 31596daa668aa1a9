package web

import (
	"net/http"
	"strings"

	"planverk/plan"
	"planverk/sheet"
)

// budgetCSV sends a budget as CSV for Excel (…/budgets/period.csv): see
// sheet.CSV for why it is UTF-8 with a byte-order mark and semicolons.
func (s *Server) budgetCSV(w http.ResponseWriter, r *http.Request) {
	id, ok := strings.CutSuffix(r.PathValue("budget"), ".csv")
	if !ok {
		s.fail(w, r, plan.Errorf(plan.ENotFound, "no page %q", r.URL.Path))
		return
	}
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	b, _ := findBudget(f, id)
	if b == nil {
		s.fail(w, r, plan.Errorf(plan.ENotFound, "no budget %q", id))
		return
	}
	sendDocument(w, v, "budget-"+id, "csv", typeCSV, sheet.CSV(f, sheet.BudgetGrid(b)))
}
