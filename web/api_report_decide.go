package web

import (
	"net/http"

	"planverk/followup"
	"planverk/plan"
	"planverk/store"
)

// apiDecide accepts or returns a submitted report for apiReportAccept and
// apiReportReturn. It needs If-Match with the ETag of the version decided
// on (412 where it changed since); a report not submitted is 409.
func (s *Server) apiDecide(w http.ResponseWriter, r *http.Request, accept bool) {
	rb, u, err := s.apiReportFor(r, "decide")
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	stored, err := s.reportOf(r, rb)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	cond, err := requireIfMatch(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	var in apiReportDecision
	if !accept {
		if err := readJSON(w, r, &in); err != nil {
			s.apiFail(w, r, err)
			return
		}
		if in.Comment == "" {
			s.apiFail(w, r, invalid(issue("/comment", "report.api.comment", nil)))
			return
		}
	}
	if now := reportETag(stored); !cond.matchStrong(now) {
		s.apiFail(w, r, preconditionFailed(now))
		return
	}
	if stored.State != followup.ReportSubmitted {
		s.apiFail(w, r, plan.Errorf(plan.EConflict, "the report is %s, not submitted", stored.State))
		return
	}
	saved, err := s.store.DecideReport(r.Context(), store.ReportDecision{ProgrammeID: rb.Programme.ID, ProjectID: rb.Project.ID,
		ID: stored.ID, Version: stored.Version, Accept: accept, Comment: in.Comment}, store.Edit{Author: u.ID})
	if plan.ErrorCode(err) == plan.EConflict {
		now, lerr := s.store.Report(r.Context(), rb.Programme.ID, rb.Project.ID, stored.ID)
		if lerr != nil {
			s.apiFail(w, r, lerr)
			return
		}
		s.apiFail(w, r, preconditionFailed(reportETag(now)))
		return
	}
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeTagged(w, r, http.StatusOK, reportETag(saved), apiReportOf(saved))
}
