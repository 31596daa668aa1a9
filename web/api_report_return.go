package web

import "net/http"

// apiReportReturn returns a submitted report to its writer: POST
// …/reports/{report}/return with If-Match and {"comment": "…"}, which
// says what to change.
func (s *Server) apiReportReturn(w http.ResponseWriter, r *http.Request) { s.apiDecide(w, r, false) }
