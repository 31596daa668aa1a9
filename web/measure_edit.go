package web

import (
	"fmt"
	"net/http"
	"strconv"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// measureEditView is the measure form, for a new measure or one that
// exists.
type measureEditView struct {
	planFormView
	Goal    *plan.Goal
	Measure *plan.Measure
	New     bool
	// Goals to move the measure to; only for those who may edit the plan.
	Goals      []option
	Priorities []option
	Statuses   []option
	// Sections are the indexes of the section fields, one more than the
	// measure has, for adding one.
	Sections []int
	// Preview is the measure as the form would save it, shown when the
	// person asks for a preview of the text.
	Preview *plan.Measure
	// Saved is set when the form is shown again just after a save,
	// because the rules flag something in the measure as saved; Findings
	// are what they flag that concerns no one field.
	Saved    bool
	Findings []findingView
}

// measureEdit shows the form that edits a measure.
func (s *Server) measureEdit(w http.ResponseWriter, r *http.Request) {
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	g, m, ok := s.measureFor(w, r, f, v, auth.EditMeasure)
	if !ok {
		return
	}
	s.renderMeasureForm(w, r, http.StatusOK, measureEditView{
		planFormView: newPlanFormView(f, v, newEditForm(measureValues(f, g, m), v, fingerprint(m)), nil),
		Goal:         g, Measure: m, Saved: r.URL.Query().Get("saved") == "1"}, f, v)
}

func (s *Server) renderMeasureEdit(w http.ResponseWriter, r *http.Request, status int, f *plan.File, v store.PlanVersion,
	g *plan.Goal, m *plan.Measure, fm *form, conflict *conflictView) {
	s.renderMeasureForm(w, r, status, measureEditView{planFormView: newPlanFormView(f, v, fm, conflict),
		Goal: g, Measure: m, New: m == nil}, f, v)
}

// renderMeasurePreview shows the form again, unsaved, with the measure as
// it would be saved: the Markdown of its texts rendered, so that the
// person sees headings, lists and emphasis before saving.
func (s *Server) renderMeasurePreview(w http.ResponseWriter, r *http.Request, f *plan.File, v store.PlanVersion,
	g *plan.Goal, m, preview *plan.Measure, fm *form) {
	s.renderMeasureForm(w, r, http.StatusOK, measureEditView{planFormView: newPlanFormView(f, v, fm, nil),
		Goal: g, Measure: m, New: m == nil, Preview: preview}, f, v)
}

func (s *Server) renderMeasureForm(w http.ResponseWriter, r *http.Request, status int, ev measureEditView, f *plan.File, v store.PlanVersion) {
	fm, g, m := ev.Form, ev.Goal, ev.Measure
	if can(r, auth.EditPlan, planResource(v)) {
		for _, goal := range f.Plan.Goals {
			ev.Goals = append(ev.Goals, option{Value: strconv.Itoa(goal.Number), Label: fmt.Sprintf("%d. %s", goal.Number, goal.Title)})
		}
	}
	ev.Priorities = []option{{Value: "", ID: "measure-form.priority-none"}}
	for _, p := range plan.Priorities {
		ev.Priorities = append(ev.Priorities, option{Value: string(p), ID: "priority." + string(p)})
	}
	ev.Statuses = []option{{Value: "", ID: "measure-form.status-none"}}
	for _, st := range plan.MeasureStatuses {
		ev.Statuses = append(ev.Statuses, option{Value: string(st), ID: "measure-status." + string(st)})
	}
	if m != nil {
		ev.Findings = warnMeasure(fm, f, g.Number, m.Number, language(r))
	}
	n, _ := strconv.Atoi(fm.Get("sections"))
	for i := 0; i <= n; i++ {
		ev.Sections = append(ev.Sections, i)
	}
	title := i18nTitle(r, "measure-form.new-title")
	if m != nil {
		title = i18nTitle(r, "measure-form.title", "Number", fmt.Sprintf("%d.%d", g.Number, m.Number))
	}
	s.render(w, r, status, "measure_edit", &view{Title: title, Data: ev})
}
