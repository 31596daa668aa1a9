package web

import (
	"net/http"
	"slices"

	"planverk/plan"
)

// communicationSave saves the communication plan's form: the rows in
// order, an emptied row removed, the empty row added where something was
// typed in it.
func (s *Server) communicationSave(w http.ResponseWriter, r *http.Request) {
	s.savePlanPart(w, r, communicationPart)
}

// applyCommunicationForm checks the rows and returns the activities they
// make. A row keeps what it had where its text is unchanged, so that
// saving the form unchanged changes nothing. Every message names its row
// and field.
func applyCommunicationForm(fm *form, f *plan.File, had []plan.Activity) []plan.Activity {
	var out []plan.Activity
	for _, i := range rowIndexes(fm) {
		if rowEmpty(fm, i, "activity", "target_group", "channel", "from", "to", "when", "responsible", "status") {
			continue // emptied or left empty: the row goes
		}
		var a plan.Activity
		if i < len(had) {
			a = had[i]
		}
		row := i + 1
		if fm.Get(rowField(i, "activity")) == "" {
			fm.Fail(rowField(i, "activity"), "structure.row-activity", "Row", row)
		}
		from := dateField(fm, i, "from", "structure.row-activity-from")
		to := dateField(fm, i, "to", "structure.row-activity-to")
		switch {
		case to != nil && from == nil && !fm.Errors.has(rowField(i, "from")):
			fm.Fail(rowField(i, "from"), "structure.row-activity-from-missing", "Row", row)
		case from != nil && to != nil && to.Before(*from):
			fm.Fail(rowField(i, "to"), "structure.row-activity-order", "Row", row)
		}
		status := plan.MeasureStatus(fm.Get(rowField(i, "status")))
		if status != "" && !slices.Contains(plan.MeasureStatuses, status) {
			fm.Fail(rowField(i, "status"), "structure.row-activity-status", "Row", row)
		}
		if !fm.OK() {
			continue // check the other rows too, so every problem shows at once
		}
		a.Activity = keepLine(a.Activity, fm.Get(rowField(i, "activity")))
		a.TargetGroup = keepLine(a.TargetGroup, fm.Get(rowField(i, "target_group")))
		a.Channel = keepLine(a.Channel, fm.Get(rowField(i, "channel")))
		a.From = keepDate(a.From, from)
		a.To = keepDate(a.To, to)
		a.When = keepLine(a.When, fm.Get(rowField(i, "when")))
		a.Responsible = parseActors(f, a.Responsible, fm.Raw(rowField(i, "responsible")))
		a.Status = status
		out = append(out, a)
	}
	if !fm.OK() {
		return nil
	}
	return out
}
