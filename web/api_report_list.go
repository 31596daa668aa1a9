package web

import "net/http"

// apiReports lists a project's reports the person may see, oldest period
// first: every report for the programme's members and the project's
// manager, the accepted ones for everyone else.
func (s *Server) apiReports(w http.ResponseWriter, r *http.Request) {
	rb, _, err := s.apiReportFor(r, "")
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	all, err := s.store.ProjectReports(r.Context(), rb.Programme.ID, rb.Project.ID)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	out := apiReportList{Reports: []apiReport{}}
	for _, rep := range rb.visibleReports(all) {
		out.Reports = append(out.Reports, apiReportOf(rep))
	}
	writeTagged(w, r, http.StatusOK, etagOf(out), out)
}
