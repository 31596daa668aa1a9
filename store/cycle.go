package store

import (
	"context"

	"planverk/cycle"
	"planverk/plan"
)

// Cycles keeps each plan's yearly cycle: its releases, the immutable
// copies the public and the funder read, and the decisions that made them.
type Cycles interface {
	// Cycle returns a plan's releases and decisions, in the order they were
	// made. A plan without any is an empty cycle; an unknown plan is
	// plan.ENotFound.
	Cycle(ctx context.Context, programmeID string, year int) (cycle.Cycle, error)
	// LoadRelease returns the content of release number n of a plan, or of
	// its latest release where n is 0 (plan.ENotFound where it has none).
	LoadRelease(ctx context.Context, programmeID string, year, n int) (*plan.File, cycle.Release, error)
	// PublicRelease is LoadRelease for a plan opened to everyone; for any
	// other it is plan.ENotFound.
	PublicRelease(ctx context.Context, programmeID string, year, n int) (*plan.File, cycle.Release, error)
	// PublicReleaseInfo is PublicRelease without the content: the record of
	// the release, whose digest says whether a page made from it before
	// is still the same. It reads one row, so that a page served from
	// memory costs one query.
	PublicReleaseInfo(ctx context.Context, programmeID string, year, n int) (cycle.Release, error)
	// RevisionBase returns the approved plan a plan's draft revises: the
	// latest approved release of the same year, or else the release the
	// draft was rolled from. ok is false where there is none.
	RevisionBase(ctx context.Context, programmeID string, year int) (base *plan.File, r cycle.Release, ok bool, err error)
	// TakeStep records a decision in a plan's cycle, in one transaction:
	// cycle.Take decides whether it may be recorded and which release it
	// makes; a proposal is refused while the draft has revision errors
	// against its base. A release opens the plan to the public. An
	// anchored or approved release writes its anchoring dates and approvals
	// into the draft as well, so that the draft goes on from what was
	// decided. An Edit whose Submission was seen before records nothing and
	// returns what that submission made.
	TakeStep(ctx context.Context, programmeID string, year int, d cycle.Decision, e Edit) (StepTaken, error)
	// RollPlan starts the plan for year from the plan of the year before it
	// (plan.Roll): from its latest approved release, or else its latest
	// release, or else its draft. The new plan is a draft, seen by the
	// programme's members only. A plan that exists for year is
	// plan.EConflict.
	RollPlan(ctx context.Context, programmeID string, year int, e Edit) (PlanVersion, error)
	// ReleaseImported releases the latest version of a plan decided outside
	// planverk, as kind, where the plan has no release yet: the first
	// import of a plan that was already proposed, anchored or approved.
	// released is false where the plan had a release already.
	ReleaseImported(ctx context.Context, programmeID string, year int, kind cycle.Kind) (r cycle.Release, released bool, err error)
}

// StepTaken is what TakeStep recorded.
type StepTaken struct {
	Decision cycle.Decision
	// Release is the release the decision made; Made says whether it made
	// one.
	Release cycle.Release
	Made    bool
	// Repeated is set where the submission had been recorded before.
	Repeated bool
}
