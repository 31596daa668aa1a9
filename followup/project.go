// Package followup holds what a programme does through the year with its
// plan: the projects that carry out its measures, the grants committed to
// them and the payments made, and the checks of that money against the
// projects' budgets and the plan's goals and financing. It is pure: the
// store keeps projects, and the checks read them beside the plans.
package followup

import (
	"time"

	"planverk/plan"
)

// Phase is how far a project has come in the usual sequence of a
// restructuring programme's projects.
type Phase string

// The phases.
const (
	PhasePreStudy   Phase = "pre-study"
	PhasePreProject Phase = "pre-project"
	PhaseMain       Phase = "main"
)

// Phases lists the phases in their order.
var Phases = []Phase{PhasePreStudy, PhasePreProject, PhaseMain}

// Status is where a project stands. An idea is a project with no grant
// yet, so that a programme's proactive work is followed too.
type Status string

// The statuses.
const (
	StatusIdea        Status = "idea"
	StatusApplication Status = "application"
	StatusGranted     Status = "granted"
	StatusUnderway    Status = "underway"
	StatusFinished    Status = "finished"
	StatusCancelled   Status = "cancelled"
)

// Statuses lists the statuses in their usual order.
var Statuses = []Status{StatusIdea, StatusApplication, StatusGranted, StatusUnderway, StatusFinished, StatusCancelled}

// Valid reports whether the phase is one planverk knows; "" is no phase.
func (p Phase) Valid() bool {
	for _, q := range Phases {
		if p == q {
			return true
		}
	}
	return p == ""
}

// Valid reports whether the status is one planverk knows.
func (s Status) Valid() bool {
	for _, q := range Statuses {
		if s == q {
			return true
		}
	}
	return false
}

// Public reports whether a project in the status is a public matter: a
// grant is a public decision, while an idea or an application is the
// applicant's business until the programme decides on it.
func (s Status) Public() bool {
	return s == StatusGranted || s == StatusUnderway || s == StatusFinished
}

// Project is a project of a programme.
type Project struct {
	// ID is the store's number for the project, 0 for one not stored.
	ID          int64  `json:"id"`
	ProgrammeID string `json:"programme"`
	Title       string `json:"title"`
	// Label is the programme's own short name or number for the project.
	Label string `json:"label,omitempty"`
	// Measures are the lasting identities (plan.Measure.ID) of the
	// measures the project serves, so that it still serves them after
	// the yearly revision renumbers them. The first is its main measure:
	// its goal is the goal the project's grants count towards.
	Measures []string `json:"measures,omitempty"`
	// Goal is the number of the goal the project serves where it serves
	// no measure, as in a plan whose goals have no measures of their own;
	// 0 for none.
	Goal int `json:"goal,omitempty"`
	// Owner is the applicant or owner organisation, as named.
	Owner string `json:"owner,omitempty"`
	// Manager is the project manager; Sponsor the board member who
	// follows the project ("fadder").
	Manager string `json:"manager,omitempty"`
	Sponsor string `json:"sponsor,omitempty"`
	// From and To are the project's period, to the day, month or year.
	From   *plan.Date `json:"from,omitempty"`
	To     *plan.Date `json:"to,omitempty"`
	Phase  Phase      `json:"phase,omitempty"`
	Status Status     `json:"status"`
	// CaseRef is the case reference in the county's case system or in
	// regionalforvaltning.no.
	CaseRef string `json:"case_ref,omitempty"`
	// Budget is the project's total budget; OwnShare the applicant's own
	// contribution (eigendel) and OtherFinancing the money from others
	// than the programme. nil where not given.
	Budget         *plan.Amount `json:"budget,omitempty"`
	OwnShare       *plan.Amount `json:"own_share,omitempty"`
	OtherFinancing *plan.Amount `json:"other_financing,omitempty"`
	Commitments    []Commitment `json:"commitments,omitempty"`
	// Sample marks a project as invented sample data, as the examples'
	// projects are: every page and the API say so.
	Sample bool `json:"sample"`
	// Version counts the project's saves, for an edit to tell whether
	// someone else saved it meanwhile.
	Version int `json:"version"`
	// UpdatedAt and UpdatedByName say when the project was last saved
	// and by whom ("" for no one known).
	UpdatedAt     time.Time `json:"updated_at"`
	UpdatedByName string    `json:"updated_by,omitempty"`
	// Repeated is set on a project a save returns where the save was a
	// submission seen before: nothing was saved, and this is what the
	// first one registered.
	Repeated bool `json:"-"`
}

// Commitment is a grant commitment (tilsagn) to a project.
type Commitment struct {
	ID     int64           `json:"id"`
	Amount plan.Amount     `json:"amount"`
	Kind   plan.AmountKind `json:"kind,omitempty"`
	// Source is the ID of the plan's funding source the money comes from.
	Source string `json:"source"`
	// Share is the support share the decision states: the part of the
	// project's budget the grant covers ("50 %").
	Share      plan.Share `json:"share,omitempty"`
	Decided    *plan.Date `json:"decided,omitempty"`
	Body       string     `json:"body,omitempty"`
	Deadline   *plan.Date `json:"deadline,omitempty"`
	Conditions string     `json:"conditions,omitempty"`
	// Released is the part of the commitment released or reduced, on
	// ReleasedOn: money the project will not get.
	Released   *plan.Amount `json:"released,omitempty"`
	ReleasedOn *plan.Date   `json:"released_on,omitempty"`
	// Schedule is how the decision says the money is to be paid, year
	// by year (75 % this year, 25 % next), in whole kroner; empty where
	// it says nothing. The payments are checked against it.
	Schedule []Tranche `json:"schedule,omitempty"`
	Payments []Payment `json:"payments,omitempty"`
}

// Tranche is one year of a commitment's payment schedule: what may be
// paid in the year.
type Tranche struct {
	Year   int         `json:"year"`
	Amount plan.Amount `json:"amount"`
}

// Payment is a payment (utbetaling) of a commitment, one tranche.
type Payment struct {
	ID     int64       `json:"id"`
	Date   plan.Date   `json:"date"`
	Amount plan.Amount `json:"amount"`
}

// Name is how pages name the project: its label and title.
func (p Project) Name() string {
	if p.Label != "" {
		return p.Label + " " + p.Title
	}
	return p.Title
}

// Standing is the part of the commitment still committed: its amount less
// what was released.
func (c Commitment) Standing() plan.Amount {
	if c.Released == nil {
		return c.Amount
	}
	return c.Amount - *c.Released
}

// Scheduled is the sum of the commitment's payment schedule.
func (c Commitment) Scheduled() plan.Amount {
	var sum plan.Amount
	for _, t := range c.Schedule {
		sum += t.Amount
	}
	return sum
}

// Paid is the sum of the commitment's payments.
func (c Commitment) Paid() plan.Amount {
	var sum plan.Amount
	for _, p := range c.Payments {
		sum += p.Amount
	}
	return sum
}

// Committed is the sum of the project's standing commitments.
func (p Project) Committed() plan.Amount {
	var sum plan.Amount
	for _, c := range p.Commitments {
		sum += c.Standing()
	}
	return sum
}

// Paid is the sum of every payment to the project.
func (p Project) Paid() plan.Amount {
	var sum plan.Amount
	for _, c := range p.Commitments {
		sum += c.Paid()
	}
	return sum
}

// Public reports whether everyone may see the project: one granted, under
// way or finished, or cancelled after a grant. Grants are public
// decisions; an idea or an application is not, until it is granted.
func (p Project) Public() bool {
	return p.Status.Public() || p.Status == StatusCancelled && len(p.Commitments) > 0
}
