package web

import (
	"net/http"
)

// capacityRoundLinks makes new links for a round's groups, in place of the
// old ones, which no longer open the survey, and shows them this once:
// planverk keeps only their hashes, so a link lost is replaced, not found.
func (s *Server) capacityRoundLinks(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("programme")
	if _, ok := s.parseForm(w, r); !ok {
		return
	}
	if !canRunSurvey(r, id) {
		s.deny(w, r)
		return
	}
	year, err := roundYear(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rd, err := s.store.SurveyRound(r.Context(), id, year)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	links, hashes := s.surveyLinks(len(rd.Groups))
	if err := s.store.ReplaceSurveyLinks(r.Context(), id, year, hashes); err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderCapacityRounds(w, r, http.StatusOK, newForm(nil), newCapacityLinks(rd, links))
}
