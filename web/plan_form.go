package web

import (
	"planverk/plan"
	"planverk/store"
)

// planFormView is what every form of a plan shows of it (a measure, a
// goal, the plan's fields and lists, the money tables): which plan it is,
// the form, and what changed meanwhile after a stale save.
type planFormView struct {
	ProgrammeID string
	Year        int
	PlanTitle   string
	// Lang is the language the plan is written in: the fields' text and
	// the tables' labels are in it.
	Lang     plan.Language
	Form     *form
	Conflict *conflictView
}

func newPlanFormView(f *plan.File, v store.PlanVersion, fm *form, conflict *conflictView) planFormView {
	return planFormView{ProgrammeID: v.ProgrammeID, Year: v.Year, PlanTitle: f.Plan.Title, Lang: f.Plan.Language,
		Form: fm, Conflict: conflict}
}
