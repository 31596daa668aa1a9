package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"planverk/plan"
	"planverk/store"
)

// communicationEditView is the form that lists the communication plan's
// activities as rows, with an empty row for adding one.
type communicationEditView struct {
	planFormView
	listRows
	Statuses []option
}

// communicationPart is the plan's communication plan as its form edits it.
var communicationPart = planPart{
	mark:   func(f *plan.File) string { return listMark(f.Plan.Communication) },
	values: func(f *plan.File) url.Values { return communicationValues(f, f.Plan.Communication) },
	apply: func(fm *form, f *plan.File) {
		f.Plan.Communication = applyCommunicationForm(fm, f, f.Plan.Communication)
	},
	in:     func(c plan.Change) bool { return strings.HasPrefix(c.Path, "plan.communication") },
	render: (*Server).renderCommunicationEdit,
}

// communicationEdit shows the plan's communication plan as a form.
func (s *Server) communicationEdit(w http.ResponseWriter, r *http.Request) {
	s.editPlanPart(w, r, communicationPart)
}

func (s *Server) renderCommunicationEdit(w http.ResponseWriter, r *http.Request, status int, f *plan.File, v store.PlanVersion,
	fm *form, conflict *conflictView) {
	ev := communicationEditView{planFormView: newPlanFormView(f, v, fm, conflict), listRows: newListRows(fm)}
	ev.Statuses = []option{{Value: "", ID: "structure.choose"}}
	for _, st := range plan.MeasureStatuses {
		ev.Statuses = append(ev.Statuses, option{Value: string(st), ID: "measure-status." + string(st)})
	}
	s.render(w, r, status, "communication_edit", &view{Title: i18nTitle(r, "structure.communication-title"), Data: ev})
}

// communicationValues fills a form with the activities as they are, one
// row each; the responsible one per line, as a measure's leads are.
func communicationValues(f *plan.File, as []plan.Activity) url.Values {
	v := url.Values{}
	for i, a := range as {
		v.Set(rowField(i, "activity"), a.Activity)
		v.Set(rowField(i, "target_group"), a.TargetGroup)
		v.Set(rowField(i, "channel"), a.Channel)
		v.Set(rowField(i, "from"), dateText(a.From))
		v.Set(rowField(i, "to"), dateText(a.To))
		v.Set(rowField(i, "when"), a.When)
		v.Set(rowField(i, "responsible"), actorLines(f, a.Responsible))
		v.Set(rowField(i, "status"), string(a.Status))
	}
	v.Set("rows", strconv.Itoa(len(as)))
	return v
}
