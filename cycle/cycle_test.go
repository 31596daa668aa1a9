package cycle_test

import (
	"os"
	"testing"

	"planverk/cycle"
	"planverk/plan"
	"planverk/planfile"
)

func vestTelemark(t *testing.T) *plan.File {
	t.Helper()
	b, err := os.ReadFile("../examples/vest-telemark-2025.yaml")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := planfile.Read("vest-telemark-2025.yaml", b)
	if err != nil {
		t.Fatal(err)
	}
	return doc.File
}

func date(t *testing.T, s string) plan.Date {
	t.Helper()
	d, err := plan.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// record takes a decision and, as the store does, keeps it and the release
// it makes.
type record struct {
	t      *testing.T
	c      cycle.Cycle
	in     cycle.Input
	latest *plan.File
}

func (r *record) take(d cycle.Decision) (cycle.Result, error) {
	r.in.Latest = r.latest
	res, err := r.c.Take(d, r.in)
	if err != nil {
		return res, err
	}
	d.Release = res.AboutRelease
	if res.Release != nil {
		d.Made = len(r.c.Releases) + 1
	}
	r.c.Decisions = append(r.c.Decisions, d)
	if res.Release != nil {
		r.c.Releases = append(r.c.Releases, cycle.Release{Number: len(r.c.Releases) + 1, Kind: res.Kind, Version: res.Version})
		r.latest = res.Release
	}
	return res, nil
}

func (r *record) must(d cycle.Decision) cycle.Result {
	r.t.Helper()
	res, err := r.take(d)
	if err != nil {
		r.t.Fatalf("%s %s: %v", d.Step, d.Organisation, err)
	}
	return res
}

func (r *record) refused(d cycle.Decision, key string) {
	r.t.Helper()
	_, err := r.take(d)
	pe, ok := err.(*plan.Error)
	if !ok || pe.Key != key {
		r.t.Errorf("%s %s on %s: error %v, want %s", d.Step, d.Organisation, d.Date, err, key)
	}
}

// Vest-Telemark's plan is proposed by the steering group, anchored by six
// executive committees and councils, and approved by the ministry.
func TestCycleVestTelemark(t *testing.T) {
	draft := vestTelemark(t)
	r := &record{t: t, in: cycle.Input{Draft: draft, DraftVersion: 4, Today: date(t, "2025-12-01")}}
	if got := r.c.Stage(nil); got != cycle.StageDraft {
		t.Errorf("stage %s before anything", got)
	}
	r.refused(cycle.Decision{Step: cycle.StepApproval, Organisation: "kdd", Date: date(t, "2025-06-30"), CaseRef: "25/1"}, "cycle.error.nothing-to-approve")
	r.in.Blockers = []plan.Finding{{Rule: "revision-reason"}}
	r.refused(cycle.Decision{Step: cycle.StepProposal, Body: "styringsgruppa", Date: date(t, "2025-05-06")}, "cycle.error.blocked")
	r.in.Blockers = nil
	r.refused(cycle.Decision{Step: cycle.StepProposal, Body: "styringsgruppa", Date: date(t, "2026-01-06")}, "cycle.error.date-future")
	r.refused(cycle.Decision{Step: cycle.StepProposal, Body: "styringsgruppa", Date: date(t, "2025-05")}, "cycle.error.date-day")
	res := r.must(cycle.Decision{Step: cycle.StepProposal, Body: "styringsgruppa", Date: date(t, "2025-05-06"), CaseRef: "SG 3/25"})
	if res.Kind != cycle.Proposed || res.Release.Plan.Status != plan.StatusProposal || res.Version != 4 {
		t.Fatalf("proposal made %+v", res)
	}
	if draft.Plan.Status != plan.StatusAnchored {
		t.Errorf("the proposal changed the draft's status to %s", draft.Plan.Status)
	}
	r.refused(cycle.Decision{Step: cycle.StepProposal, Body: "styringsgruppa", Date: date(t, "2025-05-07")}, "cycle.error.unchanged")

	munis := cycle.Municipalities(r.latest)
	if len(munis) != 6 {
		t.Fatalf("%d municipalities anchor the plan, want 6", len(munis))
	}
	if w := r.c.Waiting(r.latest); len(w) != 6 || w[0].Step != cycle.StepExecutiveCommittee {
		t.Errorf("waiting for %+v", w)
	}
	r.refused(cycle.Decision{Step: cycle.StepCouncil, Organisation: "telemark-fylkeskommune", Date: date(t, "2025-06-19"), Outcome: cycle.Adopted}, "cycle.error.not-scheduled")
	r.refused(cycle.Decision{Step: cycle.StepCouncil, Organisation: "tokke-kommune", Date: date(t, "2025-05-01"), Outcome: cycle.Adopted}, "cycle.error.before-proposal")
	r.refused(cycle.Decision{Step: cycle.StepCouncil, Organisation: "tokke-kommune", Date: date(t, "2025-06-17")}, "cycle.error.outcome")
	for _, a := range draft.Plan.Anchoring {
		r.must(cycle.Decision{Step: cycle.StepExecutiveCommittee, Organisation: a.Municipality, Date: *a.ExecutiveCommittee, Outcome: cycle.Adopted})
		if a.Municipality == "tokke-kommune" {
			r.refused(cycle.Decision{Step: cycle.StepCouncil, Organisation: a.Municipality, Date: date(t, "2025-06-01"), Outcome: cycle.Adopted},
				"cycle.error.council-before-committee")
		}
	}
	if w := r.c.Waiting(r.latest); len(w) != 6 || w[0].Step != cycle.StepCouncil {
		t.Errorf("after the committees, waiting for %+v", w)
	}
	r.refused(cycle.Decision{Step: cycle.StepApproval, Organisation: "kdd", Date: date(t, "2025-06-30"), CaseRef: "25/1"}, "cycle.error.not-anchored")
	for i, a := range draft.Plan.Anchoring {
		res := r.must(cycle.Decision{Step: cycle.StepCouncil, Organisation: a.Municipality, Date: *a.Council, Outcome: cycle.Adopted})
		if last := i == len(draft.Plan.Anchoring)-1; (res.Release != nil) != last {
			t.Fatalf("council %d of 6 made release %v", i+1, res.Release != nil)
		}
	}
	if got := r.c.Stage(r.latest); got != cycle.StageAnchored {
		t.Errorf("stage %s after six councils", got)
	}
	if r.latest.Plan.Status != plan.StatusAnchored || len(r.latest.Plan.Anchoring) != 6 || *r.latest.Plan.Anchoring[5].Council != date(t, "2025-06-24") {
		t.Errorf("anchored release: %s %+v", r.latest.Plan.Status, r.latest.Plan.Anchoring)
	}
	if w := r.c.Waiting(r.latest); len(w) != 1 || w[0] != (cycle.Wait{Step: cycle.StepApproval, Organisation: "kdd"}) {
		t.Errorf("anchored, waiting for %+v", w)
	}
	r.refused(cycle.Decision{Step: cycle.StepApproval, Organisation: "husbanken", Date: date(t, "2025-06-30"), CaseRef: "25/1"}, "cycle.error.not-funder")
	r.refused(cycle.Decision{Step: cycle.StepApproval, Organisation: "kdd", Date: date(t, "2025-06-20"), CaseRef: "25/1"}, "cycle.error.approval-before-anchoring")
	r.refused(cycle.Decision{Step: cycle.StepApproval, Organisation: "kdd", Date: date(t, "2025-06-30")}, "cycle.error.reference-required")
	r.refused(cycle.Decision{Step: cycle.StepApproval, Organisation: "kdd", Date: date(t, "2025-06-30"), CaseRef: "25/1",
		Amounts: []cycle.Amount{{Source: "nope", Amount: 1}}}, "cycle.error.unknown-source")
	res = r.must(cycle.Decision{Step: cycle.StepApproval, Organisation: "kdd", Body: "KDD", Date: date(t, "2025-06-30"),
		CaseRef: "25/1234", Conditions: "Rapport innan 1. mars."})
	if res.Kind != cycle.Approved || r.latest.Plan.Status != plan.StatusApproved {
		t.Fatalf("approval made %+v", res)
	}
	last := r.latest.Plan.Approvals[len(r.latest.Plan.Approvals)-1]
	if last.Party != "kdd" || *last.Date != date(t, "2025-06-30") || last.Note != "25/1234. Rapport innan 1. mars." {
		t.Errorf("approval row %+v", last)
	}
	if got := r.c.Stage(r.latest); got != cycle.StageApproved || len(r.c.Waiting(r.latest)) != 0 {
		t.Errorf("stage %s, waiting %v after approval", got, r.c.Waiting(r.latest))
	}
	r.refused(cycle.Decision{Step: cycle.StepApproval, Organisation: "kdd", Date: date(t, "2025-07-01"), CaseRef: "25/1"}, "cycle.error.approved-already")
	// The draft has not changed since it was proposed: nothing to propose.
	r.in.Draft = r.latest
	r.refused(cycle.Decision{Step: cycle.StepProposal, Body: "styringsgruppa", Date: date(t, "2025-08-01")}, "cycle.error.unchanged")
}

// A council that does not adopt the plan stops it: the plan waits for a new
// proposal. Adopted with changes counts as adopted, and asks for a change.
func TestCycleNotAdopted(t *testing.T) {
	draft := vestTelemark(t)
	r := &record{t: t, in: cycle.Input{Draft: draft, DraftVersion: 1, Today: date(t, "2025-12-01")}}
	r.must(cycle.Decision{Step: cycle.StepProposal, Body: "styringsgruppa", Date: date(t, "2025-05-06")})
	r.must(cycle.Decision{Step: cycle.StepCouncil, Organisation: "tokke-kommune", Date: date(t, "2025-06-17"),
		Outcome: cycle.AdoptedWithChanges, Note: "Tiltak 2.3 skal ha Tokke som hovudansvarleg."})
	if asked := r.c.ChangesAsked(); len(asked) != 1 || asked[0].Organisation != "tokke-kommune" {
		t.Errorf("changes asked %+v", asked)
	}
	r.must(cycle.Decision{Step: cycle.StepCouncil, Organisation: "vinje-kommune", Date: date(t, "2025-06-24"), Outcome: cycle.NotAdopted})
	if got := r.c.Stage(r.latest); got != cycle.StageRejected {
		t.Errorf("stage %s", got)
	}
	if w := r.c.Waiting(r.latest); len(w) != 1 || w[0].Step != cycle.StepProposal {
		t.Errorf("waiting for %+v, want a new proposal", w)
	}
}

// A programme without municipalities to anchor and without a funder
// publishes its plan; a published plan waits for nothing.
func TestCyclePublication(t *testing.T) {
	f := vestTelemark(t)
	f.Plan.Anchoring = nil
	f.Programme.Municipalities = nil
	f.Programme.Parties = nil
	r := &record{t: t, in: cycle.Input{Draft: f, DraftVersion: 2, Today: date(t, "2025-12-01")}}
	res := r.must(cycle.Decision{Step: cycle.StepPublication})
	if res.Kind != cycle.Published || res.Release.Plan.Status != f.Plan.Status {
		t.Errorf("publication made %+v", res)
	}
	if got := r.c.Stage(r.latest); got != cycle.StagePublished || len(r.c.Waiting(r.latest)) != 0 {
		t.Errorf("stage %s, waiting %v", got, r.c.Waiting(r.latest))
	}
	r.refused(cycle.Decision{Step: cycle.StepPublication}, "cycle.error.unchanged")
	r.refused(cycle.Decision{Step: cycle.StepApproval, Organisation: "kdd", Date: date(t, "2025-06-30"), CaseRef: "1"}, "cycle.error.no-funder")
}
