package web

import (
	"net/http"

	"planverk/plan"
)

// financingCreate adds a financing table with its source columns and no
// rows yet, and opens its form for the rows.
func (s *Server) financingCreate(w http.ResponseWriter, r *http.Request) {
	s.createTable(w, r, "financing",
		func(fm *form, f *plan.File) { newFinancingForm(fm, f) },
		func(fm *form, cur *plan.File) string {
			t := newFinancingForm(fm, cur)
			cur.Plan.Financing = append(cur.Plan.Financing, t)
			return t.ID
		})
}
