package web

import (
	"net/http"
	"strconv"

	"planverk/followup"
	"planverk/store"
)

// apiReportCreate registers a report, as a draft or submitted: POST
// /api/v1/programmes/{programme}/projects/{project}/reports with
// {"report": {…}}; Location is its address. With an Idempotency-Key, the
// same request sent again registers nothing and gets the first answer.
func (s *Server) apiReportCreate(w http.ResponseWriter, r *http.Request) {
	rb, u, err := s.apiReportFor(r, "write")
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	submission, err := apiSubmission(r, u.ID, "projects/"+strconv.FormatInt(rb.Project.ID, 10)+"/reports")
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	var in apiReportWrite
	if err := readJSON(w, r, &in); err != nil {
		s.apiFail(w, r, err)
		return
	}
	rep := writable(in.Report, followup.Report{ProgrammeID: rb.Programme.ID, ProjectID: rb.Project.ID})
	if issues := reportIssues(rep); len(issues) > 0 {
		s.apiFail(w, r, invalid(issues...))
		return
	}
	saved, err := s.store.SaveReport(r.Context(), rep, store.Edit{Author: u.ID, Submission: submission})
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	w.Header().Set("Location", reportURL(saved))
	writeTagged(w, r, http.StatusCreated, reportETag(saved), apiReportOf(saved))
}
