package web

import (
	"mime"
	"net/http"
	"net/url"
	"unicode/utf8"
)

// refuseInvalidUTF8 answers 400, in the user's language, to a request whose
// address, query or posted form is not valid UTF-8. Go's decoders would
// otherwise keep the bytes or turn them into U+FFFD, and a plan would hold
// text that no one wrote. JSON bodies are checked where they are read
// (readDocument), files where they are read (the catalogue's "not-utf8").
//
// A form is read here with the limit parseForm applies, so that a handler
// reading it again finds it read.
func (s *Server) refuseInvalidUTF8(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ok := utf8.ValidString(r.URL.Path) && validValues(r.URL.RawQuery)
		if ok && r.Body != nil && r.Method != http.MethodGet && r.Method != http.MethodHead {
			if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "application/x-www-form-urlencoded" {
				r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
				if err := r.ParseForm(); err != nil {
					s.errorPage(w, r, http.StatusBadRequest, "error.bad-request")
					return
				}
				ok = validForm(r.PostForm)
			}
		}
		if ok {
			next.ServeHTTP(w, r)
			return
		}
		if isAPI(r) {
			s.apiFail(w, r, &apiRefusal{status: http.StatusBadRequest, msg: "input.not-utf8"})
			return
		}
		s.errorPage(w, r, http.StatusBadRequest, "input.not-utf8")
	})
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
