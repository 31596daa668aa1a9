package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"planverk/plan"
	"planverk/store"
)

// targetsEditView is the form that lists the plan's targets as rows, with
// an empty row for adding one.
type targetsEditView struct {
	planFormView
	listRows
	Kinds []option
	Goals []option
	// ProgrammeTargets are the programme's targets over its whole period,
	// shown for reference: they belong to the programme, not this plan.
	ProgrammeTargets []plan.Target
}

// targetsPart is the plan's targets as its form edits them.
var targetsPart = planPart{
	mark:   func(f *plan.File) string { return listMark(f.Plan.Targets) },
	values: func(f *plan.File) url.Values { return targetValues(f.Plan.Targets) },
	apply:  func(fm *form, f *plan.File) { f.Plan.Targets = applyTargetsForm(fm, f.Plan.Targets, f.Plan.Goals) },
	in:     func(c plan.Change) bool { return strings.HasPrefix(c.Path, "plan.targets") },
	render: (*Server).renderTargetsEdit,
}

// targetsEdit shows the plan's targets as a form.
func (s *Server) targetsEdit(w http.ResponseWriter, r *http.Request) {
	s.editPlanPart(w, r, targetsPart)
}

func (s *Server) renderTargetsEdit(w http.ResponseWriter, r *http.Request, status int, f *plan.File, v store.PlanVersion,
	fm *form, conflict *conflictView) {
	ev := targetsEditView{planFormView: newPlanFormView(f, v, fm, conflict),
		listRows: newListRows(fm), ProgrammeTargets: f.Programme.Targets}
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
