package web

import "net/http"

// apiReportAccept accepts a submitted report: POST …/reports/{report}/accept
// with If-Match. Its jobs then count in the job ledger.
func (s *Server) apiReportAccept(w http.ResponseWriter, r *http.Request) { s.apiDecide(w, r, true) }
