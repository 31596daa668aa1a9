package web

import (
	"net/http"

	"planverk/plan"
)

// statusOf is the one place where an error code becomes an HTTP status.
func statusOf(err error) int {
	switch plan.ErrorCode(err) {
	case plan.ENotFound:
		return http.StatusNotFound
	case plan.EInvalid:
		return http.StatusBadRequest
	case plan.EConflict:
		return http.StatusConflict
	}
	return http.StatusInternalServerError
}

// fail shows the error page for err; internal errors are logged, and their
// details never shown.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := statusOf(err)
	msg := "error.internal"
	switch status {
	case http.StatusNotFound:
		msg = "error.not-found"
	case http.StatusInternalServerError:
		s.log.Error("request failed", "path", r.URL.Path, "err", err)
	default:
		msg = "error.bad-request"
	}
	s.errorPage(w, r, status, msg)
}

func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.render(w, r, status, "error", &view{Title: http.StatusText(status), Data: msg})
}
