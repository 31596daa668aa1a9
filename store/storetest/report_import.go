package storetest

import (
	"context"
	"testing"

	"planverk/followup"
	"planverk/plan"
	"planverk/store"
)

// ReportImport: an import registers new reports, leaves one the file says
// again unchanged and updates a changed one; an accepted one records the
// importer as decider and counts in the job ledger; one bad report stores
// none of them.
func (e engine) testReportImport(t *testing.T) {
	ctx := context.Background()
	s := e.openTest(t)
	f := &plan.File{Format: plan.FormatVersion,
		Programme: plan.Programme{ID: "p", Name: "P", Kind: plan.KindOther, Period: plan.Period{From: 2024, To: 2027}},
		Plan:      plan.Plan{Year: 2025, Title: "T", Language: plan.Bokmal}}
	save(t, s, f)
	u, err := s.CreateUser(ctx, store.User{Email: "importer@example.org", Name: "Ina Import"})
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.SaveProject(ctx, followup.Project{ProgrammeID: "p", Title: "A", CaseRef: "2024/1", Status: followup.StatusUnderway},
		store.Edit{})
	if err != nil {
		t.Fatal(err)
	}
	reps := []followup.Report{
		{ProgrammeID: "p", ProjectID: p.ID, Kind: followup.ReportInterim, From: *pday("2025-01-01"), To: *pday("2025-06-30"),
			Progress: followup.ProgressOnTrack, JobsCreated: 2, JobsSecured: 1, State: followup.ReportAccepted},
		{ProgrammeID: "p", ProjectID: p.ID, Kind: followup.ReportFinal, From: *pday("2025-01-01"), To: *pday("2025-12-31"),
			Progress: followup.ProgressDelayed, JobsCreated: 5, State: followup.ReportSubmitted},
	}
	ed := store.Edit{Author: u.ID, Summary: "import"}
	res, err := s.ImportReports(ctx, "p", reps, ed)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 2 || res[0].Outcome != followup.ReportImportNew || res[1].Outcome != followup.ReportImportNew {
		t.Fatalf("first import %+v", res)
	}
	if r := res[0].Report; r.State != followup.ReportAccepted || r.DecidedBy != "Ina Import" || r.DecidedAt == nil || r.JobsCreated != 2 {
		t.Errorf("accepted report %+v", r)
	}
	// The same file again changes nothing, not even the versions.
	again, err := s.ImportReports(ctx, "p", reps, ed)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range again {
		if r.Outcome != followup.ReportImportUnchanged || r.Report.ID != res[i].Report.ID || r.Report.Version != res[i].Report.Version {
			t.Errorf("re-import %d: %+v, was %+v", i, r, res[i])
		}
	}
	// A changed count updates the stored report; the interim one is left.
	reps[1].JobsCreated, reps[1].State = 6, followup.ReportAccepted
	changed, err := s.ImportReports(ctx, "p", reps, ed)
	if err != nil {
		t.Fatal(err)
	}
	if changed[1].Outcome != followup.ReportImportChanged || changed[1].Report.JobsCreated != 6 ||
		changed[1].Report.DecidedBy != "Ina Import" || changed[0].Outcome != followup.ReportImportUnchanged {
		t.Errorf("changed import %+v", changed)
	}
	set, err := s.AcceptedReports(ctx, []string{"p"})
	if err != nil {
		t.Fatal(err)
	}
	jobs := 0
	for _, r := range set["p"].Reports {
		jobs += r.Jobs()
	}
	if jobs != 9 {
		t.Errorf("accepted jobs %d, want 2+1+6", jobs)
	}
	// One bad report (a project of another programme, or none) stores none.
	bad := append([]followup.Report{{ProgrammeID: "p", ProjectID: p.ID, Kind: followup.ReportInterim, From: *pday("2026-01-01"),
		To: *pday("2026-06-30"), Progress: followup.ProgressOnTrack, State: followup.ReportSubmitted}},
		followup.Report{ProgrammeID: "p", ProjectID: p.ID + 999, Kind: followup.ReportInterim, From: *pday("2026-01-01"),
			To: *pday("2026-06-30"), Progress: followup.ProgressOnTrack, State: followup.ReportSubmitted})
	if _, err := s.ImportReports(ctx, "p", bad, ed); plan.ErrorCode(err) != plan.ENotFound {
		t.Errorf("unknown project: %v", err)
	}
	if all, _ := s.ProjectReports(ctx, "p", p.ID); len(all) != 2 {
		t.Errorf("after a failed import the project has %d reports, want 2", len(all))
	}
	bad[1] = bad[0]
	bad[1].State = followup.ReportDraft
	if _, err := s.ImportReports(ctx, "p", bad, ed); plan.ErrorCode(err) != plan.EInvalid {
		t.Errorf("a draft: %v", err)
	}
}
