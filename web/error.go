package web

import (
	"net/http"
	"net/url"
	"strings"

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
	case plan.EUnauthorized:
		return http.StatusUnauthorized
	case plan.EForbidden:
		return http.StatusForbidden
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
	case http.StatusUnauthorized, http.StatusForbidden:
		msg = "error.forbidden"
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

// goneConflict answers a save of something someone else deleted while the
// form was open: there is nothing to show the form on again.
func (s *Server) goneConflict(w http.ResponseWriter, r *http.Request, title, msg string) {
	s.render(w, r, http.StatusConflict, "error", &view{Title: i18nTitle(r, title), Data: msg})
}

func errUnauthorized(msg string) error { return plan.Errorf(plan.EUnauthorized, "%s", msg) }

// deny answers a request the person may not make: anonymous visitors are
// sent to log in and brought back, API callers get 401 or 403, and people
// who are logged in are told they lack the rights.
func (s *Server) deny(w http.ResponseWriter, r *http.Request) {
	wh := whoOf(r)
	switch {
	case wh.API:
		s.apiFail(w, r, plan.Errorf(plan.EForbidden, "your account may not do this"))
	case wh.User == nil && isAPI(r):
		s.apiFail(w, r, errUnauthorized("log in or give an API token (Authorization: Bearer TOKEN)"))
	case wh.User == nil && r.Method == http.MethodGet:
		http.Redirect(w, r, "/login?return="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
	case wh.User == nil:
		s.errorPage(w, r, http.StatusUnauthorized, "error.log-in")
	default:
		s.errorPage(w, r, http.StatusForbidden, "error.forbidden")
	}
}

// isAPI reports whether a request is for the JSON API.
func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }
