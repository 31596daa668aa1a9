package describe

import (
	"strings"
	"testing"

	"planverk/i18n"
	"planverk/plan"
)

// A change to the communication plan reads in words: the activity by its
// text, the responsible by the organisation's name, the status and the
// month as a reader writes them.
func TestCommunicationChangesInWords(t *testing.T) {
	driv, _ := seeds(t)
	before := cloneFile(t, driv)
	before.Plan.Communication = []plan.Activity{{Activity: "Nyhetsbrev", Channel: "E-post",
		From: &plan.Date{Year: 2025, Month: 3, Precision: plan.PrecisionMonth}, Status: plan.MeasurePlanned}}
	after := cloneFile(t, before)
	after.Plan.Communication[0].Status = plan.MeasureOngoing
	after.Plan.Communication[0].From = &plan.Date{Year: 2025, Month: 4, Precision: plan.PrecisionMonth}
	after.Plan.Communication = append(after.Plan.Communication, plan.Activity{Activity: "Åpent møte",
		Responsible: []plan.Actor{{Org: driv.Organisations[0].ID}}})
	changes := plan.Diff(before, after)
	if len(changes) != 3 {
		t.Fatalf("want 3 changes, got %+v", changes)
	}
	b := New(after, i18n.Bokmal)
	var got []string
	for _, c := range changes {
		got = append(got, line(b.Change(c)))
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		"Aktivitet «Nyhetsbrev»: Fra: mars 2025 → april 2025",
		"Aktivitet «Nyhetsbrev»: Status: Planlagt → Pågår",
		"Aktivitet + Åpent møte (Ansvarlig: " + driv.Organisations[0].Name + ")",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("want %q in:\n%s", want, all)
		}
	}
	if jsonLike.MatchString(all) || strings.Contains(all, "words.") || strings.Contains(all, "ongoing") {
		t.Errorf("changes read with code:\n%s", all)
	}
}
