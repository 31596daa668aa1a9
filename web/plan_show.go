package web

import (
	"net/http"
	"strconv"
)

// planShow shows a plan as a document, with computed totals and the
// findings of the rules. ?version=N shows an earlier version. A visitor
// reads the latest release, served from memory; a member the working
// draft, from the parts of its version kept in memory.
func (s *Server) planShow(w http.ResponseWriter, r *http.Request) {
	if year, err := strconv.Atoi(r.PathValue("year")); err == nil && !r.URL.Query().Has("version") &&
		s.servePublicRelease(w, r, r.PathValue("programme"), year, 0) {
		return
	}
	if year, err := strconv.Atoi(r.PathValue("year")); err == nil && s.draftCacheFor(r, r.PathValue("programme")) {
		s.showDraftPlan(w, r, r.PathValue("programme"), year)
		return
	}
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	page, err := s.planPage(r, f, v)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "plan", page)
}
