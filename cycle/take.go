package cycle

import (
	"net/url"
	"slices"
	"strings"

	"planverk/plan"
)

// Input is what Take needs besides the cycle: the working draft, the
// content of the latest release, and the day.
type Input struct {
	// Draft is the working draft (the latest version) and DraftVersion its
	// number; a proposal and a publication release it.
	Draft        *plan.File
	DraftVersion int
	// Latest is the content of the latest release; nil where there is none.
	Latest *plan.File
	// Blockers are the findings that stop the draft from being proposed:
	// a changed measure without a reason, an ended one without an
	// assessment (see plan.Revise).
	Blockers []plan.Finding
	// Today is the date the decision is recorded on; no decision may be
	// dated after it.
	Today plan.Date
}

// Result is what a decision makes: nothing more than the decision itself,
// or a new release.
type Result struct {
	// Release, where not nil, is the content of the release the decision
	// makes, of kind Kind, from draft version Version.
	Release *plan.File
	Kind    Kind
	Version int
	// AboutRelease is the number of the release the decision is about (for
	// a proposal or publication, the one it makes).
	AboutRelease int
	// Number is the number the new release gets: the next one.
	Number int
}

// Take checks whether decision d may be recorded now, and says what it
// makes. The error is a *plan.Error with a message key for the user.
func (c *Cycle) Take(d Decision, in Input) (Result, error) {
	if !d.Step.Valid() {
		return Result{}, fail(plan.EInvalid, "cycle.error.step", nil, "unknown step %q", d.Step)
	}
	if d.Step != StepPublication {
		if d.Date.IsZero() {
			return Result{}, fail(plan.EInvalid, "cycle.error.date-required", nil, "the decision needs a date")
		}
		// A decision recorded now is a meeting on a known day; only what
		// a plan file tells of the past may be known to the month.
		if d.Date.Precision != plan.PrecisionDay {
			return Result{}, fail(plan.EInvalid, "cycle.error.date-day", nil, "the decision needs its day")
		}
	}
	if !d.Date.IsZero() && !in.Today.IsZero() && in.Today.Before(d.Date) {
		return Result{}, fail(plan.EInvalid, "cycle.error.date-future", nil, "a decision cannot be dated after today")
	}
	if d.MinutesURL != "" {
		if u, err := url.Parse(d.MinutesURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return Result{}, fail(plan.EInvalid, "cycle.error.minutes-url", nil, "the link to the minutes must be a web address (https://…)")
		}
	}
	next := 1
	if r, ok := c.Latest(); ok {
		next = r.Number + 1
	}
	var res Result
	var err error
	switch d.Step {
	case StepProposal, StepPublication:
		res, err = c.release(d, in, next)
	case StepExecutiveCommittee, StepCouncil:
		res, err = c.anchor(d, in)
	default:
		res, err = c.approve(d, in)
	}
	if res.Release != nil {
		res.Number = next
	}
	return res, err
}

// release makes a proposal or publication of the working draft.
func (c *Cycle) release(d Decision, in Input, next int) (Result, error) {
	if in.Draft == nil {
		return Result{}, fail(plan.ENotFound, "cycle.error.no-draft", nil, "there is no draft to release")
	}
	if d.Step == StepProposal && strings.TrimSpace(d.Body) == "" {
		return Result{}, fail(plan.EInvalid, "cycle.error.body-required", nil, "say which body proposes the plan")
	}
	if n := len(in.Blockers); n > 0 && d.Step == StepProposal {
		return Result{}, fail(plan.EInvalid, "cycle.error.blocked", plan.Args{"Count": n},
			"the plan cannot be proposed while %d revision errors stand", n)
	}
	if r, ok := c.Latest(); ok && in.Latest != nil && SameContent(in.Latest, in.Draft) {
		kind := Proposed
		if d.Step == StepPublication {
			kind = Published
		}
		// Proposing again what was proposed, or publishing what is
		// already out, releases nothing new.
		if r.Kind == kind || r.Kind == Approved || r.Kind == Anchored && kind == Proposed {
			return Result{}, fail(plan.EConflict, "cycle.error.unchanged", plan.Args{"Release": r.Number},
				"the draft is the same as release %d: there is nothing new to release", r.Number)
		}
	}
	kind := Published
	if d.Step == StepProposal {
		kind = Proposed
	}
	content := Copy(in.Draft)
	if kind != Published {
		content.Plan.Status = kind.Status()
	}
	return Result{Release: content, Kind: kind, Version: in.DraftVersion, AboutRelease: next}, nil
}

