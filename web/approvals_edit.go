package web

import (
	"net/http"
	"net/url"
	"strconv"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// approvalsEditView is the form that lists who approved the plan and when,
// a row per approval, with an empty row for adding one.
type approvalsEditView struct {
	ProgrammeID string
	Year        int
	PlanTitle   string
	Lang        plan.Language
	Form        *form
	// Rows are the rows' indexes; those below Existing were in the plan
	// when the form was opened, the last is for adding one.
	Rows     []int
	Existing int
	Parties  []option
	Conflict *conflictView
}

// approvalsEdit shows the plan's approvals as a form.
func (s *Server) approvalsEdit(w http.ResponseWriter, r *http.Request) {
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	if !can(r, auth.EditPlan, planResource(v)) {
		s.deny(w, r)
		return
	}
	fm := newForm(approvalValues(f.Plan.Approvals))
	fm.Values.Set("base", strconv.Itoa(v.Version))
	fm.Values.Set("etag", listMark(f.Plan.Approvals))
	fm.Values.Set("submission", newSubmission())
	s.renderApprovalsEdit(w, r, http.StatusOK, f, v, fm, nil)
}

func (s *Server) renderApprovalsEdit(w http.ResponseWriter, r *http.Request, status int, f *plan.File, v store.PlanVersion,
	fm *form, conflict *conflictView) {
	rows := rowIndexes(fm)
	ev := approvalsEditView{ProgrammeID: v.ProgrammeID, Year: v.Year, PlanTitle: f.Plan.Title, Lang: f.Plan.Language,
		Form: fm, Rows: rows, Existing: len(rows) - 1, Parties: orgOptions(f.Organisations), Conflict: conflict}
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
