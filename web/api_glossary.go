package web

import (
	"net/http"

	"planverk/scheme"
)

// apiGlossaryList is the glossary of the support-scheme catalogue.
type apiGlossaryList struct {
	Terms []scheme.Term `json:"terms"`
}

// apiGlossary answers with every term of the glossary.
func (s *Server) apiGlossary(w http.ResponseWriter, r *http.Request) {
	cat, err := s.catalogue(r.Context())
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	out := apiGlossaryList{Terms: cat.Glossary}
	if out.Terms == nil {
		out.Terms = []scheme.Term{}
	}
	writeTagged(w, r, http.StatusOK, etagOf(out), out)
}
