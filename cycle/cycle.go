package cycle

import (
	"slices"

	"planverk/plan"
)

// Cycle is one plan's cycle so far: its releases and decisions, each in the
// order they were made.
type Cycle struct {
	ProgrammeID string
	Year        int
	Releases    []Release
	Decisions   []Decision
}

// Latest returns the latest release, the one the public sees.
func (c *Cycle) Latest() (Release, bool) {
	if len(c.Releases) == 0 {
		return Release{}, false
	}
	return c.Releases[len(c.Releases)-1], true
}

// LatestOf returns the latest release of the kind.
func (c *Cycle) LatestOf(k Kind) (Release, bool) {
	for i := len(c.Releases) - 1; i >= 0; i-- {
		if c.Releases[i].Kind == k {
			return c.Releases[i], true
		}
	}
	return Release{}, false
}

// Release returns the release with the number.
func (c *Cycle) Release(n int) (Release, bool) {
	for _, r := range c.Releases {
		if r.Number == n {
			return r, true
		}
	}
	return Release{}, false
}

// proposal returns the proposal that anchoring and approval now concern:
// the latest proposal, if no publication came after it.
func (c *Cycle) proposal() (Release, bool) {
	for i := len(c.Releases) - 1; i >= 0; i-- {
		switch c.Releases[i].Kind {
		case Proposed:
			return c.Releases[i], true
		case Published:
			return Release{}, false
		}
	}
	return Release{}, false
}

// DecisionsOn lists the decisions about one release, in order.
func (c *Cycle) DecisionsOn(release int) []Decision {
	var out []Decision
	for _, d := range c.Decisions {
		if d.Release == release {
			out = append(out, d)
		}
	}
	return out
}

// latestDecision returns the latest decision of the step by the
// organisation about the release: a later one corrects an earlier one.
func (c *Cycle) latestDecision(release int, s Step, org string) (Decision, bool) {
	for i := len(c.Decisions) - 1; i >= 0; i-- {
		d := c.Decisions[i]
		if d.Release == release && d.Step == s && d.Organisation == org {
			return d, true
		}
	}
	return Decision{}, false
}

// Stage is where a plan stands in its cycle.
type Stage string

// The stages.
const (
	// StageDraft: nothing is released yet.
	StageDraft Stage = "draft"
	// StagePublished: the latest release was published without the steps.
	StagePublished Stage = "published"
	// StageProposed: proposed, being anchored.
	StageProposed Stage = "proposed"
	// StageRejected: a municipality did not adopt the proposal.
	StageRejected Stage = "rejected"
	// StageAnchored: every municipality adopted it; waiting for the funder.
	StageAnchored Stage = "anchored"
	// StageApproved: approved by the funder as the basis for payment.
	StageApproved Stage = "approved"
)

// Stage says where the plan stands, given the content of its latest
// release (for the anchoring schedule).
func (c *Cycle) Stage(latest *plan.File) Stage {
	r, ok := c.Latest()
	if !ok {
		return StageDraft
	}
	switch r.Kind {
	case Published:
		return StagePublished
	case Anchored:
		return StageAnchored
	case Approved:
		return StageApproved
	}
	for _, m := range Municipalities(latest) {
		if d, ok := c.latestDecision(r.Number, StepCouncil, m); ok && d.Outcome == NotAdopted {
			return StageRejected
		}
		if d, ok := c.latestDecision(r.Number, StepExecutiveCommittee, m); ok && d.Outcome == NotAdopted {
			return StageRejected
		}
	}
	return StageProposed
}

// Municipalities are the keys of the municipalities that anchor a plan:
// those in its anchoring schedule, or else the programme's municipalities.
func Municipalities(f *plan.File) []string {
	if f == nil {
		return nil
	}
	var out []string
	for _, a := range f.Plan.Anchoring {
		if a.Municipality != "" && !slices.Contains(out, a.Municipality) {
			out = append(out, a.Municipality)
		}
	}
	if len(out) > 0 {
		return out
	}
	return append(out, f.Programme.Municipalities...)
}

// Funders are the keys of the programme's funders, each of whom may
// approve a plan.
func Funders(f *plan.File) []string {
	if f == nil {
		return nil
	}
	var out []string
	for _, p := range f.Programme.Parties {
		if p.Role == plan.RoleFunder && !slices.Contains(out, p.Org) {
			out = append(out, p.Org)
		}
	}
	return out
}

// Wait is a decision the cycle waits for.
type Wait struct {
	Step Step
	// Organisation is the municipality or funder that is to decide; "" for
	// the programme itself (a new proposal).
	Organisation string
}

// Waiting lists what the plan waits for, given its latest release's
// content: the anchoring decisions not yet made, then the funders'
// approvals. A plan whose proposal was not adopted waits for a new
// proposal; an approved or published plan waits for nothing.
func (c *Cycle) Waiting(latest *plan.File) []Wait {
	r, ok := c.Latest()
	switch {
	case !ok:
		return []Wait{{Step: StepProposal}}
	case r.Kind == Approved || r.Kind == Published:
		return nil
	case c.Stage(latest) == StageRejected:
		return []Wait{{Step: StepProposal}}
	}
	var out []Wait
	if r.Kind == Proposed {
		for _, m := range Municipalities(latest) {
			if _, ok := c.latestDecision(r.Number, StepExecutiveCommittee, m); !ok {
				if _, ok := c.latestDecision(r.Number, StepCouncil, m); !ok {
					out = append(out, Wait{StepExecutiveCommittee, m})
					continue
				}
			}
			if _, ok := c.latestDecision(r.Number, StepCouncil, m); !ok {
				out = append(out, Wait{StepCouncil, m})
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	for _, f := range Funders(latest) {
		out = append(out, Wait{StepApproval, f})
	}
	return out
}

// ChangesAsked lists the anchoring decisions that adopted the latest
// proposal with changes: the changes the draft is to take in.
func (c *Cycle) ChangesAsked() []Decision {
	p, ok := c.proposal()
	if !ok {
		return nil
	}
	var out []Decision
	for _, d := range c.DecisionsOn(p.Number) {
		if d.Step.Anchoring() && d.Outcome == AdoptedWithChanges {
			out = append(out, d)
		}
	}
	return out
}
