package web

import (
	"net/http"
)

// apiAssessmentList answers with a programme's status assessments, newest
// year first, for its members.
func (s *Server) apiAssessmentList(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("programme")
	if !canSeeAssessment(r, id) {
		s.deny(w, r)
		return
	}
	p, err := s.programmeNamed(r, id)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	list, err := s.store.Assessments(r.Context(), id)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	lang := string(apiLang(r))
	out := apiAssessmentList{Assessments: []apiAssessment{}}
	for _, a := range list {
		set, err := a.Set()
		if err != nil {
			s.apiFail(w, r, err)
			return
		}
		out.Assessments = append(out.Assessments, apiAssessmentOf(p, a, set, lang))
	}
	w.Header().Set("Vary", "Accept-Language")
	writeTagged(w, r, http.StatusOK, etagOf(out), out)
}

// apiAssessmentList is a programme's assessments.
type apiAssessmentList struct {
	Assessments []apiAssessment `json:"assessments"`
}
