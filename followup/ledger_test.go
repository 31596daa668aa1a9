package followup

import (
	"testing"
	"time"

	"planverk/plan"
)

func year(y int) plan.Date { return plan.Date{Year: y, Precision: plan.PrecisionYear} }
func month(y, m int) plan.Date {
	return plan.Date{Year: y, Month: time.Month(m), Precision: plan.PrecisionMonth}
}

// TestLedger: a programme with a target of 150 over 2024–27 and of 31 in
// 2025. Only accepted reports of supported projects count; created and
// secured both count; a report counts in the year its period ends.
func TestLedger(t *testing.T) {
	targets := []plan.Target{
		{Kind: plan.TargetJobs, Value: 150, Period: &plan.Period{From: 2024, To: 2027}, Gross: true},
		{Kind: plan.TargetJobs, Value: 31, Year: 2025, Gross: true},
	}
	supported := SupportedProjects([]Project{
		{ID: 1, Commitments: []Commitment{{Amount: 150000}}},
		{ID: 2, Commitments: []Commitment{{Amount: 100000, Released: plan.Amount(100000).Ptr()}}}, // released whole
		{ID: 3}, // an idea: no commitment
	})
	reports := []Report{
		{ID: 10, ProjectID: 1, From: month(2025, 1), To: month(2025, 6), JobsCreated: 4, JobsSecured: 2, State: ReportAccepted},
		// runs over New Year: counts in 2026, once
		{ID: 11, ProjectID: 1, From: month(2025, 7), To: month(2026, 2), JobsCreated: 3, JobsSecured: 0, State: ReportAccepted},
		{ID: 12, ProjectID: 1, From: year(2025), To: year(2025), JobsCreated: 100, State: ReportSubmitted},
		{ID: 13, ProjectID: 1, From: year(2025), To: year(2025), JobsCreated: 100, State: ReportDraft},
		{ID: 14, ProjectID: 1, From: year(2025), To: year(2025), JobsCreated: 100, State: ReportReturned},
		{ID: 15, ProjectID: 2, From: year(2025), To: year(2025), JobsCreated: 50, State: ReportAccepted},
		{ID: 16, ProjectID: 3, From: year(2025), To: year(2025), JobsSecured: 50, State: ReportAccepted},
		// before the period: counts in the ledger's years, not in the period's target
		{ID: 17, ProjectID: 1, From: year(2023), To: year(2023), JobsSecured: 5, State: ReportAccepted},
	}
	l := NewLedger(targets, reports, supported)
	if l.Created != 7 || l.Secured != 7 || l.Jobs != 14 || len(l.Reports) != 3 {
		t.Fatalf("ledger: created %d, secured %d, jobs %d, %d reports", l.Created, l.Secured, l.Jobs, len(l.Reports))
	}
	period, y2025 := l.Targets[0], l.Targets[1]
	if period.Counted != 9 || period.Left != 141 || len(period.Reports) != 2 {
		t.Errorf("over the period: counted %d, left %d, %d reports", period.Counted, period.Left, len(period.Reports))
	}
	if y2025.Counted != 6 || y2025.Left != 25 || len(y2025.Reports) != 1 || y2025.Reports[0].ID != 10 {
		t.Errorf("2025: counted %d, left %d, reports %+v", y2025.Counted, y2025.Left, y2025.Reports)
	}
	var got []int
	for _, y := range l.Years {
		got = append(got, y.Year, y.Jobs())
	}
	want := []int{2023, 5, 2025, 6, 2026, 3}
	if len(got) != len(want) {
		t.Fatalf("years: %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("years: %v, want %v", got, want)
		}
	}
	if l.Years[1].Target == nil || l.Years[1].Target.Value != 31 || l.Years[0].Target != nil {
		t.Errorf("the years' targets: %+v", l.Years)
	}
}

// TestLedgerReached: a target reached leaves nought, not a negative.
func TestLedgerReached(t *testing.T) {
	l := NewLedger([]plan.Target{{Kind: plan.TargetJobs, Value: 25, Year: 2025}},
		[]Report{{ProjectID: 1, To: year(2025), JobsCreated: 53, State: ReportAccepted}},
		map[int64]bool{1: true})
	if l.Targets[0].Counted != 53 || l.Targets[0].Left != 0 {
		t.Errorf("53 against 25: %+v", l.Targets[0])
	}
}

// TestJobTargets: the newest plan's period targets, each year's own
// target, and nothing that is not about jobs.
func TestJobTargets(t *testing.T) {
	newer := &plan.File{Programme: plan.Programme{Targets: []plan.Target{
		{Kind: plan.TargetJobs, Value: 150, Period: &plan.Period{From: 2022, To: 2027}},
		{Kind: plan.TargetOther, Value: 10, Period: &plan.Period{From: 2022, To: 2027}}}},
		Plan: plan.Plan{Year: 2026, Targets: []plan.Target{{Kind: plan.TargetJobs, Value: 35}}}}
	older := &plan.File{Programme: plan.Programme{Targets: []plan.Target{{Kind: plan.TargetJobs, Value: 120, Period: &plan.Period{From: 2022, To: 2027}}}},
		Plan: plan.Plan{Year: 2025, Targets: []plan.Target{{Kind: plan.TargetJobs, Value: 31, Year: 2025}, {Kind: plan.TargetJobs, Value: 99, Year: 2026}}}}
	got := JobTargets([]*plan.File{newer, older})
	if len(got) != 3 || got[0].Value != 150 || got[1].Value != 35 || got[1].Year != 2026 || got[2].Value != 31 {
		t.Fatalf("targets: %+v", got)
	}
}

// TestReportCheck: what the store refuses.
func TestReportCheck(t *testing.T) {
	ok := Report{Kind: ReportInterim, Progress: ProgressOnTrack, State: ReportDraft, From: year(2025), To: year(2025)}
	if err := ok.Check(); err != nil {
		t.Fatal(err)
	}
	for name, r := range map[string]Report{
		"negative jobs":   func() Report { r := ok; r.JobsSecured = -1; return r }(),
		"to before from":  func() Report { r := ok; r.From, r.To = month(2025, 6), month(2025, 5); return r }(),
		"no period":       func() Report { r := ok; r.To = plan.Date{}; return r }(),
		"unknown state":   func() Report { r := ok; r.State = "lost"; return r }(),
		"result no label": func() Report { r := ok; r.Results = []Result{{Count: 2}}; return r }(),
	} {
		if r.Check() == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
