package cycle

import (
	"time"

	"planverk/plan"
)

// Kind is what made a release.
type Kind string

// The kinds of release, in the order of the cycle. Published is for
// programmes that publish a plan without a proposal and an approval.
const (
	Published Kind = "published"
	Proposed  Kind = "proposal"
	Anchored  Kind = "anchored"
	Approved  Kind = "approved"
)

// Kinds lists the kinds of release.
var Kinds = []Kind{Published, Proposed, Anchored, Approved}

// Status is the plan status a release of the kind carries.
func (k Kind) Status() plan.Status {
	switch k {
	case Proposed:
		return plan.StatusProposal
	case Anchored:
		return plan.StatusAnchored
	case Approved:
		return plan.StatusApproved
	}
	return plan.StatusDraft
}

// KindOfStatus is the release kind a plan file's status asks for when a
// plan decided outside planverk is imported: a proposed, anchored or
// approved plan is released as such, any other as published.
func KindOfStatus(s plan.Status) Kind {
	switch s {
	case plan.StatusProposal:
		return Proposed
	case plan.StatusAnchored:
		return Anchored
	case plan.StatusApproved:
		return Approved
	}
	return Published
}

// Release is one released version of a plan.
type Release struct {
	ProgrammeID string
	Year        int
	// Number counts a plan's releases from 1.
	Number int
	Kind   Kind
	// Version is the draft version the release was made from.
	Version int
	At      time.Time
	// By is the user who took the step that made it (0 for an import),
	// ByName their name.
	By     int64
	ByName string
	// Note says why, in the words of whoever made it ("imported", "after
	// Tokke kommunestyre's decision").
	Note string
	// Digest is the SHA-256 of the release's content, hex: its entity tag.
	Digest string
	// Title and Language are the released plan's, for lists that show
	// what the public reads without reading the content.
	Title    string
	Language plan.Language
}
