package web

import (
	"net/http"
	"net/url"
	"strconv"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// planEditView is the form for a plan's own fields.
type planEditView struct {
	ProgrammeID string
	Year        int
	PlanTitle   string
	// Lang is the language the plan is written in: the fields' text is in it.
	Lang     plan.Language
	Form     *form
	Statuses []option
	Conflict *conflictView
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

// planEdit shows the form that edits the plan's title, subtitle, status
// and weight basis.
func (s *Server) planEdit(w http.ResponseWriter, r *http.Request) {
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	if !can(r, auth.EditPlan, planResource(v)) {
		s.deny(w, r)
		return
	}
	fm := newForm(planValues(&f.Plan))
	fm.Values.Set("base", strconv.Itoa(v.Version))
	fm.Values.Set("etag", fingerprint(planFieldsOf(&f.Plan)))
	fm.Values.Set("submission", newSubmission())
	s.renderPlanEdit(w, r, http.StatusOK, f, v, fm, nil)
}

func (s *Server) renderPlanEdit(w http.ResponseWriter, r *http.Request, status int, f *plan.File, v store.PlanVersion,
	fm *form, conflict *conflictView) {
	ev := planEditView{ProgrammeID: v.ProgrammeID, Year: v.Year, PlanTitle: f.Plan.Title, Lang: f.Plan.Language,
		Form: fm, Conflict: conflict}
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

// planResource is a plan as the policy sees it.
func planResource(v store.PlanVersion) auth.Resource {
	return auth.Resource{Programme: v.ProgrammeID, Published: v.Published}
}
