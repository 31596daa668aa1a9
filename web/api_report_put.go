package web

import (
	"net/http"

	"planverk/plan"
	"planverk/store"
)

// apiReportPut replaces a draft or returned report's contents, as a draft
// or submitted. It needs If-Match with the report's ETag: a write from a
// version someone has saved or decided over since is refused with 412 and
// saves nothing. A report submitted or accepted is no longer its writer's
// to change: 409.
func (s *Server) apiReportPut(w http.ResponseWriter, r *http.Request) {
	rb, u, err := s.apiReportFor(r, "write")
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	stored, err := s.reportOf(r, rb)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	var in apiReportWrite
	if err := readConditional(w, r, reportETag(stored), &in); err != nil {
		s.apiFail(w, r, err)
		return
	}
	rep := writable(in.Report, stored)
	if issues := reportIssues(rep); len(issues) > 0 {
		s.apiFail(w, r, invalid(issues...))
		return
	}
	if !stored.State.Editable() {
		s.apiFail(w, r, plan.Errorf(plan.EConflict, "the report is %s and can no longer be changed", stored.State))
		return
	}
	saved, err := s.store.SaveReport(r.Context(), rep, store.Edit{Author: u.ID})
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
