package storetest

import (
	"bytes"
	"context"
	"testing"
	"time"

	"planverk/cycle"
	"planverk/examples"
	"planverk/plan"
	"planverk/store"
)

func day(t *testing.T, s string) plan.Date {
	t.Helper()
	d, err := plan.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The yearly cycle on Vest-Telemark's plan: imported as anchored, approved
// by the ministry, rolled into 2026, changed, proposed, anchored in six
// municipalities and approved; through it all, the 2025 approved release
// stays byte for byte as it was.
func (e engine) testCycle(t *testing.T) {
	ctx := context.Background()
	s := e.openTest(t)
	if _, err := examples.Install(ctx, s); err != nil {
		t.Fatal(err)
	}
	const vt = "vest-telemark"
	c, err := s.Cycle(ctx, vt, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Releases) != 1 || c.Releases[0].Kind != cycle.Anchored || c.Releases[0].Note != "imported" {
		t.Fatalf("the example's releases: %+v", c.Releases)
	}
	admin, err := s.CreateUser(ctx, store.User{Email: "kari@example.no", Name: "Kari Nordmann"})
	if err != nil {
		t.Fatal(err)
	}
	step := func(year int, d cycle.Decision, sub string) store.StepTaken {
		t.Helper()
		got, err := s.TakeStep(ctx, vt, year, d, store.Edit{Author: admin.ID, Submission: sub})
		if err != nil {
			t.Fatalf("%s %s: %v", d.Step, d.Organisation, err)
		}
		return got
	}
	taken := step(2025, cycle.Decision{Step: cycle.StepApproval, Organisation: "kdd", Body: "KDD",
		Date: day(t, "2025-06-30"), CaseRef: "25/1234",
		Amounts: []cycle.Amount{{Source: "kdd-post-66", Amount: 10000000}}}, "approve-2025")
	if !taken.Made || taken.Release.Number != 2 || taken.Release.Kind != cycle.Approved || taken.Release.ByName != "Kari Nordmann" {
		t.Fatalf("approval made %+v", taken)
	}
	again := step(2025, cycle.Decision{Step: cycle.StepApproval, Organisation: "kdd", Date: day(t, "2025-06-30"), CaseRef: "25/1234"}, "approve-2025")
	if !again.Repeated || again.Release.Number != 2 {
		t.Errorf("the same approval sent twice: %+v", again)
	}
	approved, rel, err := s.LoadRelease(ctx, vt, 2025, 0)
	if err != nil {
		t.Fatal(err)
	}
	if rel.Number != 2 || approved.Plan.Status != plan.StatusApproved {
		t.Fatalf("latest release %d is %s", rel.Number, approved.Plan.Status)
	}
	digest := rel.Digest
	// The record alone says the same, release by release, for a plan open
	// to everyone.
	for _, n := range []int{0, 2, 1} {
		info, err := s.PublicReleaseInfo(ctx, vt, 2025, n)
		want, _ := c.Release(n)
		if n == 0 {
			want = rel
		} else if n == 2 {
			want = rel
		}
		if err != nil || info.Number != want.Number || info.Digest != want.Digest || info.Kind != want.Kind || !info.At.Equal(want.At) ||
			info.Title != approved.Plan.Title || info.Language != approved.Plan.Language {
			t.Errorf("release info %d: %+v %v, want %+v", n, info, err, want)
		}
	}
	if _, err := s.PublicReleaseInfo(ctx, vt, 2025, 3); plan.ErrorCode(err) != plan.ENotFound {
		t.Errorf("a release that does not exist: %v", err)
	}
	// The draft took in the approval: it is the approved plan.
	draft, _ := load(t, s, vt, 2025)
	if !cycle.SameContent(draft, approved) {
		t.Errorf("the draft differs from the approved release: %v", plan.Diff(approved, draft))
	}
	if c, _ := s.Cycle(ctx, vt, 2025); len(c.Decisions) != 1 || c.Decisions[0].Amounts[0].Amount != 10000000 {
		t.Errorf("decisions %+v", c.Decisions)
	}

	// Editing the approved 2025 plan starts a draft and leaves the release.
	if _, err := s.EditPlan(ctx, vt, 2025, store.Edit{Author: admin.ID}, func(f *plan.File) error {
		f.Plan.Goals[0].Measures[0].Title += " (endra)"
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, rel, _ := s.LoadRelease(ctx, vt, 2025, 2); rel.Digest != digest {
		t.Error("an edit changed the approved release")
	}

	// Next year's plan, from the approved release, not the edited draft.
	v, err := s.RollPlan(ctx, vt, 2026, store.Edit{Author: admin.ID, Summary: "Planen for 2026"})
	if err != nil {
		t.Fatal(err)
	}
	if v.Version != 1 || v.Year != 2026 {
		t.Errorf("roll made %+v", v)
	}
	if _, err := s.RollPlan(ctx, vt, 2026, store.Edit{}); plan.ErrorCode(err) != plan.EConflict {
		t.Errorf("a second roll into 2026: %v, want a conflict", err)
	}
	next, _ := load(t, s, vt, 2026)
	if next.Plan.Goals[0].Measures[0].Title != approved.Plan.Goals[0].Measures[0].Title {
		t.Errorf("2026 starts from the draft's %q, want the approved title", next.Plan.Goals[0].Measures[0].Title)
	}
	if rb := next.Plan.Revision.Base; rb == nil || rb.Year != 2025 || rb.Release != 2 {
		t.Errorf("2026 revises %+v, want 2025 release 2", rb)
	}
	base, baseRel, ok, err := s.RevisionBase(ctx, vt, 2026)
	if err != nil || !ok || baseRel.Number != 2 || !cycle.SameContent(base, approved) {
		t.Fatalf("revision base %v %+v %v", ok, baseRel, err)
	}

	// A changed measure without a reason stops the proposal.
	if _, err := s.EditPlan(ctx, vt, 2026, store.Edit{}, func(f *plan.File) error {
		f.Plan.Goals[0].Measures[0].TimeFrame.To = 2027
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	proposal := cycle.Decision{Step: cycle.StepProposal, Body: "styringsgruppa", Date: plan.Date{Year: time.Now().Year(), Month: 1, Day: 1}}
	if _, err := s.TakeStep(ctx, vt, 2026, proposal, store.Edit{}); err == nil {
		t.Fatal("proposed with a changed measure that has no reason")
	}
	if _, err := s.EditPlan(ctx, vt, 2026, store.Edit{}, func(f *plan.File) error {
		f.Plan.SetDisposition(plan.Disposition{Measure: f.Plan.Goals[0].Measures[0].ID, Reason: "Treng eit år til."})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	taken = step(2026, proposal, "")
	if taken.Release.Number != 1 || taken.Release.Kind != cycle.Proposed {
		t.Fatalf("proposal made %+v", taken)
	}
	for _, a := range next.Plan.Anchoring {
		step(2026, cycle.Decision{Step: cycle.StepExecutiveCommittee, Organisation: a.Municipality, Date: proposal.Date, Outcome: cycle.Adopted}, "")
		taken = step(2026, cycle.Decision{Step: cycle.StepCouncil, Organisation: a.Municipality, Date: proposal.Date, Outcome: cycle.Adopted}, "")
	}
	if !taken.Made || taken.Release.Kind != cycle.Anchored {
		t.Fatalf("the sixth council made %+v", taken)
	}
	taken = step(2026, cycle.Decision{Step: cycle.StepApproval, Organisation: "kdd", Date: proposal.Date, CaseRef: "26/1"}, "")
	if taken.Release.Kind != cycle.Approved || taken.Release.Number != 3 {
		t.Fatalf("2026 approval made %+v", taken)
	}
	// 2025's approved release is still byte for byte what it was.
	f25, rel, err := s.LoadRelease(ctx, vt, 2025, 2)
	if err != nil || rel.Digest != digest || !bytes.Equal(cycle.Encode(f25), cycle.Encode(approved)) {
		t.Errorf("2025's approved release changed: %v", err)
	}
}

// A plan published without a release is released as its status says when
// the database is opened again, so that its visitors go on seeing it.
func (e engine) testBackfillReleases(t *testing.T) {
	ctx := context.Background()
	opener := e.newDB(t)
	s := open(t, opener)
	v := save(t, s, RichFile())
	if err := s.SetPublished(ctx, v.ProgrammeID, v.Year, true, 0); err != nil {
		t.Fatal(err)
	}
	c, err := s.Cycle(ctx, v.ProgrammeID, v.Year)
	if err != nil || len(c.Releases) != 1 {
		t.Fatalf("publishing a plan without a release: %+v %v", c.Releases, err)
	}
}
