package web

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// measureEditView is the measure form, for a new measure or one that
// exists.
type measureEditView struct {
	ProgrammeID string
	Year        int
	PlanTitle   string
	// Lang is the language the plan is written in: the fields' text is in it.
	Lang    plan.Language
	Goal    *plan.Goal
	Measure *plan.Measure
	New     bool
	Form    *form
	// Goals to move the measure to; only for those who may edit the plan.
	Goals      []option
	Priorities []option
	Statuses   []option
	// Sections are the indexes of the section fields, one more than the
	// measure has, for adding one.
	Sections []int
	Conflict *conflictView
}

// conflictView tells what someone else saved while this person edited.
type conflictView struct {
	Author  string
	At      time.Time
	Changes []plan.Change
	// Deleted is set when the other person deleted the measure.
	Deleted bool
}

// measureEdit shows the form that edits a measure.
func (s *Server) measureEdit(w http.ResponseWriter, r *http.Request) {
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	goalNo, measureNo, _ := measureNumbers(r)
	g, m := findMeasure(f, goalNo, measureNo)
	if m == nil {
		s.fail(w, r, plan.Errorf(plan.ENotFound, "no measure %d.%d", goalNo, measureNo))
		return
	}
	if !can(r, auth.EditMeasure, measureResource(v.ProgrammeID, v.Published, m)) {
		s.deny(w, r)
		return
	}
	fm := newForm(measureValues(f, g, m))
	fm.Values.Set("base", strconv.Itoa(v.Version))
	fm.Values.Set("etag", fingerprint(m))
	fm.Values.Set("submission", newSubmission())
	s.renderMeasureEdit(w, r, http.StatusOK, f, v, g, m, fm, nil)
}

func (s *Server) renderMeasureEdit(w http.ResponseWriter, r *http.Request, status int, f *plan.File, v store.PlanVersion,
	g *plan.Goal, m *plan.Measure, fm *form, conflict *conflictView) {
	ev := measureEditView{ProgrammeID: v.ProgrammeID, Year: v.Year, PlanTitle: f.Plan.Title, Lang: f.Plan.Language,
		Goal: g, Measure: m, New: m == nil, Form: fm, Conflict: conflict}
	if can(r, auth.EditPlan, auth.Resource{Programme: v.ProgrammeID, Published: v.Published}) {
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
