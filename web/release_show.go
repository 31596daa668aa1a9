package web

import (
	"net/http"
	"strconv"

	"planverk/plan"
	"planverk/store"
)

// releaseShow shows one released version of a plan at its own address,
// as it was released: what was proposed, anchored, approved or published
// stays readable, whatever the draft has become.
func (s *Server) releaseShow(w http.ResponseWriter, r *http.Request) {
	year, err1 := strconv.Atoi(r.PathValue("year"))
	n, err2 := strconv.Atoi(r.PathValue("release"))
	if err1 == nil && err2 == nil && n > 0 && s.servePublicRelease(w, r, r.PathValue("programme"), year, n) {
		return
	}
	f, v, ok := s.releaseFor(w, r)
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

// releaseFor loads the release a request names, for a person who may read
// it; otherwise it answers the request.
func (s *Server) releaseFor(w http.ResponseWriter, r *http.Request) (*plan.File, store.PlanVersion, bool) {
	year, err1 := strconv.Atoi(r.PathValue("year"))
	n, err2 := strconv.Atoi(r.PathValue("release"))
	if err1 != nil || err2 != nil || n < 1 {
		s.fail(w, r, plan.Errorf(plan.ENotFound, "no release %q", r.PathValue("release")))
		return nil, store.PlanVersion{}, false
	}
	f, v, err := s.loadRelease(r, r.PathValue("programme"), year, n)
	if err != nil {
		s.fail(w, r, err)
		return nil, store.PlanVersion{}, false
	}
	return f, v, true
}
