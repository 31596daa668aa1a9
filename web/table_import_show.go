package web

import (
	"net/http"

	"planverk/auth"
)

// budgetImportShow shows the form that uploads a budget edited in Excel.
func (s *Server) budgetImportShow(w http.ResponseWriter, r *http.Request) {
	s.importShow(w, r, budgetImport)
}

// financingImportShow shows the form that uploads a financing table
// edited in Excel.
func (s *Server) financingImportShow(w http.ResponseWriter, r *http.Request) {
	s.importShow(w, r, financingImport)
}

func (s *Server) importShow(w http.ResponseWriter, r *http.Request, ti tableImport) {
	f, v, ok := s.planFor(w, r, auth.EditPlan)
	if !ok {
		return
	}
	g, _, ok := s.importTable(w, r, ti, f, v)
	if !ok {
		return
	}
	s.renderImport(w, r, http.StatusOK, ti, f, v, g, newForm(nil), importView{}, nil)
}
