package web

import (
	"net/http"
	"net/url"
	"unicode/utf8"
)

// refuseInvalidUTF8 answers 400, in the user's language, to a request whose
// address or query is not valid UTF-8. Go's decoders would otherwise keep
// the bytes or turn them into U+FFFD, and a search or a plan would hold text
// that no one wrote. Posted forms are checked where they are read
// (parseForm), JSON bodies likewise (readDocument), files by their readers
// (the catalogue's "not-utf8"): each knows its own size limit.
func (s *Server) refuseInvalidUTF8(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if utf8.ValidString(r.URL.Path) && validValues(r.URL.RawQuery) {
			next.ServeHTTP(w, r)
			return
		}
		s.refuseNotUTF8(w, r)
	})
}

// refuseNotUTF8 answers a request with text that is not UTF-8.
func (s *Server) refuseNotUTF8(w http.ResponseWriter, r *http.Request) {
	if isAPI(r) {
		s.apiFail(w, r, &apiRefusal{status: http.StatusBadRequest, msg: "input.not-utf8"})
		return
	}
	s.errorPage(w, r, http.StatusBadRequest, "input.not-utf8")
}

// validValues says whether every name and value of a query is UTF-8 once
// decoded. A query that cannot be decoded is left to the handler.
func validValues(raw string) bool {
	if raw == "" {
		return true
	}
	if !utf8.ValidString(raw) {
		return false
	}
	q, err := url.ParseQuery(raw)
	if err != nil {
		return true
	}
	return validForm(q)
}

func validForm(vs url.Values) bool {
	for k, list := range vs {
		if !utf8.ValidString(k) {
			return false
		}
		for _, v := range list {
			if !utf8.ValidString(v) {
				return false
			}
		}
	}
	return true
}
