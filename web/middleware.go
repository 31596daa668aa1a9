package web

import (
	"net/http"
	"runtime/debug"
	"strings"
	"time"
)

// statusRecorder remembers the status a handler wrote, for the access log.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		s.log.Info("request", "method", r.Method, "path", loggedPath(r.URL.Path), "status", rec.status,
			"duration_ms", time.Since(start).Milliseconds())
	})
}

// loggedPath is a request's path as the access log keeps it: an invitation
// link's token is a secret that gives an account, and logs are read by more
// people and kept longer than the invitation.
func loggedPath(p string) string {
	if rest, ok := strings.CutPrefix(p, "/invitations/"); ok && rest != "" {
		return "/invitations/…"
	}
	// A survey link is a secret too: whoever has it answers for a group.
	if rest, ok := strings.CutPrefix(p, "/survey/"); ok && rest != "" {
		return "/survey/…"
	}
	return p
}

// recoverPanics turns a panic in a handler into a logged 500 page rather
// than a dropped connection.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				s.log.Error("panic", "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
				plainError(w, r, http.StatusInternalServerError, "error.internal")
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// hsts is the Strict-Transport-Security sent where the public URL is
// https: two years, as the browsers' preload list asks, and every
// subdomain, since a county's planverk lives under its own domain.
const hsts = "max-age=63072000; includeSubDomains"

func (s *Server) securityHeaders(next http.Handler) http.Handler {
	https := s.public.Scheme == "https"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		if https {
			h.Set("Strict-Transport-Security", hsts)
		}
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'; form-action 'self'")
		next.ServeHTTP(w, r)
	})
}
