package web

import (
	"net/http"
)

// apiDisposition answers with one measure's place in the revision.
func (s *Server) apiDisposition(w http.ResponseWriter, r *http.Request) {
	f, v, base, _, ok, err := s.apiRevisionFor(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	id := r.PathValue("id")
	if !ok {
		s.apiFail(w, r, noMeasureInRevision(id, v))
		return
	}
	m, found := measureRevision(base, f, id)
	if !found {
		s.apiFail(w, r, noMeasureInRevision(id, v))
		return
	}
	w.Header().Set("Vary", "Accept-Language")
	writeTagged(w, r, http.StatusOK, dispositionTag(m), apiRevisedMeasureOf(revised(m, base, f, apiLang(r)), v))
}
