package web

import (
	"net/http"
)

// revisionShow shows the plan's revision report, the section the
// ministry asks each yearly revision for: new, changed and ended
// measures and the changes to the money, computed from the plan and the
// approved plan it revises.
func (s *Server) revisionShow(w http.ResponseWriter, r *http.Request) {
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	rv, err := s.revisionReport(r.Context(), f, language(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if rv != nil {
		if rv.Proposals, err = s.revisionProposals(r.Context(), r, f); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	pv := newPlanView(f, v.Version, language(r))
	pv.Perms = permsFor(r, v.ProgrammeID, v.Published)
	pv.Release = v.Release
	pv.Revision = rv
	s.render(w, r, http.StatusOK, "revision", &view{Title: i18nTitle(r, "revision.title"), Data: pv})
}
