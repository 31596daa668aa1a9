package storetest

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"planverk/followup"
	"planverk/plan"
	"planverk/store"
)

// Reports: a report with every field round-trips; a save from an old
// version is a conflict; submitting records who and when; the programme
// returns it with a comment and accepts it after a new submission; an
// accepted report can no longer be changed; the accepted reports of two
// programmes come back together, with which projects are supported; a
// project's manager account is linked, listed and unlinked.
func (e engine) testReports(t *testing.T) {
	ctx := context.Background()
	s := e.openTest(t)
	for _, id := range []string{"p", "q"} {
		save(t, s, &plan.File{Format: plan.FormatVersion,
			Programme: plan.Programme{ID: id, Name: "Programme " + id, Kind: plan.KindOther, Period: plan.Period{From: 2024, To: 2027}},
			Plan:      plan.Plan{Year: 2025, Title: "T", Language: plan.Bokmal}})
	}
	ola, err := s.CreateUser(ctx, store.User{Email: "ola@example.no", Name: "Ola Prosjektleiar"})
	if err != nil {
		t.Fatal(err)
	}
	kari, err := s.CreateUser(ctx, store.User{Email: "kari@example.no", Name: "Kari Programleiar"})
	if err != nil {
		t.Fatal(err)
	}
	granted, err := s.SaveProject(ctx, followup.Project{ProgrammeID: "p", Title: "Sentrumsløft", Label: "P7", Status: followup.StatusGranted,
		Commitments: []followup.Commitment{{Amount: 150000, Source: "fylkeskommunen"}}}, store.Edit{})
	if err != nil {
		t.Fatal(err)
	}
	idea, err := s.SaveProject(ctx, followup.Project{ProgrammeID: "p", Title: "Idé", Status: followup.StatusIdea}, store.Edit{})
	if err != nil {
		t.Fatal(err)
	}
	other, err := s.SaveProject(ctx, followup.Project{ProgrammeID: "q", Title: "Anna", Status: followup.StatusUnderway,
		Commitments: []followup.Commitment{{Amount: 100000, Source: "x", Released: plan.Amount(100000).Ptr()}}}, store.Edit{})
	if err != nil {
		t.Fatal(err)
	}

	rep := followup.Report{ProgrammeID: "p", ProjectID: granted.ID, Kind: followup.ReportInterim,
		From: *pday("2025-01"), To: *pday("2025-06-30"), Progress: followup.ProgressDelayed, Account: "Forsinka oppstart.",
		Spent: plan.Amount(80000).Ptr(), JobsCreated: 3, JobsSecured: 2, NewBusinesses: 1,
		Results: []followup.Result{{Label: "Kurs haldne", Count: 4}, {Label: "Deltakarar", Count: 37}}, State: followup.ReportDraft}
	got, err := s.SaveReport(ctx, rep, store.Edit{Author: ola.ID, Submission: "r-1"})
	if err != nil {
		t.Fatal(err)
	}
	if got.ID == 0 || got.Version != 1 || got.UpdatedByName != "Ola Prosjektleiar" || got.SubmittedAt != nil {
		t.Fatalf("saved: %+v", got)
	}
	again, err := s.SaveReport(ctx, rep, store.Edit{Author: ola.ID, Submission: "r-1"})
	if err != nil || again.ID != got.ID {
		t.Fatalf("the same submission again: %v, %d", err, again.ID)
	}
	loaded, err := s.Report(ctx, "p", granted.ID, got.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := rep
	want.ID, want.Version, want.UpdatedAt, want.UpdatedByName = got.ID, 1, got.UpdatedAt, got.UpdatedByName
	if diff := cmp.Diff(want, loaded, equate); diff != "" {
		t.Fatalf("loaded report differs (-saved +loaded):\n%s", diff)
	}

	// Submitted from version 1; a second save from version 1 is a conflict.
	sub := loaded
	sub.State, sub.JobsCreated = followup.ReportSubmitted, 4
	submitted, err := s.SaveReport(ctx, sub, store.Edit{Author: ola.ID})
	if err != nil {
		t.Fatal(err)
	}
	if submitted.Version != 2 || submitted.State != followup.ReportSubmitted || submitted.SubmittedBy != "Ola Prosjektleiar" ||
		submitted.SubmittedAt == nil || submitted.JobsCreated != 4 {
		t.Fatalf("submitted: %+v", submitted)
	}
	if _, err := s.SaveReport(ctx, loaded, store.Edit{}); plan.ErrorCode(err) != plan.EConflict {
		t.Fatalf("a save from an old version: %v", err)
	}
	// A submitted report is no longer the writer's to change.
	if _, err := s.SaveReport(ctx, submitted, store.Edit{}); plan.ErrorCode(err) != plan.EConflict {
		t.Fatalf("a save of a submitted report: %v", err)
	}
	// Returned with a comment, from the version the programme saw.
	if _, err := s.DecideReport(ctx, store.ReportDecision{ProgrammeID: "p", ProjectID: granted.ID, ID: got.ID, Version: 1}, store.Edit{}); plan.ErrorCode(err) != plan.EConflict {
		t.Fatalf("a decision from an old version: %v", err)
	}
	returned, err := s.DecideReport(ctx, store.ReportDecision{ProgrammeID: "p", ProjectID: granted.ID, ID: got.ID, Version: 2,
		Comment: "Tal på arbeidsplassar manglar kjelde."}, store.Edit{Author: kari.ID})
	if err != nil {
		t.Fatal(err)
	}
	if returned.State != followup.ReportReturned || returned.Comment != "Tal på arbeidsplassar manglar kjelde." || returned.DecidedBy != "Kari Programleiar" {
		t.Fatalf("returned: %+v", returned)
	}
	returned.State = followup.ReportSubmitted
	resubmitted, err := s.SaveReport(ctx, returned, store.Edit{Author: ola.ID})
	if err != nil {
		t.Fatal(err)
	}
	accepted, err := s.DecideReport(ctx, store.ReportDecision{ProgrammeID: "p", ProjectID: granted.ID, ID: got.ID,
		Version: resubmitted.Version, Accept: true, Comment: "ignored"}, store.Edit{Author: kari.ID})
	if err != nil {
		t.Fatal(err)
	}
	if accepted.State != followup.ReportAccepted || accepted.Comment != "" || accepted.DecidedAt == nil {
		t.Fatalf("accepted: %+v", accepted)
	}
	accepted.State = followup.ReportDraft
	if _, err := s.SaveReport(ctx, accepted, store.Edit{}); plan.ErrorCode(err) != plan.EConflict {
		t.Fatalf("a save of an accepted report: %v", err)
	}

	// Bad reports are refused whole.
	bad := rep
	bad.JobsCreated = -1
	if _, err := s.SaveReport(ctx, bad, store.Edit{}); plan.ErrorCode(err) != plan.EInvalid {
		t.Fatalf("negative jobs: %v", err)
	}
	bad = rep
	bad.From, bad.To = *pday("2025-06"), *pday("2025-01")
	if _, err := s.SaveReport(ctx, bad, store.Edit{}); plan.ErrorCode(err) != plan.EInvalid {
		t.Fatalf("a period that ends before it starts: %v", err)
	}
	if _, err := s.SaveReport(ctx, followup.Report{ProgrammeID: "q", ProjectID: granted.ID, Kind: followup.ReportFinal,
		From: *pday("2025"), To: *pday("2025"), Progress: followup.ProgressOnTrack, State: followup.ReportDraft}, store.Edit{}); plan.ErrorCode(err) != plan.ENotFound {
		t.Fatalf("a report on another programme's project: %v", err)
	}

	// A draft of the idea and an accepted final report in q.
	if _, err := s.SaveReport(ctx, followup.Report{ProgrammeID: "p", ProjectID: idea.ID, Kind: followup.ReportInterim,
		From: *pday("2025"), To: *pday("2025"), Progress: followup.ProgressOnTrack, JobsCreated: 9, State: followup.ReportDraft}, store.Edit{}); err != nil {
		t.Fatal(err)
	}
	final, err := s.SaveReport(ctx, followup.Report{ProgrammeID: "q", ProjectID: other.ID, Kind: followup.ReportFinal,
		From: *pday("2024"), To: *pday("2026-03"), Progress: followup.ProgressOnTrack, JobsSecured: 5, State: followup.ReportSubmitted}, store.Edit{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.DecideReport(ctx, store.ReportDecision{ProgrammeID: "q", ProjectID: other.ID, ID: final.ID, Version: final.Version, Accept: true}, store.Edit{}); err != nil {
		t.Fatal(err)
	}
	list, err := s.ProjectReports(ctx, "p", idea.ID)
	if err != nil || len(list) != 1 || list[0].JobsCreated != 9 {
		t.Fatalf("the idea's reports: %v, %+v", err, list)
	}
	sets, err := s.AcceptedReports(ctx, []string{"p", "q", "nowhere"})
	if err != nil {
		t.Fatal(err)
	}
	p, q := sets["p"], sets["q"]
	if len(p.Reports) != 1 || p.Reports[0].ID != got.ID || p.Reports[0].ProgrammeID != "p" || len(p.Reports[0].Results) != 2 ||
		!p.Supported[granted.ID] || p.Supported[idea.ID] || !p.Public[granted.ID] || p.Public[idea.ID] || p.Names[granted.ID] != "P7 Sentrumsløft" {
		t.Fatalf("programme p's accepted reports: %+v", p)
	}
	// q's only commitment is released whole: it supports the project no longer.
	if len(q.Reports) != 1 || q.Reports[0].JobsSecured != 5 || q.Supported[other.ID] || q.Reports[0].To.Year != 2026 {
		t.Fatalf("programme q's accepted reports: %+v", q)
	}
	if len(sets["nowhere"].Reports) != 0 {
		t.Fatalf("an unknown programme: %+v", sets["nowhere"])
	}

	// The manager's account.
	if err := s.SetProjectManager(ctx, "p", granted.ID, ola.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.SetProjectManager(ctx, "p", idea.ID, ola.ID); err != nil {
		t.Fatal(err)
	}
	id, name, err := s.ProjectManager(ctx, "p", granted.ID)
	if err != nil || id != ola.ID || name != "Ola Prosjektleiar" {
		t.Fatalf("manager: %d %q %v", id, name, err)
	}
	managed, err := s.ManagedProjects(ctx, ola.ID)
	if err != nil || len(managed) != 2 || managed[0].ProjectID != granted.ID || managed[0].Title != "P7 Sentrumsløft" || managed[0].ProgrammeName != "Programme p" {
		t.Fatalf("managed: %v, %+v", err, managed)
	}
	if err := s.SetProjectManager(ctx, "p", idea.ID, 0); err != nil {
		t.Fatal(err)
	}
	if id, _, err := s.ProjectManager(ctx, "p", idea.ID); err != nil || id != 0 {
		t.Fatalf("after unlinking: %d %v", id, err)
	}
	if err := s.SetProjectManager(ctx, "q", granted.ID, ola.ID); plan.ErrorCode(err) != plan.ENotFound {
		t.Fatalf("a project of another programme: %v", err)
	}
	// Saving the project whole leaves its manager's account be.
	if _, err := s.SaveProject(ctx, granted, store.Edit{}); err != nil {
		t.Fatal(err)
	}
	if id, _, _ := s.ProjectManager(ctx, "p", granted.ID); id != ola.ID {
		t.Fatalf("after saving the project the manager is %d", id)
	}
}
