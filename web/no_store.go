package web

import "net/http"

// noStore marks every answer that is not public Cache-Control: no-store, so
// that no shared cache or browser history keeps a signed-in page, a plan not
// yet published or an API answer for a token. An answer is not public when
// the request carries a session cookie or an Authorization header, or when
// the answer sets a cookie. Static files do not pass here (Handler). Public pages for visitors keep the caching their
// handlers give them (a release page's no-cache and ETag, for one).
//
// It sits outside the session manager, so that it sees the cookie the
// manager writes.
func noStore(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		private := r.Header.Get("Authorization") != ""
		if _, err := r.Cookie(sessionCookie); err == nil {
			private = true
		}
		next.ServeHTTP(&noStoreWriter{ResponseWriter: w, private: private}, r)
	})
}

// sessionCookie is the session manager's cookie (newSessions).
const sessionCookie = "planverk_session"

type noStoreWriter struct {
	http.ResponseWriter
	private, written bool
}

func (w *noStoreWriter) WriteHeader(code int) {
	if !w.written {
		w.written = true
		h := w.Header()
		if w.private || len(h.Values("Set-Cookie")) > 0 {
			h.Set("Cache-Control", "no-store")
			h.Del("Expires")
		}
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *noStoreWriter) Write(b []byte) (int, error) {
	if !w.written {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (w *noStoreWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
