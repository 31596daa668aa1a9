package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"planverk/plan"
	"planverk/store"
)

// approvalsEditView is the form that lists who approved the plan and when,
// a row per approval, with an empty row for adding one.
type approvalsEditView struct {
	planFormView
	listRows
	Parties []option
}

// approvalsPart is the plan's approvals as its form edits them.
var approvalsPart = planPart{
	mark:   func(f *plan.File) string { return listMark(f.Plan.Approvals) },
	values: func(f *plan.File) url.Values { return approvalValues(f.Plan.Approvals) },
	apply: func(fm *form, f *plan.File) {
		f.Plan.Approvals = applyApprovalsForm(fm, f.Plan.Approvals, f.Organisations)
	},
	in:     func(c plan.Change) bool { return strings.HasPrefix(c.Path, "plan.approvals") },
	render: (*Server).renderApprovalsEdit,
}

// approvalsEdit shows the plan's approvals as a form.
func (s *Server) approvalsEdit(w http.ResponseWriter, r *http.Request) {
	s.editPlanPart(w, r, approvalsPart)
}

func (s *Server) renderApprovalsEdit(w http.ResponseWriter, r *http.Request, status int, f *plan.File, v store.PlanVersion,
	fm *form, conflict *conflictView) {
	ev := approvalsEditView{planFormView: newPlanFormView(f, v, fm, conflict),
		listRows: newListRows(fm), Parties: orgOptions(f.Organisations)}
	s.render(w, r, status, "approvals_edit", &view{Title: i18nTitle(r, "structure.approvals-title"), Data: ev})
}

// approvalValues fills a form with the approvals as they are, one row each.
func approvalValues(as []plan.Approval) url.Values {
	v := url.Values{}
	for i, a := range as {
		v.Set(rowField(i, "party"), a.Party)
		v.Set(rowField(i, "date"), dateText(a.Date))
		v.Set(rowField(i, "body"), a.Body)
		v.Set(rowField(i, "note"), a.Note)
	}
	v.Set("rows", strconv.Itoa(len(as)))
	return v
}
