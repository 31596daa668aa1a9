package storetest

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"planverk/followup"
	"planverk/plan"
	"planverk/store"
)

func pday(s string) *plan.Date {
	d, err := plan.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return &d
}

// Projects: a project with every field, its measures by their lasting
// identity, a ceiling commitment with two payments and a released
// remainder round-trip; a save from an old version is a conflict; the
// list pages and keeps ideas from visitors.
func (e engine) testProjects(t *testing.T) {
	ctx := context.Background()
	s := e.openTest(t)
	f := &plan.File{Format: plan.FormatVersion,
		Programme: plan.Programme{ID: "p", Name: "P", Kind: plan.KindOther, Period: plan.Period{From: 2024, To: 2027}},
		Plan:      plan.Plan{Year: 2025, Title: "T", Language: plan.Bokmal}}
	save(t, s, f)
	kari, err := s.CreateUser(ctx, store.User{Email: "kari@example.no", Name: "Kari Nordmann"})
	if err != nil {
		t.Fatal(err)
	}
	p := followup.Project{ProgrammeID: "p", Title: "Sentrumsløft", Label: "P7", Measures: []string{"2025-1-1", "m-0a1b2c3d4e"},
		Owner: "Drangedal næringsforening", Manager: "Ola Nordmann", Sponsor: "Kari Styremedlem",
		From: pday("2025-03"), To: pday("2026-12-31"), Phase: followup.PhasePreProject, Status: followup.StatusGranted,
		CaseRef: "2025/1234", Goal: 2, Budget: plan.Amount(300000).Ptr(), OwnShare: plan.Amount(100000).Ptr(), OtherFinancing: plan.Amount(50000).Ptr(),
		Commitments: []followup.Commitment{{Amount: 150000, Kind: plan.AmountCeiling, Source: "fylkeskommunen", Share: "50 %",
			Decided: pday("2025-02-10"), Body: "Styret", Deadline: pday("2026-12"), Conditions: "Sluttrapport",
			Released: plan.Amount(10000).Ptr(), ReleasedOn: pday("2026"),
			Schedule: []followup.Tranche{{Year: 2025, Amount: 112500}, {Year: 2026, Amount: 37500}},
			Payments: []followup.Payment{{Date: *pday("2025-04-01"), Amount: 75000}, {Date: *pday("2025-10"), Amount: 40000}}}}}
	got, err := s.SaveProject(ctx, p, store.Edit{Author: kari.ID})
	if err != nil {
		t.Fatal(err)
	}
	if got.ID == 0 || got.Version != 1 || got.Commitments[0].ID == 0 || got.Commitments[0].Payments[1].ID == 0 {
		t.Fatalf("saved: %+v", got)
	}
	want := p
	if loadedAt := got.UpdatedAt; got.UpdatedByName != "Kari Nordmann" || loadedAt.IsZero() {
		t.Fatalf("saved by %q at %v", got.UpdatedByName, loadedAt)
	}
	want.ID, want.Version, want.UpdatedAt, want.UpdatedByName = got.ID, 1, got.UpdatedAt, got.UpdatedByName
	want.Commitments = append([]followup.Commitment(nil), p.Commitments...)
	want.Commitments[0].ID = got.Commitments[0].ID
	want.Commitments[0].Payments = []followup.Payment{
		{ID: got.Commitments[0].Payments[0].ID, Date: *pday("2025-04-01"), Amount: 75000},
		{ID: got.Commitments[0].Payments[1].ID, Date: *pday("2025-10"), Amount: 40000}}
	loaded, err := s.Project(ctx, "p", got.ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, loaded, equate); diff != "" {
		t.Fatalf("loaded project differs (-saved +loaded):\n%s", diff)
	}

	// A third payment added keeps the IDs of the first two.
	next := loaded
	next.Commitments[0].Payments = append(next.Commitments[0].Payments, followup.Payment{Date: *pday("2026-01-15"), Amount: 25000})
	saved, err := s.SaveProject(ctx, next, store.Edit{})
	if err != nil {
		t.Fatal(err)
	}
	if saved.Version != 2 || len(saved.Commitments[0].Payments) != 3 || saved.Commitments[0].ID != loaded.Commitments[0].ID ||
		saved.Commitments[0].Payments[0].ID != loaded.Commitments[0].Payments[0].ID || saved.Paid() != 140000 {
		t.Fatalf("after a third payment: %+v", saved)
	}
	// Saving from version 1 again would lose the third payment.
	if _, err := s.SaveProject(ctx, loaded, store.Edit{}); plan.ErrorCode(err) != plan.EConflict {
		t.Fatalf("a save from an old version: %v", err)
	}
	if _, err := s.Project(ctx, "p", got.ID+1000); plan.ErrorCode(err) != plan.ENotFound {
		t.Fatalf("an unknown project: %v", err)
	}
	if _, err := s.SaveProject(ctx, followup.Project{ProgrammeID: "p", Title: "X", Status: "maybe"}, store.Edit{}); plan.ErrorCode(err) != plan.EInvalid {
		t.Fatalf("an unknown status: %v", err)
	}

	if saved.Commitments[0].Scheduled() != 150000 || len(saved.Commitments[0].Schedule) != 2 {
		t.Fatalf("the schedule after a save: %+v", saved.Commitments[0].Schedule)
	}

	// The same form sent twice registers one project.
	idea := followup.Project{ProgrammeID: "p", Title: "Ny idé", Status: followup.StatusIdea}
	first, err := s.SaveProject(ctx, idea, store.Edit{Submission: "form-1"})
	if err != nil || first.Repeated {
		t.Fatalf("first submission: %v, repeated %v", err, first.Repeated)
	}
	again, err := s.SaveProject(ctx, idea, store.Edit{Submission: "form-1"})
	if err != nil || !again.Repeated || again.ID != first.ID {
		t.Fatalf("the same submission again: %v, %+v", err, again)
	}
	for i := 0; i < 3; i++ {
		if _, err := s.SaveProject(ctx, followup.Project{ProgrammeID: "p", Title: "Søknad", Status: followup.StatusApplication}, store.Edit{}); err != nil {
			t.Fatal(err)
		}
	}
	all, total, err := s.Projects(ctx, "p", store.ProjectQuery{})
	if err != nil || total != 5 || len(all) != 5 || all[0].Title != "Sentrumsløft" || all[1].Title != "Ny idé" {
		t.Fatalf("all projects: %d of %d, %v", len(all), total, err)
	}
	page, total, err := s.Projects(ctx, "p", store.ProjectQuery{Limit: 2, Offset: 2})
	if err != nil || total != 5 || len(page) != 2 || page[0].ID != all[2].ID {
		t.Fatalf("page 2: %d of %d, %v", len(page), total, err)
	}
	public, total, err := s.Projects(ctx, "p", store.ProjectQuery{Public: true})
	if err != nil || total != 1 || len(public) != 1 || public[0].ID != got.ID {
		t.Fatalf("public projects: %d of %d, %v", len(public), total, err)
	}
	if _, _, err := s.Projects(ctx, "nowhere", store.ProjectQuery{}); plan.ErrorCode(err) != plan.ENotFound {
		t.Fatalf("an unknown programme: %v", err)
	}
}
