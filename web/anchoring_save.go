package web

import (
	"net/http"
	"slices"

	"planverk/plan"
)

// anchoringSave saves the anchoring form: the rows in order, an emptied
// row removed, the empty row added where something was typed in it.
func (s *Server) anchoringSave(w http.ResponseWriter, r *http.Request) {
	s.savePlanPart(w, r, anchoringPart)
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
