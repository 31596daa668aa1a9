package web

import (
	"net/http"

	"planverk/plan"
	"planverk/sheet"
	"planverk/store"
)

// planXlsx sends what the person may read of a plan (see loadVisiblePlan)
// as an Excel workbook: a sheet per budget and financing table with SUM
// formulas for the totals, and the measures. Each table's sheet carries
// the plan version, so that it can come back as an upload (budgetImport).
func (s *Server) planXlsx(w http.ResponseWriter, r *http.Request) {
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	s.sendXlsx(w, r, f, v)
}

func (s *Server) sendXlsx(w http.ResponseWriter, r *http.Request, f *plan.File, v store.PlanVersion) {
	body, err := sheet.Workbook(f, v.Version)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	sendDocument(w, v, "", "xlsx", typeXlsx, body)
}