// anchor records a municipality's executive committee's or council's
// decision on the latest proposal, and anchors the plan once every
// municipality's council has adopted it.
func (c *Cycle) anchor(d Decision, in Input) (Result, error) {
	r, ok := c.Latest()
	if !ok || r.Kind != Proposed || in.Latest == nil {
		return Result{}, fail(plan.EConflict, "cycle.error.not-proposed", nil, "the plan is not proposed: there is nothing to anchor")
	}
	munis := Municipalities(in.Latest)
	if !slices.Contains(munis, d.Organisation) {
		return Result{}, fail(plan.EInvalid, "cycle.error.not-scheduled", plan.Args{"Organisation": d.Organisation},
			"%s is not in the plan's anchoring schedule", d.Organisation)
	}
	if !d.Outcome.Valid() {
		return Result{}, fail(plan.EInvalid, "cycle.error.outcome", nil, "say what the body decided")
	}
	if p, ok := c.latestDecision(r.Number, StepProposal, ""); ok && d.Date.Before(p.Date) {
		return Result{}, fail(plan.EInvalid, "cycle.error.before-proposal", plan.Args{"Date": p.Date},
			"the decision cannot come before the proposal of %s", p.Date)
	}
	if d.Step == StepCouncil {
		if ec, ok := c.latestDecision(r.Number, StepExecutiveCommittee, d.Organisation); ok && d.Date.Before(ec.Date) {
			return Result{}, fail(plan.EInvalid, "cycle.error.council-before-committee", plan.Args{"Date": ec.Date},
				"the council cannot decide before the executive committee did, on %s", ec.Date)
		}
	} else if co, ok := c.latestDecision(r.Number, StepCouncil, d.Organisation); ok && co.Date.Before(d.Date) {
		return Result{}, fail(plan.EInvalid, "cycle.error.committee-after-council", plan.Args{"Date": co.Date},
			"the executive committee cannot decide after the council did, on %s", co.Date)
	}
	res := Result{AboutRelease: r.Number}
	if d.Step != StepCouncil || !d.Outcome.Adopts() {
		return res, nil
	}
	// With this decision, has every council adopted it?
	d.Release = r.Number
	after := &Cycle{Releases: c.Releases, Decisions: append(slices.Clip(c.Decisions), d)}
	for _, m := range munis {
		co, ok := after.latestDecision(r.Number, StepCouncil, m)
		if !ok || !co.Outcome.Adopts() {
			return res, nil
		}
	}
	content := Copy(in.Latest)
	content.Plan.Status = plan.StatusAnchored
	after.fillAnchoring(content, r.Number, munis)
	res.Release, res.Kind, res.Version = content, Anchored, r.Version
	return res, nil
}

// fillAnchoring writes the anchoring decisions into the plan's anchoring
// schedule and approvals table, as a printed plan shows them.
func (c *Cycle) fillAnchoring(f *plan.File, release int, munis []string) {
	for _, m := range munis {
		i := slices.IndexFunc(f.Plan.Anchoring, func(a plan.Anchoring) bool { return a.Municipality == m })
		if i < 0 {
			f.Plan.Anchoring = append(f.Plan.Anchoring, plan.Anchoring{Municipality: m})
			i = len(f.Plan.Anchoring) - 1
		}
		a := &f.Plan.Anchoring[i]
		if ec, ok := c.latestDecision(release, StepExecutiveCommittee, m); ok {
			a.ExecutiveCommittee = ptr(ec.Date)
		}
		co, _ := c.latestDecision(release, StepCouncil, m)
		a.Council = ptr(co.Date)
		if co.Outcome == AdoptedWithChanges && co.Note != "" {
			a.Note = co.Note
		}
		// A printed plan's approvals table lists the councils that adopted
		// it where it lists them at all.
		if j := slices.IndexFunc(f.Plan.Approvals, func(p plan.Approval) bool { return p.Party == m }); j >= 0 {
			f.Plan.Approvals[j].Date = ptr(co.Date)
		}
	}
}

