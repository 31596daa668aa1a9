package web

import (
	"net/http"

	"planverk/auth"
	"planverk/cycle"
	"planverk/plan"
)

// planChangesView is what the working draft changes in the latest
// release.
type planChangesView struct {
	ProgrammeID string
	Year        int
	PlanTitle   string
	Lang        plan.Language
	Release     cycle.Release
	Changes     []plan.Change
}

// planChanges lists, for the programme's members, every difference
// between the working draft and the plan's latest release: what a new
// proposal or approval would change.
func (s *Server) planChanges(w http.ResponseWriter, r *http.Request) {
	f, v, ok := s.planFor(w, r, auth.ViewDraft)
	if !ok {
		return
	}
	released, rel, err := s.store.LoadRelease(r.Context(), v.ProgrammeID, v.Year, 0)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	x, y := *released, *f
	x.Plan.Status, y.Plan.Status = "", ""
	cv := planChangesView{ProgrammeID: v.ProgrammeID, Year: v.Year, PlanTitle: f.Plan.Title, Lang: f.Plan.Language,
		Release: rel, Changes: plan.Diff(&x, &y)}
	s.render(w, r, http.StatusOK, "plan_changes", &view{Title: i18nTitle(r, "draft.changes-title"), Data: cv})
}
