package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"planverk/i18n"
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
	case plan.EBusy:
		return http.StatusServiceUnavailable
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
	case http.StatusServiceUnavailable:
		retryBusy(w)
		msg = "error.busy"
	default:
		msg = "error.bad-request"
	}
	s.errorPage(w, r, status, msg)
}

// retryBusy tells the client when to send a change the database was too
// busy to take: a second is long enough for the writers it lost to to
// finish, and short enough that a person does not notice.
func retryBusy(w http.ResponseWriter) { w.Header().Set("Retry-After", "1") }

// errorPage shows the page for an error status, titled and worded in the
// visitor's language.
func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.render(w, r, status, "error", &view{Title: errorTitle(language(r), status), Data: msg})
}

// errorTitle names an error status in words: words.error.STATUS, else the
// words for its class (a 4xx or a 5xx).
func errorTitle(lang i18n.Lang, status int) string {
	if t, ok := i18n.Lookup(lang, "words.error."+strconv.Itoa(status), nil); ok {
		return t
	}
	if status >= 500 {
		return i18n.T(lang, "words.error.500", nil)
	}
	return i18n.T(lang, "words.error.400", nil)
}

// plainError answers with a short text in the visitor's language, where
// no page can be rendered (the page's template failed, or a handler
// panicked).
func plainError(w http.ResponseWriter, r *http.Request, status int, msg string) {
	lang := language(r)
	w.Header().Set("Content-Language", string(lang))
	http.Error(w, errorTitle(lang, status)+": "+i18n.T(lang, msg, nil), status)
}

// nothingHere answers a request for a page that no route takes: 405 where
// the address takes other methods (a form posted to a page that is only
// shown, say), with Allow naming them, and 404 where it takes none.
func (s *Server) nothingHere(mux *http.ServeMux) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var allow []string
		for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
			if m == r.Method {
				continue
			}
			probe := r.Clone(r.Context())
			probe.Method = m
			if _, pattern := mux.Handler(probe); pattern != "" && pattern != "/" {
				allow = append(allow, m)
			}
		}
		if len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			s.errorPage(w, r, http.StatusMethodNotAllowed, "words.error.method")
			return
		}
		s.errorPage(w, r, http.StatusNotFound, "error.not-found")
	}
}

// crossOrigin answers a form sent from another site, which
// http.CrossOriginProtection refuses, with a page that says so.
func (s *Server) crossOrigin(w http.ResponseWriter, r *http.Request) {
	if isAPI(r) {
		s.apiFail(w, r, plan.Errorf(plan.EForbidden, "cross-origin request refused"))
		return
	}
	s.errorPage(w, r, http.StatusForbidden, "words.error.cross-origin")
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
