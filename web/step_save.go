package web

import (
	"net/http"

	"planverk/store"
)

// stepSave records a step of the plan's cycle. What the cycle's rules
// refuse (a council before its executive committee, an approval before
// the anchoring) is shown beside the field, with everything typed kept.
func (s *Server) stepSave(w http.ResponseWriter, r *http.Request) {
	fm, ok := s.parseForm(w, r)
	if !ok {
		return
	}
	sv, _, ok := s.stepFor(w, r, fm.Values)
	if !ok {
		return
	}
	fm = sv.Form
	d := decisionFromForm(fm, sv)
	if fm.OK() {
		taken, err := s.store.TakeStep(r.Context(), sv.ProgrammeID, sv.Year, d,
			store.Edit{Author: whoOf(r).User.ID, Submission: fm.Get("submission"), Summary: i18nTitle(r, stepLabel(sv.Step))})
		if err == nil {
			s.notifyStep(sv.ProgrammeID, sv.Year, taken)
			http.Redirect(w, r, cyclePath(sv.ProgrammeID, sv.Year), http.StatusSeeOther)
			return
		}
		if !stepFailure(fm, err) {
			s.fail(w, r, err)
			return
		}
	}
	fm.Values.Set("submission", newSubmission())
	s.render(w, r, http.StatusUnprocessableEntity, "step", &view{Title: i18nTitle(r, stepLabel(sv.Step)), Data: sv})
}
