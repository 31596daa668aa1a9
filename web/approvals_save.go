package web

import (
	"net/http"
	"slices"

	"planverk/plan"
)

// approvalsSave saves the approvals form: the rows in order, an emptied
// row removed, the empty row added where something was typed in it.
func (s *Server) approvalsSave(w http.ResponseWriter, r *http.Request) {
	s.savePlanPart(w, r, approvalsPart)
}

// applyApprovalsForm checks the rows and returns the approvals they make;
// every message names its row and field.
func applyApprovalsForm(fm *form, had []plan.Approval, orgs []plan.Organisation) []plan.Approval {
	var out []plan.Approval
	for _, i := range rowIndexes(fm) {
		if rowEmpty(fm, i, "party", "date", "body", "note") {
			continue // emptied or left empty: the row goes
		}
		var a plan.Approval
		if i < len(had) {
			a = had[i]
		}
		id := fm.Get(rowField(i, "party"))
		if !slices.ContainsFunc(orgs, func(o plan.Organisation) bool { return o.ID == id }) {
			fm.Fail(rowField(i, "party"), "structure.row-party", "Row", i+1)
		}
		date := dateField(fm, i, "date", "structure.row-approval-date")
		if !fm.OK() {
			continue // check the other rows too, so every problem shows at once
		}
		a.Party = id
		a.Date = keepDate(a.Date, date)
		a.Body = keepLine(a.Body, fm.Get(rowField(i, "body")))
		a.Note = keepLine(a.Note, fm.Get(rowField(i, "note")))
		out = append(out, a)
	}
	if !fm.OK() {
		return nil
	}
	return out
}
