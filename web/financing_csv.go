package web

import (
	"net/http"
	"strings"

	"planverk/plan"
	"planverk/sheet"
)

// financingCSV sends a financing table as CSV for Excel
// (…/financing/2025.csv), as budgetCSV does a budget.
func (s *Server) financingCSV(w http.ResponseWriter, r *http.Request) {
	id, ok := strings.CutSuffix(r.PathValue("table"), ".csv")
	if !ok {
		s.fail(w, r, plan.Errorf(plan.ENotFound, "no page %q", r.URL.Path))
		return
	}
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	t, _ := findFinancing(f, id)
	if t == nil {
		s.fail(w, r, plan.Errorf(plan.ENotFound, "no financing table %q", id))
		return
	}
	sendDocument(w, v, "financing-"+id, "csv", typeCSV, sheet.CSV(f, sheet.FinancingGrid(f, t)))
}
