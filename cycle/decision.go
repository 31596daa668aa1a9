package cycle

import (
	"time"

	"planverk/plan"
)

// Step is the kind of decision a plan's cycle records.
type Step string

// The steps. A proposal and a publication release the working draft; the
// anchoring decisions are about the latest proposal; an approval is about
// the anchored (or, where nobody anchors it, the proposed) release.
const (
	StepProposal           Step = "proposal"
	StepExecutiveCommittee Step = "executive-committee"
	StepCouncil            Step = "council"
	StepApproval           Step = "approval"
	StepPublication        Step = "publication"
)

// Steps lists the steps in the order of the cycle.
var Steps = []Step{StepProposal, StepExecutiveCommittee, StepCouncil, StepApproval, StepPublication}

// Valid reports whether s is one of the steps.
func (s Step) Valid() bool {
	for _, x := range Steps {
		if x == s {
			return true
		}
	}
	return false
}

// Anchoring reports whether the step is a municipality's decision.
func (s Step) Anchoring() bool { return s == StepExecutiveCommittee || s == StepCouncil }

// Outcome is what a political body decided.
type Outcome string

// The outcomes of an anchoring decision.
const (
	Adopted            Outcome = "adopted"
	AdoptedWithChanges Outcome = "adopted-with-changes"
	NotAdopted         Outcome = "not-adopted"
)

// Outcomes lists the outcomes.
var Outcomes = []Outcome{Adopted, AdoptedWithChanges, NotAdopted}

// Valid reports whether o is one of the outcomes.
func (o Outcome) Valid() bool {
	for _, x := range Outcomes {
		if x == o {
			return true
		}
	}
	return false
}

// Adopts reports whether the outcome adopts the plan, with changes or not.
func (o Outcome) Adopts() bool { return o == Adopted || o == AdoptedWithChanges }

// Decision is one recorded decision in a plan's cycle.
type Decision struct {
	ID   int64
	Step Step
	// Release is the number of the release the decision is about: for a
	// proposal or publication the release it made, for an anchoring
	// decision the proposal, for an approval the release approved.
	Release int
	// Organisation is the key of the municipality (anchoring), the funder
	// (approval) or the body's organisation (proposal), where there is one.
	Organisation string
	// Body is the deciding body in words: "Styret i Driv",
	// "styringsgruppa".
	Body string
	Date plan.Date
	// CaseRef is the case or reference number in the decider's archive.
	CaseRef string
	// Outcome is set for anchoring decisions.
	Outcome Outcome
	Note    string
	// MinutesURL links to the minutes (protokoll) of the meeting.
	MinutesURL string
	// Conditions are the funder's conditions for an approval.
	Conditions string
	// Amounts are what the funder approved, per funding source of the plan.
	Amounts []Amount
	// Made is the number of the release the decision made, 0 for none.
	Made int
	// At and By say when the decision was recorded, and by whom.
	At     time.Time
	By     int64
	ByName string
}

// Amount is an amount approved from one funding source.
type Amount struct {
	Source string
	Amount int64
}
