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

// anchoringSave saves the anchoring form: the rows in order, an emptied
// row removed, the empty row added where something was typed in it.
func (s *Server) anchoringSave(w http.ResponseWriter, r *http.Request) {
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
	if applyAnchoringForm(fm, f.Plan.Anchoring, anchoringOrgs(f)); !fm.OK() {
		s.renderAnchoringEdit(w, r, http.StatusUnprocessableEntity, f, v, fm, nil)
		return
	}
	etag := fm.Get("etag")
	_, err := s.store.EditPlan(r.Context(), v.ProgrammeID, v.Year,
		store.Edit{Author: whoOf(r).User.ID, Summary: fm.Get("change_note"), Submission: fm.Get("submission")},
		func(cur *plan.File) error {
			if listMark(cur.Plan.Anchoring) != etag {
				return &staleEdit{}
			}
			cur.Plan.Anchoring = applyAnchoringForm(newForm(fm.Values), cur.Plan.Anchoring, anchoringOrgs(cur))
			return nil
		})
	var stale *staleEdit
	if errors.As(err, &stale) {
		f, v, ok := s.loadPlan(w, r)
		if !ok {
			return
		}
		c := s.structureConflict(r, f, v, fm, func(c plan.Change) bool { return strings.HasPrefix(c.Path, "plan.anchoring") },
			func(f *plan.File) url.Values { return anchoringValues(f.Plan.Anchoring) })
		fm.Values.Set("etag", listMark(f.Plan.Anchoring))
		s.renderAnchoringEdit(w, r, http.StatusConflict, f, v, fm, c)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, planPath(v), http.StatusSeeOther)
}

// applyAnchoringForm checks the rows and returns the anchoring they make.
// A date is read as 19.06.2025 or 2025-06-19; one that is unchanged keeps
// its value, and every message names its row and field.
func applyAnchoringForm(fm *form, had []plan.Anchoring, orgs []plan.Organisation) []plan.Anchoring {
	var out []plan.Anchoring
	seen := map[string]bool{}
	for _, i := range rowIndexes(fm) {
		if rowEmpty(fm, i, "municipality", "executive_committee", "council", "note") {
			continue // emptied or left empty: the row goes
		}
		var a plan.Anchoring
		if i < len(had) {
			a = had[i]
		}
		row := i + 1
		id := fm.Get(rowField(i, "municipality"))
		switch {
		case id == "":
			fm.Fail(rowField(i, "municipality"), "structure.row-municipality", "Row", row)
		case !slices.ContainsFunc(orgs, func(o plan.Organisation) bool { return o.ID == id }):
			fm.Fail(rowField(i, "municipality"), "structure.row-municipality", "Row", row)
		case seen[id]:
			fm.Fail(rowField(i, "municipality"), "structure.row-municipality-twice", "Row", row)
		}
		seen[id] = true
		committee := dateField(fm, i, "executive_committee", "structure.row-committee-date")
		council := dateField(fm, i, "council", "structure.row-council-date")
		if committee != nil && council != nil && council.Before(*committee) {
			fm.Fail(rowField(i, "council"), "structure.row-council-order", "Row", row)
		}
		if !fm.OK() {
			continue // check the other rows too, so every problem shows at once
		}
		a.Municipality = id
		a.ExecutiveCommittee = keepDate(a.ExecutiveCommittee, committee)
		a.Council = keepDate(a.Council, council)
		a.Note = keepLine(a.Note, fm.Get(rowField(i, "note")))
		out = append(out, a)
	}
	if !fm.OK() {
		return nil
	}
	return out
}

// keepDate returns what was there when the date typed is the same day.
func keepDate(had, typed *plan.Date) *plan.Date {
	if had != nil && typed != nil && *had == *typed {
		return had
	}
	return typed
}
