package web

import (
	"net/http"

	"planverk/followup"
	"planverk/store"
)

// reportCreate registers a report from the form, as a draft or submitted.
// What is wrong is named beside its field, and the form comes back as it
// was typed.
func (s *Server) reportCreate(w http.ResponseWriter, r *http.Request) {
	fm, ok := s.parseForm(w, r)
	if !ok {
		return
	}
	rb, ok := s.loadReportBase(w, r)
	if !ok {
		return
	}
	if !rb.CanWrite {
		s.deny(w, r)
		return
	}
	rep := followup.Report{ProgrammeID: rb.Programme.ID, ProjectID: rb.Project.ID}
	readReport(fm, &rep)
	if !fm.OK() {
		s.renderReportEdit(w, r, http.StatusUnprocessableEntity, rb, rep, fm, false)
		return
	}
	rep.State = reportState(fm)
	// The form's submission makes the same form sent twice register one
	// report.
	saved, err := s.store.SaveReport(r.Context(), rep, store.Edit{Author: whoOf(r).Subject.UserID, Submission: fm.Get("submission")})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, reportPath(rb.Project, saved.ID)+"?saved="+string(saved.State), http.StatusSeeOther)
}
