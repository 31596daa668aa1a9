package web

import "net/http"

// reportEdit shows the form to change a draft or returned report.
func (s *Server) reportEdit(w http.ResponseWriter, r *http.Request) {
	rb, ok := s.loadReportBase(w, r)
	if !ok {
		return
	}
	if !rb.CanWrite {
		s.deny(w, r)
		return
	}
	rep, ok := s.loadReport(w, r, rb)
	if !ok {
		return
	}
	if !rep.State.Editable() {
		// Submitted or accepted: the report's page says so.
		http.Redirect(w, r, reportPath(rb.Project, rep.ID), http.StatusSeeOther)
		return
	}
	s.renderReportEdit(w, r, http.StatusOK, rb, rep, newReportForm(rep), false)
}
