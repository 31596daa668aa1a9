package web

import (
	"net/http"
	"slices"

	"planverk/plan"
)

// planSave saves the plan's own fields. Like every form of the plan's
// structure it carries the fingerprint of what it edits as it was when the
// form was opened; a save over someone else's change saves nothing and
// shows the form again with what the person typed and what changed.
func (s *Server) planSave(w http.ResponseWriter, r *http.Request) {
	s.savePlanPart(w, r, planFieldsPart)
}

// applyPlanForm checks the form and, where it is good, writes it into p.
func applyPlanForm(fm *form, p *plan.Plan) {
	fm.Required("title")
	status := plan.Status(fm.Get("status"))
	if status != "" && !slices.Contains(plan.Statuses, status) {
		fm.Fail("status", "form.choose")
	}
	if !fm.OK() {
		return
	}
	p.Title = keepLine(p.Title, fm.Get("title"))
	p.Subtitle = keepLine(p.Subtitle, fm.Get("subtitle"))
	p.Status = status
	p.WeightBasis = keepLine(p.WeightBasis, fm.Get("weight_basis"))
}
