package cycle_test

import (
	"testing"

	"planverk/cycle"
	"planverk/plan"
)

// line is a timeline in short: step, done, date, count/of.
type line struct {
	step      cycle.Step
	done      bool
	date      string
	count, of int
}

func checkTimeline(t *testing.T, when string, got []cycle.Milestone, want ...line) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: timeline %+v, want %d milestones", when, got, len(want))
	}
	for i, w := range want {
		g := got[i]
		date := ""
		if !g.Date.IsZero() {
			date = g.Date.String()
		}
		if g.Step != w.step || g.Done != w.done || date != w.date || g.Count != w.count || g.Of != w.of {
			t.Errorf("%s: milestone %d is %s done=%v %q %d/%d, want %+v", when, i+1, g.Step, g.Done, date, g.Count, g.Of, w)
		}
	}
}

// The timeline follows the plan through proposal, anchoring in six
// municipalities and approval, with the dates of the decisions.
func TestTimeline(t *testing.T) {
	draft := vestTelemark(t)
	r := &record{t: t, in: cycle.Input{Draft: draft, DraftVersion: 4, Today: date(t, "2025-12-01")}}
	checkTimeline(t, "before anything", r.c.Timeline(draft),
		line{cycle.StepProposal, false, "", 0, 0}, line{cycle.StepCouncil, false, "", 0, 6}, line{cycle.StepApproval, false, "", 0, 0})

	r.must(cycle.Decision{Step: cycle.StepProposal, Body: "styringsgruppa", Date: date(t, "2025-05-06")})
	for i, a := range draft.Plan.Anchoring {
		r.must(cycle.Decision{Step: cycle.StepExecutiveCommittee, Organisation: a.Municipality, Date: *a.ExecutiveCommittee, Outcome: cycle.Adopted})
		if i < 2 {
			r.must(cycle.Decision{Step: cycle.StepCouncil, Organisation: a.Municipality, Date: *a.Council, Outcome: cycle.Adopted})
		}
	}
	checkTimeline(t, "two councils in", r.c.Timeline(r.latest),
		line{cycle.StepProposal, true, "2025-05-06", 0, 0}, line{cycle.StepCouncil, false, "", 2, 6}, line{cycle.StepApproval, false, "", 0, 0})

	for _, a := range draft.Plan.Anchoring[2:] {
		r.must(cycle.Decision{Step: cycle.StepCouncil, Organisation: a.Municipality, Date: *a.Council, Outcome: cycle.Adopted})
	}
	checkTimeline(t, "anchored", r.c.Timeline(r.latest),
		line{cycle.StepProposal, true, "2025-05-06", 0, 0}, line{cycle.StepCouncil, true, "2025-06-24", 6, 6}, line{cycle.StepApproval, false, "", 0, 0})

	r.must(cycle.Decision{Step: cycle.StepApproval, Organisation: "kdd", Date: date(t, "2025-06-30"), CaseRef: "25/1234"})
	checkTimeline(t, "approved", r.c.Timeline(r.latest),
		line{cycle.StepProposal, true, "2025-05-06", 0, 0}, line{cycle.StepCouncil, true, "2025-06-24", 6, 6}, line{cycle.StepApproval, true, "2025-06-30", 0, 0})
}

// A plan imported as approved reached its milestones outside planverk:
// the dates come from its anchoring schedule and approvals.
func TestTimelineOfImportedRelease(t *testing.T) {
	f := vestTelemark(t)
	f.Plan.Approvals = append(f.Plan.Approvals, plan.Approval{Party: "kdd", Date: func() *plan.Date { d := date(t, "2025-07-01"); return &d }()})
	c := cycle.Cycle{Releases: []cycle.Release{{Number: 1, Kind: cycle.Approved}}}
	checkTimeline(t, "imported", c.Timeline(f),
		line{cycle.StepProposal, true, "", 0, 0}, line{cycle.StepCouncil, true, "2025-06-24", 6, 6}, line{cycle.StepApproval, true, "2025-07-01", 0, 0})

	// A programme without municipalities or funder only publishes.
	c = cycle.Cycle{Releases: []cycle.Release{{Number: 1, Kind: cycle.Published}}}
	checkTimeline(t, "published", c.Timeline(f), line{cycle.StepPublication, true, "", 0, 0})
}
