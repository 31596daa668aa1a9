// Package web is planverk's web application: server-rendered pages that
// work without JavaScript, in bokmål, nynorsk and English, and the JSON API.
package web

import (
	"log/slog"
	"net/http"

	"planverk/store"
)

// Server serves planverk over HTTP. It holds no state of its own beyond
// what is fixed at start-up, so several copies can run behind a load balancer.
type Server struct {
	store store.Store
	log   *slog.Logger
	pages *pages
}

// New returns a Server over the store. It parses every template now, so
// that a broken template stops start-up instead of a request.
func New(st store.Store, log *slog.Logger) (*Server, error) {
	p, err := parsePages()
	if err != nil {
		return nil, err
	}
	return &Server{store: st, log: log, pages: p}, nil
}

// Handler returns the HTTP handler with every route and middleware.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	s.routes(mux)
	protect := http.NewCrossOriginProtection()
	return s.recoverPanics(s.logRequests(securityHeaders(protect.Handler(mux))))
}
