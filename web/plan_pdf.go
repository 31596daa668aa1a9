package web

import (
	"net/http"
)

// planPDF sends the PDF of the version of a plan the person reads on its
// page: the working draft for the programme's members (marked "draft" on
// every page), the latest release for everybody else.
func (s *Server) planPDF(w http.ResponseWriter, r *http.Request) {
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	s.servePDF(w, r, f, v)
}
