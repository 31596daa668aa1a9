package web

import (
	"net/http"
)

// planShow shows a plan as a document, with computed totals and the
// findings of the rules. ?version=N shows an earlier version.
func (s *Server) planShow(w http.ResponseWriter, r *http.Request) {
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	pv := newPlanView(f, v.Version, language(r))
	pv.Perms = permsFor(r, v.ProgrammeID, v.Published)
	pv.Published = v.Published
	pv.Release = v.Release
	if v.Release == nil {
		// A member reads the working draft: say what it differs from.
		b, err := s.newDraftBanner(r.Context(), f, v)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		pv.Draft = b
	}
	rv, err := s.revisionReport(r.Context(), f, language(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	pv.Revision = rv
	s.render(w, r, http.StatusOK, "plan", &view{Title: f.Plan.Title, Data: pv})
}
