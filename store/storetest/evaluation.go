package storetest

import (
	"context"
	"strings"
	"testing"

	"planverk/evaluation"
	"planverk/plan"
	"planverk/store"
)

// The final evaluation: templates replaced by name, an evaluation that
// keeps the template it was started on, its sections and achieved figures,
// and who completed it.
func (e engine) testEvaluation(t *testing.T) {
	ctx := context.Background()
	s := e.openTest(t)
	f := &plan.File{Format: plan.FormatVersion,
		Programme: plan.Programme{ID: "p", Name: "P", Kind: plan.KindOther, Period: plan.Period{From: 2024, To: 2025}},
		Plan:      plan.Plan{Year: 2025, Title: "T", Language: plan.Nynorsk}}
	save(t, s, f)
	kari, err := s.CreateUser(ctx, store.User{Email: "kari@example.no", Name: "Kari Nordmann"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Evaluation(ctx, "p"); plan.ErrorCode(err) != plan.ENotFound {
		t.Fatalf("no evaluation yet: %v", err)
	}
	if _, err := s.Evaluation(ctx, "nowhere"); plan.ErrorCode(err) != plan.ENotFound {
		t.Fatalf("unknown programme: %v", err)
	}
	ts, err := s.EvaluationTemplates(ctx)
	if err != nil || len(ts) != 0 {
		t.Fatalf("templates at first: %v %v", ts, err)
	}
	tmpl := func(version, heading string) []byte {
		return []byte("name: kdd\nfunder: KDD\nversion: \"" + version + "\"\nsections:\n  - key: lessons\n    heading: {nb: " +
			heading + ", nn: " + heading + ", en: " + heading + "}\n")
	}
	if _, err := s.SaveEvaluationTemplate(ctx, store.EvaluationTemplate{Source: []byte("name: [")}); plan.ErrorCode(err) != plan.EInvalid {
		t.Fatalf("a broken template: %v", err)
	}
	first, err := s.SaveEvaluationTemplate(ctx, store.EvaluationTemplate{Source: tmpl("1", "Læring"), UploadedBy: kari.ID})
	if err != nil || first.Name != "kdd" || first.Version != "1" || first.Funder != "KDD" {
		t.Fatalf("first template: %+v %v", first, err)
	}
	parsed, err := evaluation.ParseTemplate(first.Source)
	if err != nil {
		t.Fatal(err)
	}
	ev := evaluation.Start("p", parsed, first.Source)
	ev.Sections["lessons"] = "Vi lærte mykje."
	ev.Achieved["period 2024-2025|goal 0|jobs|jobs|"] = 42
	got, err := s.SaveEvaluation(ctx, ev, store.Edit{Author: kari.ID})
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != evaluation.StatusDraft || got.CreatedByName != "Kari Nordmann" || got.CompletedAt != nil ||
		got.Sections["lessons"] != "Vi lærte mykje." || got.Achieved["period 2024-2025|goal 0|jobs|jobs|"] != 42 {
		t.Fatalf("saved evaluation: %+v", got)
	}
	// A new template of the same name replaces the old for what starts
	// next; the evaluation keeps its own.
	if _, err := s.SaveEvaluationTemplate(ctx, store.EvaluationTemplate{Source: tmpl("2", "Lærdom")}); err != nil {
		t.Fatal(err)
	}
	ts, err = s.EvaluationTemplates(ctx)
	if err != nil || len(ts) != 1 || ts[0].Version != "2" || ts[0].UploadedBy != 0 {
		t.Fatalf("templates after the replacement: %+v %v", ts, err)
	}
	got.Status = evaluation.StatusCompleted
	got.TemplateSource, got.TemplateVersion = ts[0].Source, "2" // not taken: the template stays
	delete(got.Sections, "lessons")
	got.Sections["other"] = "Anna."
	got, err = s.SaveEvaluation(ctx, got, store.Edit{Author: kari.ID})
	if err != nil {
		t.Fatal(err)
	}
	got, err = s.Evaluation(ctx, "p")
	if err != nil {
		t.Fatal(err)
	}
	if got.TemplateVersion != "1" || !strings.Contains(string(got.TemplateSource), "Læring") {
		t.Errorf("the evaluation's template changed: %s %s", got.TemplateVersion, got.TemplateSource)
	}
	if got.Status != evaluation.StatusCompleted || got.CompletedAt == nil || got.CompletedByName != "Kari Nordmann" ||
		got.UpdatedAt.Before(got.CreatedAt) {
		t.Errorf("completed evaluation: %+v", got)
	}
	if len(got.Sections) != 1 || got.Sections["other"] != "Anna." {
		t.Errorf("sections: %v", got.Sections)
	}
	// Back to draft: no longer completed.
	got.Status = evaluation.StatusDraft
	if got, err = s.SaveEvaluation(ctx, got, store.Edit{}); err != nil || got.CompletedAt != nil {
		t.Errorf("reopened: %+v %v", got, err)
	}
	got.Status = "finished"
	if _, err := s.SaveEvaluation(ctx, got, store.Edit{}); plan.ErrorCode(err) != plan.EInvalid {
		t.Errorf("unknown status: %v", err)
	}
}
