package web

import (
	"net/http"
	"net/url"
	"strconv"
)

// capacityRoundState opens a round for answers again, or closes it: a
// closed round's links say that it takes no more answers.
func (s *Server) capacityRoundState(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("programme")
	fm, ok := s.parseForm(w, r)
	if !ok {
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
	var open bool
	switch fm.Get("state") {
	case "open":
		open = true
	case "closed":
	default:
		s.errorPage(w, r, http.StatusBadRequest, "error.bad-request")
		return
	}
	if err := s.store.SetSurveyRoundOpen(r.Context(), id, year, open); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/programmes/"+url.PathEscape(id)+"/capacity/rounds?changed="+strconv.Itoa(year), http.StatusSeeOther)
}
