package web

import (
	"net/http"

	"planverk/followup"
)

// reportNew shows an empty report form for a project, its period ending
// today's year to start from nothing the manager must undo.
func (s *Server) reportNew(w http.ResponseWriter, r *http.Request) {
	rb, ok := s.loadReportBase(w, r)
	if !ok {
		return
	}
	if !rb.CanWrite {
		s.deny(w, r)
		return
	}
	rep := followup.Report{ProgrammeID: rb.Programme.ID, ProjectID: rb.Project.ID, Kind: followup.ReportInterim}
	s.renderReportEdit(w, r, http.StatusOK, rb, rep, newReportForm(rep), false)
}
