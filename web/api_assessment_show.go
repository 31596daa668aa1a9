package web

import (
	"net/http"
)

// apiAssessmentShow answers with a programme's assessment of a year and
// its ETag, for its members.
func (s *Server) apiAssessmentShow(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("programme")
	if !canSeeAssessment(r, id) {
		s.deny(w, r)
		return
	}
	year, err := assessmentYear(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	p, err := s.programmeNamed(r, id)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	a, err := s.store.Assessment(r.Context(), id, year)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	set, err := a.Set()
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	w.Header().Set("Vary", "Accept-Language")
	writeTagged(w, r, http.StatusOK, assessmentETag(a), apiAssessmentOf(p, a, set, string(apiLang(r))))
}
