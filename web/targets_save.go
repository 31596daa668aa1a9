package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"planverk/plan"
)

// targetsSave saves the targets form: the rows in order, an emptied row
// removed, the empty row added where something was typed in it.
func (s *Server) targetsSave(w http.ResponseWriter, r *http.Request) {
	s.savePlanPart(w, r, targetsPart)
}

// applyTargetsForm checks the rows and returns the targets they make. A
// row keeps what it had where its text is unchanged, so that saving the
// form unchanged changes nothing. Every message names its row.
func applyTargetsForm(fm *form, had []plan.Target, goals []plan.Goal) []plan.Target {
	var out []plan.Target
	for _, i := range rowIndexes(fm) {
		if rowEmpty(fm, i, "label", "value", "unit", "from", "to", "year", "goal", "note") {
			continue // emptied or left empty: the row goes
		}
		var t plan.Target
		if i < len(had) {
			t = had[i]
		}
		row := i + 1
		kind := plan.TargetKind(fm.Get(rowField(i, "kind")))
		if !slices.Contains(plan.TargetKinds, kind) {
			fm.Fail(rowField(i, "kind"), "structure.row-kind", "Row", row)
		}
		value, err := strconv.ParseInt(stripSpaces(fm.Get(rowField(i, "value"))), 10, 64)
		if err != nil || value < 0 {
			fm.Fail(rowField(i, "value"), "structure.row-value", "Row", row)
		}
		from := rowYear(fm, i, "from")
		to := rowYear(fm, i, "to")
		year := rowYear(fm, i, "year")
		switch {
		case (from == 0) != (to == 0) && !fm.Errors.has(rowField(i, "from")) && !fm.Errors.has(rowField(i, "to")):
			if from == 0 {
				fm.Fail(rowField(i, "from"), "structure.row-period-both", "Row", row)
			} else {
				fm.Fail(rowField(i, "to"), "structure.row-period-both", "Row", row)
			}
		case from != 0 && to < from:
			fm.Fail(rowField(i, "to"), "structure.row-period-order", "Row", row)
		case from != 0 && year != 0:
			fm.Fail(rowField(i, "year"), "structure.row-year-or-period", "Row", row)
		}
		goal := 0
		if g := fm.Get(rowField(i, "goal")); g != "" {
			n, err := strconv.Atoi(g)
			if err != nil || !slices.ContainsFunc(goals, func(o plan.Goal) bool { return o.Number == n }) {
				fm.Fail(rowField(i, "goal"), "structure.row-goal", "Row", row)
			}
			goal = n
		}
		if !fm.OK() {
			continue // check the other rows too, so every problem shows at once
		}
		t.Kind = kind
		t.Label = keepLine(t.Label, fm.Get(rowField(i, "label")))
		t.Value = value
		t.Unit = keepLine(t.Unit, fm.Get(rowField(i, "unit")))
		switch {
		case from == 0:
			t.Period = nil
		case t.Period == nil || *t.Period != (plan.Period{From: from, To: to}):
			t.Period = &plan.Period{From: from, To: to}
		}
		t.Year = year
		t.Gross = fm.Get(rowField(i, "gross")) != ""
		t.Goal = goal
		t.Note = keepText(t.Note, fm.Raw(rowField(i, "note")))
		out = append(out, t)
	}
	if !fm.OK() {
		return nil
	}
	return out
}

// rowYear reads an optional year in a row; a wrong one fails the field
// with a message that names the row.
func rowYear(fm *form, row int, name string) int {
	s := fm.Get(rowField(row, name))
	if s == "" {
		return 0
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 1900 || y > 2200 {
		fm.Fail(rowField(row, name), "structure.row-year", "Row", row+1)
		return 0
	}
	return y
}

// stripSpaces removes the spaces people type between thousands ("1 000"),
// ordinary or no-break.
func stripSpaces(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00a0', '\u202f':
			return -1
		}
		return r
	}, s)
}
