package followup

import (
	"strings"
	"testing"

	"planverk/i18n"
	"planverk/plan"
)

func amt(n int64) *plan.Amount { return plan.Amount(n).Ptr() }

func date(s string) *plan.Date {
	d, err := plan.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return &d
}

func project(budget int64, cs ...Commitment) Project {
	return Project{ID: 7, Title: "Sentrumsutvikling", Label: "P7", Status: StatusGranted, Budget: amt(budget), Commitments: cs}
}

func messages(t *testing.T, fs []plan.Finding) []string {
	t.Helper()
	var out []string
	for _, f := range fs {
		out = append(out, i18n.Finding(i18n.English, f))
	}
	return out
}

func TestShareAgreesWithBudget(t *testing.T) {
	p := project(300000, Commitment{Amount: 150000, Share: "50 %", Source: "county",
		Payments: []Payment{{Date: *date("2025-03-01"), Amount: 100000}, {Date: *date("2025-09-01"), Amount: 50000}}})
	if fs := CheckProject(p); len(fs) != 0 {
		t.Fatalf("a 150 000 commitment at 50 %% of a 300 000 budget, fully paid, has findings: %v", messages(t, fs))
	}
}

func TestPaidOverCommitted(t *testing.T) {
	p := project(300000, Commitment{Amount: 150000, Share: "50 %",
		Payments: []Payment{{Date: *date("2025-03-01"), Amount: 100000}, {Date: *date("2025-09-01"), Amount: 60000}}})
	ms := messages(t, CheckProject(p))
	if len(ms) != 1 || !strings.Contains(ms[0], "P7 Sentrumsutvikling") || !strings.Contains(ms[0], "160\u00a0000") || !strings.Contains(ms[0], "150\u00a0000") {
		t.Fatalf("paid 160 000 of 150 000: %q", ms)
	}
}

func TestReleasedLowersWhatStands(t *testing.T) {
	// 50 000 released of 150 000 leaves 100 000; paying 120 000 is too much.
	p := project(300000, Commitment{Amount: 150000, Share: "50 %", Released: amt(50000), ReleasedOn: date("2025-12"),
		Payments: []Payment{{Date: *date("2025-03-01"), Amount: 120000}}})
	ms := messages(t, CheckProject(p))
	if len(ms) != 1 || !strings.Contains(ms[0], "120\u00a0000") || !strings.Contains(ms[0], "100\u00a0000") {
		t.Fatalf("paid 120 000 of 100 000 standing: %q", ms)
	}
	p.Commitments[0].Released = amt(200000)
	p.Commitments[0].Payments = nil
	ms = messages(t, CheckProject(p))
	if len(ms) == 0 || !strings.Contains(ms[0], "200\u00a0000") {
		t.Fatalf("released 200 000 of 150 000: %q", ms)
	}
}

func TestShareDiffersFromBudget(t *testing.T) {
	// 150 000 of 400 000 is 37.5 %, not the 50 % the decision states.
	ms := messages(t, CheckProject(project(400000, Commitment{Amount: 150000, Share: "50 %"})))
	if len(ms) != 1 || !strings.Contains(ms[0], "37.5\u00a0%") || !strings.Contains(ms[0], "50 %") || !strings.Contains(ms[0], "400\u00a0000") {
		t.Fatalf("37.5 %% against 50 %%: %q", ms)
	}
	// Rounding within half a point is no finding: 100 000 of 301 000 is 33.2 %.
	if fs := CheckProject(project(301000, Commitment{Amount: 100000, Share: "33 %"})); len(fs) != 0 {
		t.Fatalf("33.2 %% stated as 33 %%: %v", messages(t, fs))
	}
}

func TestShareOverWholeAndOverBudget(t *testing.T) {
	ms := messages(t, CheckProject(project(100000, Commitment{Amount: 150000, Share: "150 %"})))
	if len(ms) != 2 || !strings.Contains(ms[0], "150 %") || !strings.Contains(ms[1], "150\u00a0000") || !strings.Contains(ms[1], "100\u00a0000") {
		t.Fatalf("150 %% and 150 000 over a 100 000 budget: %q", ms)
	}
}

func TestFinancingOverBudget(t *testing.T) {
	p := project(300000, Commitment{Amount: 150000, Share: "50 %"})
	p.OwnShare, p.OtherFinancing = amt(100000), amt(100000)
	ms := messages(t, CheckProject(p))
	if len(ms) != 1 || !strings.Contains(ms[0], "350\u00a0000") || !strings.Contains(ms[0], "300\u00a0000") {
		t.Fatalf("own 100 000 + other 100 000 + grant 150 000 over 300 000: %q", ms)
	}
}

// TestScheduleAndDeadline: a commitment of 200 000 with the county's 75 %
// this year and 25 % next. Paying 180 000 in the first year is ahead of
// the 150 000 the schedule allows; a payment after the deadline (a month,
// which runs to its last day) is an error; a schedule that does not add
// up to the commitment is named.
func TestScheduleAndDeadline(t *testing.T) {
	c := Commitment{Amount: 200000, Source: "county", Deadline: date("2026-06"),
		Schedule: []Tranche{{Year: 2025, Amount: 150000}, {Year: 2026, Amount: 50000}},
		Payments: []Payment{{Date: *date("2025-05-01"), Amount: 150000}, {Date: *date("2026-06-30"), Amount: 50000}}}
	if fs := CheckProject(project(0, c)); len(fs) != 0 {
		t.Fatalf("payments on schedule and in time: %v", messages(t, fs))
	}
	c.Payments = []Payment{{Date: *date("2025-05-01"), Amount: 180000}, {Date: *date("2026-07-01"), Amount: 20000}}
	ms := messages(t, CheckProject(project(0, c)))
	want := []string{
		"P7 Sentrumsutvikling: 180\u00a0000 kroner paid by the end of 2025, more than the 150\u00a0000 kroner the commitment's payment schedule allows by then.",
		"P7 Sentrumsutvikling: 20\u00a0000 kroner paid on 01.07.2026, after the commitment's deadline of June 2026.",
	}
	if strings.Join(ms, "\n") != strings.Join(want, "\n") {
		t.Fatalf("ahead of schedule and late:\n%s\nwant\n%s", strings.Join(ms, "\n"), strings.Join(want, "\n"))
	}
	c.Payments = nil
	c.Schedule = c.Schedule[:1]
	ms = messages(t, CheckProject(project(0, c)))
	if len(ms) != 1 || !strings.Contains(ms[0], "schedule of a commitment of 200\u00a0000 kroner adds up to 150\u00a0000 kroner") {
		t.Fatalf("a schedule short of the commitment: %q", ms)
	}
}
