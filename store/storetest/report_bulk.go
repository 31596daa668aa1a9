package storetest

import (
	"context"
	"testing"

	"planverk/followup"
	"planverk/plan"
	"planverk/store"
)

// AddReports: many reports go in at once in the states they have, more
// than one batch of rows; the accepted ones, and only those, are what the
// job ledger reads, with who decided; a returned one keeps its comment; a
// report of another programme's project stores none of them.
func (e engine) testAddReports(t *testing.T) {
	ctx := context.Background()
	s := e.openTest(t)
	for _, id := range []string{"p", "q"} {
		save(t, s, &plan.File{Format: plan.FormatVersion,
			Programme: plan.Programme{ID: id, Name: "Programme " + id, Kind: plan.KindOther, Period: plan.Period{From: 2024, To: 2027}},
			Plan:      plan.Plan{Year: 2025, Title: "T", Language: plan.Bokmal}})
	}
	kari, err := s.CreateUser(ctx, store.User{Email: "kari@example.no", Name: "Kari Programleiar"})
	if err != nil {
		t.Fatal(err)
	}
	pr, err := s.SaveProject(ctx, followup.Project{ProgrammeID: "p", Title: "Sentrumsløft", Status: followup.StatusUnderway,
		Commitments: []followup.Commitment{{Amount: 150000, Source: "state"}}}, store.Edit{})
	if err != nil {
		t.Fatal(err)
	}
	other, err := s.SaveProject(ctx, followup.Project{ProgrammeID: "q", Title: "Anna", Status: followup.StatusUnderway}, store.Edit{})
	if err != nil {
		t.Fatal(err)
	}
	states := []followup.ReportState{followup.ReportAccepted, followup.ReportAccepted, followup.ReportSubmitted,
		followup.ReportReturned, followup.ReportDraft}
	var reps []followup.Report
	accepted, jobs := 0, 0
	for i := range 150 {
		rep := followup.Report{ProgrammeID: "p", ProjectID: pr.ID, Kind: followup.ReportInterim,
			From: *pday("2025-01-01"), To: *pday("2025-06-30"), Progress: followup.ProgressOnTrack,
			JobsCreated: i % 3, JobsSecured: i % 2, State: states[i%len(states)]}
		if rep.State == followup.ReportReturned {
			rep.Comment = "Mangler rekneskap."
		}
		if i == 7 {
			rep.Results = []followup.Result{{Label: "Kurs haldne", Count: 4}}
		}
		if rep.State == followup.ReportAccepted {
			accepted++
			jobs += rep.Jobs()
		}
		reps = append(reps, rep)
	}
	n, err := s.AddReports(ctx, "p", reps, store.Edit{Author: kari.ID})
	if err != nil || n != 150 {
		t.Fatalf("add: %d, %v", n, err)
	}
	list, err := s.ProjectReports(ctx, "p", pr.ID)
	if err != nil || len(list) != 150 {
		t.Fatalf("%d reports stored (%v), want 150", len(list), err)
	}
	returned := 0
	for _, r := range list {
		if r.State == followup.ReportReturned {
			returned++
			if r.Comment != "Mangler rekneskap." || r.DecidedBy != "Kari Programleiar" {
				t.Errorf("a returned report: %+v", r)
			}
		}
		if r.State == followup.ReportDraft && (r.SubmittedAt != nil || r.DecidedAt != nil) {
			t.Errorf("a draft submitted or decided: %+v", r)
		}
	}
	if returned != 30 {
		t.Errorf("%d returned, want 30", returned)
	}
	sets, err := s.AcceptedReports(ctx, []string{"p"})
	if err != nil {
		t.Fatal(err)
	}
	got, gotJobs, results := 0, 0, 0
	for _, r := range sets["p"].Reports {
		got++
		gotJobs += r.Jobs()
		results += len(r.Results)
		if r.State != followup.ReportAccepted || r.DecidedBy != "Kari Programleiar" || r.DecidedAt == nil {
			t.Errorf("an accepted report: %+v", r)
		}
	}
	if got != accepted || gotJobs != jobs || results != 0 {
		t.Errorf("accepted: %d reports, %d jobs, %d results; want %d, %d, 0", got, gotJobs, results, accepted, jobs)
	}
	if one, err := s.Report(ctx, "p", pr.ID, list[7].ID); err != nil || len(one.Results) != 1 {
		t.Errorf("the report with a result: %+v, %v", one, err)
	}

	bad := []followup.Report{reps[0], {ProgrammeID: "p", ProjectID: other.ID, Kind: followup.ReportFinal,
		From: *pday("2025-01-01"), To: *pday("2025-12-31"), Progress: followup.ProgressOnTrack, State: followup.ReportAccepted}}
	if _, err := s.AddReports(ctx, "p", bad, store.Edit{}); plan.ErrorCode(err) != plan.ENotFound {
		t.Errorf("a report of another programme's project: %v, want not found", err)
	}
	wrong := reps[0]
	wrong.JobsCreated = -1
	if _, err := s.AddReports(ctx, "p", []followup.Report{reps[0], wrong}, store.Edit{}); plan.ErrorCode(err) != plan.EInvalid {
		t.Errorf("a report below nought: %v, want invalid", err)
	}
	if list, _ := s.ProjectReports(ctx, "p", pr.ID); len(list) != 150 {
		t.Errorf("%d reports after two refused loads, want 150", len(list))
	}
}
