package storetest

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"planverk/followup"
	"planverk/plan"
	"planverk/store"
)

// A kept summary comes back as it was stored, and stays current only until
// a write changes what it was computed from: every kind of write to a
// programme's plans, projects, money and reports makes its summaries
// stale, in the write's own transaction, and leaves another programme's
// alone.
func (e engine) testSummaries(t *testing.T) {
	ctx := context.Background()
	s := e.openTest(t)
	for _, id := range []string{"p", "q"} {
		save(t, s, &plan.File{Format: plan.FormatVersion,
			Programme: plan.Programme{ID: id, Name: "Programme " + id, Kind: plan.KindOther, Period: plan.Period{From: 2024, To: 2027}},
			Plan:      plan.Plan{Year: 2025, Title: "T", Language: plan.Bokmal}})
	}
	read := func() map[string]store.SummaryRead {
		t.Helper()
		got, err := s.ProgrammeSummaries(ctx, []string{"p", "q", "nowhere"})
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := got["nowhere"]; ok || len(got) != 2 {
			t.Fatalf("summaries of p, q and an unknown programme: %v", got)
		}
		return got
	}
	before := read()
	if _, ok := before["p"].Current(store.AudiencePublic); ok {
		t.Fatal("a summary nobody kept is current")
	}
	sum := store.ProgrammeSummary{ProgrammeID: "p", Audience: store.AudiencePublic, DataVersion: before["p"].Version,
		Readable: true, HasFinanced: true, Financed: 900_000, Committed: 150_000, Paid: 100_000, Left: 750_000,
		Findings: 2, Samples: 1,
		Jobs: []plan.Target{{Kind: plan.TargetJobs, Value: 150, Gross: true, Period: &plan.Period{From: 2022, To: 2027}},
			{Kind: plan.TargetJobs, Value: 31, Year: 2025}},
		Counted: []followup.LedgerTarget{{Target: plan.Target{Kind: plan.TargetJobs, Value: 31, Year: 2025}, Counted: 5, Left: 26}}}
	members := store.ProgrammeSummary{ProgrammeID: "p", Audience: store.AudienceMembers, DataVersion: before["p"].Version}
	gone := store.ProgrammeSummary{ProgrammeID: "nowhere", Audience: store.AudiencePublic, DataVersion: 1}
	if err := s.SaveProgrammeSummaries(ctx, []store.ProgrammeSummary{sum, members, gone}); err != nil {
		t.Fatal(err)
	}
	kept := read()
	got, ok := kept["p"].Current(store.AudiencePublic)
	if !ok {
		t.Fatalf("the summary just kept is not current: %+v", kept["p"])
	}
	if d := cmp.Diff(sum, got, equate); d != "" {
		t.Errorf("the kept summary (-stored +read):\n%s", d)
	}
	if got, ok := kept["p"].Current(store.AudienceMembers); !ok || got.Readable || len(got.Jobs) != 0 {
		t.Errorf("the members' summary of no plan: %+v, %v", got, ok)
	}
	if err := s.SaveProgrammeSummaries(ctx, []store.ProgrammeSummary{{ProgrammeID: "p", Audience: "everyone"}}); plan.ErrorCode(err) != plan.EInvalid {
		t.Errorf("a summary for no audience: %v", err)
	}

	// Each write below must make p's summary stale and leave q's version.
	var project followup.Project
	var report followup.Report
	writes := []struct {
		name  string
		write func() error
	}{
		{"a new project", func() (err error) {
			project, err = s.SaveProject(ctx, followup.Project{ProgrammeID: "p", Title: "Sentrumsløft", Status: followup.StatusGranted,
				Commitments: []followup.Commitment{{Amount: 150_000, Source: "county"}}}, store.Edit{})
			return err
		}},
		{"a payment", func() (err error) {
			project.Commitments[0].Payments = []followup.Payment{{Date: *pday("2025-06-01"), Amount: 50_000}}
			project, err = s.SaveProject(ctx, project, store.Edit{})
			return err
		}},
		{"a tranche", func() (err error) {
			project.Commitments[0].Schedule = []followup.Tranche{{Year: 2025, Amount: 150_000}}
			project, err = s.SaveProject(ctx, project, store.Edit{})
			return err
		}},
		{"a commitment taken away", func() (err error) {
			project.Commitments = nil
			project, err = s.SaveProject(ctx, project, store.Edit{})
			return err
		}},
		{"a report", func() (err error) {
			report, err = s.SaveReport(ctx, followup.Report{ProgrammeID: "p", ProjectID: project.ID, Kind: followup.ReportInterim,
				From: *pday("2025-01"), To: *pday("2025-06-30"), Progress: followup.ProgressOnTrack, JobsCreated: 3,
				State: followup.ReportSubmitted}, store.Edit{})
			return err
		}},
		{"a report accepted", func() (err error) {
			_, err = s.DecideReport(ctx, store.ReportDecision{ProgrammeID: "p", ProjectID: project.ID, ID: report.ID,
				Version: report.Version, Accept: true}, store.Edit{})
			return err
		}},
		{"reports added", func() error {
			_, err := s.AddReports(ctx, "p", []followup.Report{{ProgrammeID: "p", ProjectID: project.ID, Kind: followup.ReportFinal,
				From: *pday("2025-07"), To: *pday("2025-12-31"), Progress: followup.ProgressOnTrack, JobsCreated: 1,
				State: followup.ReportAccepted}}, store.Edit{})
			return err
		}},
		{"projects imported", func() error {
			_, err := s.ImportProjects(ctx, "p", []followup.Project{{Title: "Ny bedrift", CaseRef: "2025/12",
				Commitments: []followup.Commitment{{Amount: 80_000, Source: "county"}}}}, store.Edit{})
			return err
		}},
		{"a plan saved", func() error {
			save(t, s, &plan.File{Format: plan.FormatVersion,
				Programme: plan.Programme{ID: "p", Name: "Programme p", Kind: plan.KindOther, Period: plan.Period{From: 2024, To: 2027}},
				Plan:      plan.Plan{Year: 2026, Title: "T", Language: plan.Bokmal}})
			return nil
		}},
		{"a plan edited", func() error {
			_, err := s.EditPlan(ctx, "p", 2025, store.Edit{Summary: "target"}, func(f *plan.File) error {
				f.Plan.Targets = append(f.Plan.Targets, plan.Target{Kind: plan.TargetJobs, Value: 12, Year: 2025})
				return nil
			})
			return err
		}},
		{"a plan published", func() error { return s.SetPublished(ctx, "p", 2025, true, 0) }},
		{"a plan closed", func() error { return s.SetPublished(ctx, "p", 2025, false, 0) }},
	}
	for _, w := range writes {
		before := read()
		if err := s.SaveProgrammeSummaries(ctx, []store.ProgrammeSummary{{ProgrammeID: "p", Audience: store.AudienceMembers,
			DataVersion: before["p"].Version}}); err != nil {
			t.Fatal(err)
		}
		if err := w.write(); err != nil {
			t.Fatalf("%s: %v", w.name, err)
		}
		after := read()
		if _, ok := after["p"].Current(store.AudienceMembers); ok {
			t.Errorf("after %s, p's summary is still current (version %d)", w.name, after["p"].Version)
		}
		if after["q"].Version != before["q"].Version {
			t.Errorf("%s in p changed q's version", w.name)
		}
	}

	// A summary of an older version never takes the place of a newer one.
	now := read()["p"].Version
	newer := store.ProgrammeSummary{ProgrammeID: "p", Audience: store.AudiencePublic, DataVersion: now, Readable: true, Paid: 2}
	older := store.ProgrammeSummary{ProgrammeID: "p", Audience: store.AudiencePublic, DataVersion: now - 1, Readable: true, Paid: 1}
	if err := s.SaveProgrammeSummaries(ctx, []store.ProgrammeSummary{newer}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveProgrammeSummaries(ctx, []store.ProgrammeSummary{older}); err != nil {
		t.Fatal(err)
	}
	if got, ok := read()["p"].Current(store.AudiencePublic); !ok || got.Paid != 2 {
		t.Errorf("an older summary replaced the newer one: %+v", got)
	}
}
