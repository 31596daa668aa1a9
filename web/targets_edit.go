package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// targetsEditView is the form that lists the plan's targets as rows, with
// an empty row for adding one.
type targetsEditView struct {
	ProgrammeID string
	Year        int
	PlanTitle   string
	// Lang is the language the plan is written in: the fields' text is in it.
	Lang plan.Language
	Form *form
	// Rows are the rows' indexes; those below Existing were in the plan
	// when the form was opened, the last is for adding one.
	Rows     []int
	Existing int
	Kinds    []option
	Goals    []option
	Conflict *conflictView
	// ProgrammeTargets are the programme's targets over its whole period,
	// shown for reference: they belong to the programme, not this plan.
	ProgrammeTargets []plan.Target
}

// targetsEdit shows the plan's targets as a form.
func (s *Server) targetsEdit(w http.ResponseWriter, r *http.Request) {
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	if !can(r, auth.EditPlan, planResource(v)) {
		s.deny(w, r)
		return
	}
	fm := newForm(targetValues(f.Plan.Targets))
	fm.Values.Set("base", strconv.Itoa(v.Version))
	fm.Values.Set("etag", listMark(f.Plan.Targets))
	fm.Values.Set("submission", newSubmission())
	s.renderTargetsEdit(w, r, http.StatusOK, f, v, fm, nil)
}

func (s *Server) renderTargetsEdit(w http.ResponseWriter, r *http.Request, status int, f *plan.File, v store.PlanVersion,
	fm *form, conflict *conflictView) {
	rows := rowIndexes(fm)
	ev := targetsEditView{ProgrammeID: v.ProgrammeID, Year: v.Year, PlanTitle: f.Plan.Title, Lang: f.Plan.Language,
		Form: fm, Rows: rows, Existing: len(rows) - 1, Conflict: conflict, ProgrammeTargets: f.Programme.Targets}
	ev.Kinds = []option{{Value: "", ID: "structure.choose"}}
	for _, k := range plan.TargetKinds {
		ev.Kinds = append(ev.Kinds, option{Value: string(k), ID: "structure.target-kind-" + string(k)})
	}
	ev.Goals = []option{{Value: "", ID: "structure.target-no-goal"}}
	for _, g := range f.Plan.Goals {
		ev.Goals = append(ev.Goals, option{Value: strconv.Itoa(g.Number), Label: fmt.Sprintf("%d. %s", g.Number, g.Title)})
	}
	s.render(w, r, status, "targets_edit", &view{Title: i18nTitle(r, "structure.targets-title"), Data: ev})
}

// targetValues fills a form with the targets as they are, one row each.
func targetValues(ts []plan.Target) url.Values {
	v := url.Values{}
	for i, t := range ts {
		v.Set(rowField(i, "kind"), string(t.Kind))
		v.Set(rowField(i, "label"), t.Label)
		v.Set(rowField(i, "value"), strconv.FormatInt(t.Value, 10))
		v.Set(rowField(i, "unit"), t.Unit)
		if t.Period != nil {
			v.Set(rowField(i, "from"), strconv.Itoa(t.Period.From))
			v.Set(rowField(i, "to"), strconv.Itoa(t.Period.To))
		}
		if t.Year != 0 {
			v.Set(rowField(i, "year"), strconv.Itoa(t.Year))
		}
		if t.Gross {
			v.Set(rowField(i, "gross"), "on")
		}
		if t.Goal != 0 {
			v.Set(rowField(i, "goal"), strconv.Itoa(t.Goal))
		}
		v.Set(rowField(i, "note"), string(t.Note))
	}
	v.Set("rows", strconv.Itoa(len(ts)))
	return v
}

// listMark is the fingerprint of one of the plan's lists, the same for a
// nil and an empty list, as the plan file has it.
func listMark[T any](items []T) string {
	if len(items) == 0 {
		items = nil
	}
	return fingerprint(items)
}
