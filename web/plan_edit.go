package web

import (
	"net/http"
	"net/url"
	"slices"

	"planverk/plan"
	"planverk/store"
)

// planEditView is the form for a plan's own fields.
type planEditView struct {
	planFormView
	Statuses []option
}

// planFields are the plan's own fields the plan form edits. Their
// fingerprint is the form's mark of what the person started from, so that
// a change elsewhere in the plan (a measure, a budget) does not make the
// form stale.
type planFields struct {
	Title, Subtitle string
	Status          plan.Status
	WeightBasis     string
}

func planFieldsOf(p *plan.Plan) planFields {
	return planFields{Title: p.Title, Subtitle: p.Subtitle, Status: p.Status, WeightBasis: p.WeightBasis}
}

// planFieldsPart is the plan's own fields as the plan form edits them.
var planFieldsPart = planPart{
	mark:   func(f *plan.File) string { return fingerprint(planFieldsOf(&f.Plan)) },
	values: func(f *plan.File) url.Values { return planValues(&f.Plan) },
	apply:  func(fm *form, f *plan.File) { applyPlanForm(fm, &f.Plan) },
	in: func(c plan.Change) bool {
		return slices.Contains([]string{"plan.title", "plan.subtitle", "plan.status", "plan.weight_basis"}, c.Path)
	},
	render: (*Server).renderPlanEdit,
}

// planEdit shows the form that edits the plan's title, subtitle, status
// and weight basis.
func (s *Server) planEdit(w http.ResponseWriter, r *http.Request) {
	s.editPlanPart(w, r, planFieldsPart)
}

func (s *Server) renderPlanEdit(w http.ResponseWriter, r *http.Request, status int, f *plan.File, v store.PlanVersion,
	fm *form, conflict *conflictView) {
	ev := planEditView{planFormView: newPlanFormView(f, v, fm, conflict)}
	ev.Statuses = []option{{Value: "", ID: "structure.status-none"}}
	for _, st := range plan.Statuses {
		ev.Statuses = append(ev.Statuses, option{Value: string(st), ID: "status." + string(st)})
	}
	s.render(w, r, status, "plan_edit", &view{Title: i18nTitle(r, "structure.plan-title"), Data: ev})
}

// planValues fills a form with the plan's own fields as they are.
func planValues(p *plan.Plan) url.Values {
	v := url.Values{}
	v.Set("title", p.Title)
	v.Set("subtitle", p.Subtitle)
	v.Set("status", string(p.Status))
	v.Set("weight_basis", p.WeightBasis)
	return v
}
