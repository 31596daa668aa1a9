package storetest

import (
	"context"
	"testing"

	"planverk/assessment"
	"planverk/plan"
	"planverk/store"
)

// The programme status assessment: one per programme and year, keeping
// the set it started on, refusing a stale version and a score off the
// scale, keeping a proposal's taken-up mark through an edit, and the
// latest one's total for the overview.
func (e engine) testAssessment(t *testing.T) {
	ctx := context.Background()
	s := e.openTest(t)
	f := &plan.File{Format: plan.FormatVersion,
		Programme: plan.Programme{ID: "p", Name: "P", Kind: plan.KindOther, Period: plan.Period{From: 2024, To: 2029}},
		Plan:      plan.Plan{Year: 2025, Title: "T", Language: plan.Bokmal}}
	save(t, s, f)
	kari, err := s.CreateUser(ctx, store.User{Email: "kari@example.no", Name: "Kari Nordmann"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Assessment(ctx, "p", 2025); plan.ErrorCode(err) != plan.ENotFound {
		t.Fatalf("no assessment yet: %v", err)
	}
	if _, err := s.Assessments(ctx, "nowhere"); plan.ErrorCode(err) != plan.ENotFound {
		t.Fatalf("unknown programme: %v", err)
	}
	set := assessment.Default()
	a := assessment.Start("p", 2025, assessment.DefaultSource)
	for i, ind := range set.Indicators() {
		a.Scores[ind.Key] = assessment.Score{Value: 1 + i%6}
	}
	first := set.Indicators()[0].Key
	a.Scores[first] = assessment.Score{Value: 5, Comment: "Godt forankret i kommunene."}
	a.Team = []assessment.Member{{Name: "Ola Leder", Role: set.Roles[0].Key}, {Name: "Eva Observatør", Role: set.Roles[1].Key}}
	a.Proposals = []assessment.Proposal{{Text: "Styrk mobiliseringen", Measure: "m-1"}, {Text: "Flere møteplasser"}}
	got, err := s.SaveAssessment(ctx, a, store.Edit{Author: kari.ID})
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != 1 || got.UpdatedByName != "Kari Nordmann" || got.Scores[first].Comment != "Godt forankret i kommunene." ||
		len(got.Team) != 2 || got.Team[1].Name != "Eva Observatør" || len(got.Proposals) != 2 || got.Proposals[0].Measure != "m-1" {
		t.Fatalf("saved: %+v", got)
	}
	if _, err := s.SaveAssessment(ctx, a, store.Edit{Author: kari.ID}); plan.ErrorCode(err) != plan.EConflict {
		t.Fatalf("a second start of the same year: %v", err)
	}
	bad := got
	bad.Scores = map[string]assessment.Score{first: {Value: 9}}
	if _, err := s.SaveAssessment(ctx, bad, store.Edit{}); plan.ErrorCode(err) != plan.EInvalid {
		t.Fatalf("a score off the scale: %v", err)
	}
	if err := s.MarkProposals(ctx, "p", 2025, []store.ProposalMark{{TakenUp: true, In: "m-7"}, {}}, store.Edit{Author: kari.ID}); err != nil {
		t.Fatal(err)
	}
	marked, err := s.Assessment(ctx, "p", 2025)
	if err != nil {
		t.Fatal(err)
	}
	if !marked.Proposals[0].TakenUp || marked.Proposals[0].TakenUpIn != "m-7" || marked.Proposals[1].TakenUp || marked.Version != 2 {
		t.Fatalf("marked: %+v", marked)
	}
	// A change on the old version is refused; on the new one it keeps the
	// set it started on and the mark of the proposal it keeps.
	if _, err := s.SaveAssessment(ctx, got, store.Edit{}); plan.ErrorCode(err) != plan.EConflict {
		t.Fatalf("a stale version: %v", err)
	}
	marked.SetSource = []byte("name: other")
	marked.Proposals = append([]assessment.Proposal{{Text: "Ny idé"}}, marked.Proposals...)
	changed, err := s.SaveAssessment(ctx, marked, store.Edit{})
	if err != nil {
		t.Fatal(err)
	}
	if string(changed.SetSource) != string(assessment.DefaultSource) {
		t.Error("the set changed with a later save")
	}
	if len(changed.Proposals) != 3 || changed.Proposals[0].TakenUp || !changed.Proposals[1].TakenUp || changed.Proposals[1].TakenUpIn != "m-7" {
		t.Errorf("proposals after an edit: %+v", changed.Proposals)
	}
	// A later year, half scored: the overview shows it as the latest, not
	// complete.
	b := assessment.Start("p", 2026, assessment.DefaultSource)
	b.Scores[first] = assessment.Score{Value: 4}
	if _, err := s.SaveAssessment(ctx, b, store.Edit{}); err != nil {
		t.Fatal(err)
	}
	list, err := s.Assessments(ctx, "p")
	if err != nil || len(list) != 2 || list[0].Year != 2026 || list[1].Year != 2025 {
		t.Fatalf("list: %v %v", list, err)
	}
	latest, err := s.LatestAssessments(ctx, []string{"p", "nowhere"})
	if err != nil {
		t.Fatal(err)
	}
	if l, ok := latest["p"]; !ok || l.Year != 2026 || l.Complete || len(latest) != 1 {
		t.Errorf("latest: %+v", latest)
	}
	// A complete assessment's total, computed as the page computes it, is
	// what the overview reads.
	g := &plan.File{Format: plan.FormatVersion,
		Programme: plan.Programme{ID: "q", Name: "Q", Kind: plan.KindOther, Period: plan.Period{From: 2021, To: 2026}},
		Plan:      plan.Plan{Year: 2025, Title: "T", Language: plan.Bokmal}}
	save(t, s, g)
	c := assessment.Start("q", 2025, assessment.DefaultSource)
	c.Scores = got.Scores
	if _, err := s.SaveAssessment(ctx, c, store.Edit{}); err != nil {
		t.Fatal(err)
	}
	res := assessment.Compute(set, got.Scores, assessment.ProgrammeYear(2021, 2025))
	latest, err = s.LatestAssessments(ctx, []string{"p", "q"})
	if err != nil {
		t.Fatal(err)
	}
	if l := latest["q"]; !l.Complete || l.Year != 2025 || l.Overall != assessment.Hundredths(res.Overall) || l.Overall == 0 {
		t.Errorf("latest of q: %+v, want %d", l, assessment.Hundredths(res.Overall))
	}
}
