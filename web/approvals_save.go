package web

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// approvalsSave saves the approvals form: the rows in order, an emptied
// row removed, the empty row added where something was typed in it.
func (s *Server) approvalsSave(w http.ResponseWriter, r *http.Request) {
	fm, ok := parseForm(w, r)
	if !ok {
		s.errorPage(w, r, http.StatusBadRequest, "error.bad-request")
		return
	}
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	if !can(r, auth.EditPlan, planResource(v)) {
		s.deny(w, r)
		return
	}
	if applyApprovalsForm(fm, f.Plan.Approvals, f.Organisations); !fm.OK() {
		s.renderApprovalsEdit(w, r, http.StatusUnprocessableEntity, f, v, fm, nil)
		return
	}
	etag := fm.Get("etag")
	_, err := s.store.EditPlan(r.Context(), v.ProgrammeID, v.Year,
		store.Edit{Author: whoOf(r).User.ID, Summary: fm.Get("change_note"), Submission: fm.Get("submission")},
		func(cur *plan.File) error {
			if listMark(cur.Plan.Approvals) != etag {
				return &staleEdit{}
			}
			cur.Plan.Approvals = applyApprovalsForm(newForm(fm.Values), cur.Plan.Approvals, cur.Organisations)
			return nil
		})
	var stale *staleEdit
	if errors.As(err, &stale) {
		f, v, ok := s.loadPlan(w, r)
		if !ok {
			return
		}
		c := s.structureConflict(r, f, v, fm, func(c plan.Change) bool { return strings.HasPrefix(c.Path, "plan.approvals") },
			func(f *plan.File) url.Values { return approvalValues(f.Plan.Approvals) })
		fm.Values.Set("etag", listMark(f.Plan.Approvals))
		s.renderApprovalsEdit(w, r, http.StatusConflict, f, v, fm, c)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, planPath(v), http.StatusSeeOther)
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