// approve records a funder's approval of the anchored plan (or of the
// proposal, where no municipality anchors it).
func (c *Cycle) approve(d Decision, in Input) (Result, error) {
	r, ok := c.Latest()
	if !ok || in.Latest == nil {
		return Result{}, fail(plan.EConflict, "cycle.error.nothing-to-approve", nil, "nothing is proposed: there is nothing to approve")
	}
	funders := Funders(in.Latest)
	if len(funders) == 0 {
		return Result{}, fail(plan.EInvalid, "cycle.error.no-funder", nil, "the programme names no funder to approve its plan")
	}
	if !slices.Contains(funders, d.Organisation) {
		return Result{}, fail(plan.EInvalid, "cycle.error.not-funder", plan.Args{"Organisation": d.Organisation},
			"%s is not a funder of the programme", d.Organisation)
	}
	switch {
	case r.Kind == Anchored:
	case r.Kind == Proposed && len(Municipalities(in.Latest)) == 0:
	case r.Kind == Approved:
		// Another funder approves what one has approved already.
		p, _ := c.proposal()
		for _, x := range c.Decisions {
			if x.Step == StepApproval && x.Organisation == d.Organisation && x.Release >= p.Number {
				return Result{}, fail(plan.EConflict, "cycle.error.approved-already", nil, "this funder has approved the plan already")
			}
		}
	case r.Kind == Proposed:
		return Result{}, fail(plan.EConflict, "cycle.error.not-anchored", nil, "the plan is not yet anchored in every municipality")
	default:
		return Result{}, fail(plan.EConflict, "cycle.error.nothing-to-approve", nil, "nothing is proposed: there is nothing to approve")
	}
	if strings.TrimSpace(d.CaseRef) == "" {
		return Result{}, fail(plan.EInvalid, "cycle.error.reference-required", nil, "the approval needs its reference")
	}
	last := c.lastAnchoring()
	// A plan anchored before planverk held it has its councils' dates
	// in its anchoring schedule only.
	for _, a := range in.Latest.Plan.Anchoring {
		if a.Council != nil && last.Before(*a.Council) {
			last = *a.Council
		}
	}
	if !last.IsZero() && d.Date.Before(last) {
		return Result{}, fail(plan.EInvalid, "cycle.error.approval-before-anchoring", plan.Args{"Date": last},
			"the approval cannot come before the anchoring was complete, on %s", last)
	}
	sources := map[string]bool{}
	for _, s := range in.Latest.Plan.Sources {
		sources[s.ID] = true
	}
	for _, a := range d.Amounts {
		if !sources[a.Source] {
			return Result{}, fail(plan.EInvalid, "cycle.error.unknown-source", plan.Args{"Source": a.Source},
				"the plan has no funding source %q", a.Source)
		}
		if a.Amount < 0 {
			return Result{}, fail(plan.EInvalid, "cycle.error.negative-amount", nil, "an approved amount cannot be negative")
		}
	}
	content := Copy(in.Latest)
	content.Plan.Status = plan.StatusApproved
	note := strings.TrimSpace(d.CaseRef)
	if d.Conditions != "" {
		note += ". " + strings.TrimSpace(d.Conditions)
	}
	if i := slices.IndexFunc(content.Plan.Approvals, func(p plan.Approval) bool { return p.Party == d.Organisation && p.Date == nil }); i >= 0 {
		content.Plan.Approvals[i].Date = ptr(d.Date)
		content.Plan.Approvals[i].Note = note
		if d.Body != "" {
			content.Plan.Approvals[i].Body = d.Body
		}
	} else {
		content.Plan.Approvals = append(content.Plan.Approvals,
			plan.Approval{Party: d.Organisation, Date: ptr(d.Date), Body: d.Body, Note: note})
	}
	return Result{Release: content, Kind: Approved, Version: r.Version, AboutRelease: r.Number}, nil
}

// lastAnchoring is the date the latest proposal was complete at: its own
// date, or its latest council decision's; zero where there is none.
func (c *Cycle) lastAnchoring() plan.Date {
	p, ok := c.proposal()
	if !ok {
		return plan.Date{}
	}
	var last plan.Date
	for _, d := range c.DecisionsOn(p.Number) {
		if (d.Step == StepCouncil || d.Step == StepProposal) && last.Before(d.Date) {
			last = d.Date
		}
	}
	return last
}

func ptr(d plan.Date) *plan.Date { return &d }

func fail(code, key string, args plan.Args, format string, a ...any) error {
	return plan.Keyed(code, key, args, format, a...)
}

// Blockers are the findings that stop a draft from being proposed: the
// errors of its revision against base, the approved plan it revises.
func Blockers(base, draft *plan.File) []plan.Finding {
	var out []plan.Finding
	for _, f := range plan.CheckRevision(base, draft) {
		if f.Severity == plan.SeverityError {
			out = append(out, f)
		}
	}
	return out
}
