package storetest

import (
	"context"
	"testing"

	"planverk/followup"
	"planverk/plan"
	"planverk/store"
)

// ProjectImport: an import registers new projects and merges one whose
// case reference is stored, keeping the stored commitment's ID and what
// the file cannot say; the sample flag round-trips; an import with one
// bad project stores none of them.
func (e engine) testProjectImport(t *testing.T) {
	ctx := context.Background()
	s := e.openTest(t)
	f := &plan.File{Format: plan.FormatVersion,
		Programme: plan.Programme{ID: "p", Name: "P", Kind: plan.KindOther, Period: plan.Period{From: 2024, To: 2027}},
		Plan:      plan.Plan{Year: 2025, Title: "T", Language: plan.Bokmal}}
	save(t, s, f)
	ceiling := plan.Amount(40_000)
	stored, err := s.SaveProject(ctx, followup.Project{ProgrammeID: "p", Title: "Gammelt namn", CaseRef: "2024/77",
		Status: followup.StatusGranted, Manager: "Ola",
		Commitments: []followup.Commitment{{Amount: 150_000, Source: "state", Decided: pday("2024-05-02"),
			Conditions: "Sluttrapport", Released: &ceiling}}}, store.Edit{})
	if err != nil {
		t.Fatal(err)
	}
	imported := []followup.Project{
		{Title: "Nytt namn", CaseRef: "2024/77", Commitments: []followup.Commitment{
			{Amount: 150_000, Source: "state", Decided: pday("2024-05-02"), Share: "50 %",
				Payments: []followup.Payment{{Date: *pday("2024-09-01"), Amount: 60_000}}}}},
		{Title: "Ny bedrift", CaseRef: "2025/12", Sample: true, Commitments: []followup.Commitment{
			{Amount: 80_000, Source: "county"}}},
	}
	res, err := s.ImportProjects(ctx, "p", imported, store.Edit{Summary: "import"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 2 || res[0].Created || !res[1].Created {
		t.Fatalf("import result %+v, want the first merged and the second new", res)
	}
	got, err := s.Project(ctx, "p", stored.ID)
	if err != nil {
		t.Fatal(err)
	}
	c := got.Commitments[0]
	if got.Title != "Nytt namn" || got.Manager != "Ola" || got.Version != stored.Version+1 ||
		c.ID != stored.Commitments[0].ID || c.Conditions != "Sluttrapport" || c.Share != "50 %" || c.Paid() != 60_000 ||
		c.Released == nil || *c.Released != ceiling {
		t.Errorf("merged project %+v, commitment %+v", got, c)
	}
	if got.Sample {
		t.Error("the merged project is marked as sample data; the import said it is not")
	}
	fresh, err := s.Project(ctx, "p", res[1].Project.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !fresh.Sample || fresh.Status != followup.StatusGranted || fresh.Committed() != 80_000 {
		t.Errorf("new project %+v: want sample, granted, 80 000 committed", fresh)
	}
	byRef, err := s.ProjectsByCaseRef(ctx, "p", []string{"2025/12", "2024/77", "none"})
	if err != nil {
		t.Fatal(err)
	}
	if len(byRef) != 2 || byRef["2025/12"].ID != fresh.ID || byRef["2024/77"].ID != stored.ID {
		t.Errorf("by case reference: %+v", byRef)
	}

	// All or nothing: the second project is invalid, so the first is not
	// stored either, and the stored one is as it was.
	bad := []followup.Project{
		{Title: "Skal ikkje lagrast", CaseRef: "2025/99"},
		{Title: "Nytt namn igjen", CaseRef: "2024/77", Status: "maybe"},
	}
	if _, err := s.ImportProjects(ctx, "p", bad, store.Edit{}); plan.ErrorCode(err) != plan.EInvalid {
		t.Fatalf("import with a bad status: %v, want EInvalid", err)
	}
	_, total, err := s.Projects(ctx, "p", store.ProjectQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if total != 2 {
		t.Errorf("%d projects after a failed import, want the 2 from before", total)
	}
	again, err := s.Project(ctx, "p", stored.ID)
	if err != nil {
		t.Fatal(err)
	}
	if again.Title != "Nytt namn" || again.Version != got.Version {
		t.Errorf("the failed import changed the stored project: %+v", again)
	}
	if _, err := s.ImportProjects(ctx, "p", []followup.Project{{Title: "X"}}, store.Edit{}); plan.ErrorCode(err) != plan.EInvalid {
		t.Errorf("a project without a case reference: %v, want EInvalid", err)
	}
	if _, err := s.ImportProjects(ctx, "nowhere", imported, store.Edit{}); plan.ErrorCode(err) != plan.ENotFound {
		t.Errorf("unknown programme: %v, want ENotFound", err)
	}
}
