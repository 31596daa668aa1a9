package web

import "net/http"

// routes lists every route of the web application in one place.
func (s *Server) routes(mux *http.ServeMux) {
	mux.Handle("GET /static/", staticHandler())
	mux.HandleFunc("GET /healthz", s.health)
	mux.HandleFunc("POST /language", s.languageSave)

	mux.HandleFunc("GET /{$}", s.home)
	mux.HandleFunc("GET /programmes/{programme}", s.programmeShow)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}", s.planShow)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/goals/{goal}/measures/{measure}", s.measureShow)
	mux.HandleFunc("GET /organisations/{organisation}", s.organisationShow)

	// Everything else is the page that says there is nothing here, in the
	// visitor's language, rather than the bare default.
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.errorPage(w, r, http.StatusNotFound, "error.not-found")
	})
}
