package web

import "net/http"

// apiReportShow answers with one report; its ETag is its version.
func (s *Server) apiReportShow(w http.ResponseWriter, r *http.Request) {
	rb, _, err := s.apiReportFor(r, "")
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	rep, err := s.reportOf(r, rb)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeTagged(w, r, http.StatusOK, reportETag(rep), apiReportOf(rep))
}
