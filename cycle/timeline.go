package cycle

import (
	"slices"

	"planverk/plan"
)

// Milestone is one stage of a year's cycle as a timeline shows it: the
// proposal, the anchoring in the municipalities, the funder's approval, or
// the publication of a plan that takes none of those steps.
type Milestone struct {
	Step Step
	// Done says whether the milestone is reached.
	Done bool
	// Date is the date of the decision that reached it (for the anchoring,
	// the last council's); zero where it is not reached or the date is not
	// known (a release imported without its decisions).
	Date plan.Date
	// Count and Of count the municipalities whose council adopted the plan,
	// out of those that anchor it (anchoring only).
	Count, Of int
}

// Timeline lists the milestones of the plan's cycle, given the content of
// its latest release (or of its draft where nothing is released): those
// reached, then those still ahead. A programme without municipalities to
// anchor has no anchoring milestone, one without a funder no approval; a
// published plan has only its publication. A release imported as anchored
// or approved reached the milestones before it outside planverk: their
// dates come from the plan's anchoring schedule and approvals.
func (c *Cycle) Timeline(latest *plan.File) []Milestone {
	r, released := c.Latest()
	if released && r.Kind == Published {
		return []Milestone{{Step: StepPublication, Done: true, Date: c.madeOn(StepPublication, r.Number)}}
	}
	past := func(k Kind) bool {
		return released && (r.Kind == k || (k == Proposed && r.Kind != Published) || (k == Anchored && r.Kind == Approved))
	}
	prop := Milestone{Step: StepProposal, Done: past(Proposed)}
	if p, ok := c.proposal(); ok {
		prop.Date = c.madeOn(StepProposal, p.Number)
	}
	out := []Milestone{prop}
	if munis := Municipalities(latest); len(munis) > 0 {
		m := Milestone{Step: StepCouncil, Of: len(munis)}
		switch {
		case past(Anchored):
			m.Done, m.Count, m.Date = true, len(munis), lastCouncil(latest, munis)
		case released && r.Kind == Proposed:
			for _, org := range munis {
				if d, ok := c.latestDecision(r.Number, StepCouncil, org); ok && d.Outcome.Adopts() {
					m.Count++
				}
			}
		}
		out = append(out, m)
	}
	if funders := Funders(latest); len(funders) > 0 {
		m := Milestone{Step: StepApproval, Done: past(Approved)}
		if m.Done {
			if m.Date = c.madeOn(StepApproval, r.Number); m.Date.IsZero() {
				m.Date = lastApproval(latest, funders)
			}
		}
		out = append(out, m)
	}
	return out
}

// madeOn is the date of the decision of the step that made the release.
func (c *Cycle) madeOn(s Step, release int) plan.Date {
	for i := len(c.Decisions) - 1; i >= 0; i-- {
		if d := c.Decisions[i]; d.Step == s && d.Made == release {
			return d.Date
		}
	}
	return plan.Date{}
}

// lastCouncil is the latest council date of the municipalities in the
// plan's anchoring schedule, zero where it has none.
func lastCouncil(f *plan.File, munis []string) plan.Date {
	var last plan.Date
	for _, a := range f.Plan.Anchoring {
		if a.Council != nil && slices.Contains(munis, a.Municipality) && last.Before(*a.Council) {
			last = *a.Council
		}
	}
	return last
}

// lastApproval is the latest date of the funders' approvals in the plan.
func lastApproval(f *plan.File, funders []string) plan.Date {
	var last plan.Date
	for _, a := range f.Plan.Approvals {
		if a.Date != nil && slices.Contains(funders, a.Party) && last.Before(*a.Date) {
			last = *a.Date
		}
	}
	return last
}
