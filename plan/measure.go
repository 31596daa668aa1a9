package plan

import "strconv"

// Priority says whether a measure is prioritised this year or later in the
// period (the grey text of a printed plan).
type Priority string

// The priorities.
const (
	PriorityNow   Priority = "now"
	PriorityLater Priority = "later"
)

// Priorities lists the allowed priorities.
var Priorities = []Priority{PriorityNow, PriorityLater}

// MeasureStatus is how far a measure has come.
type MeasureStatus string

// The statuses of a measure.
const (
	MeasurePlanned   MeasureStatus = "planned"
	MeasureOngoing   MeasureStatus = "ongoing"
	MeasureCompleted MeasureStatus = "completed"
	MeasureEnded     MeasureStatus = "ended"
)

// MeasureStatuses lists the allowed statuses.
var MeasureStatuses = []MeasureStatus{MeasurePlanned, MeasureOngoing, MeasureCompleted, MeasureEnded}

// Measure is a measure (tiltak) under a goal.
type Measure struct {
	// ID is the measure's lasting identity: it stays the same when the
	// measure is renumbered, moved to another goal or carried into next
	// year's plan, so that the yearly revision can tell a changed measure
	// from a new one. planverk gives a measure one when it is first stored
	// (see AssignMeasureIDs); a plan file may set it.
	ID string `yaml:"id,omitempty" json:"id,omitempty"`
	// Number is the measure's number under its goal; it may be left out
	// where Label names the measure.
	Number int `yaml:"number,omitempty" json:"number,omitempty"`
	// Label is the programme's own name for the measure where it is not a
	// plain number ("P1", "203"), shown as the plan prints it.
	Label string `yaml:"label,omitempty" json:"label,omitempty"`
	Title string `yaml:"title" json:"title"`
	// Summary is the short text under the title, before the sections.
	Summary  Markdown `yaml:"summary,omitempty" json:"summary,omitempty"`
	Leads    []Actor  `yaml:"leads,omitempty" json:"leads,omitempty"`
	Partners []Actor  `yaml:"partners,omitempty" json:"partners,omitempty"`
	// PartnersAndOthers is set where the plan ends the partner list with
	// "and others" (m.fl.).
	PartnersAndOthers bool          `yaml:"partners_and_others,omitempty" json:"partners_and_others,omitempty"`
	TimeFrame         TimeFrame     `yaml:"time_frame,omitempty" json:"time_frame,omitempty"`
	Priority          Priority      `yaml:"priority,omitempty" json:"priority,omitempty"`
	Status            MeasureStatus `yaml:"status,omitempty" json:"status,omitempty"`
	// Schemes are the ids of the support schemes (in planverk's catalogue)
	// the measure uses or points people to, such as Husbanken's loans.
	Schemes  []string  `yaml:"schemes,omitempty" json:"schemes,omitempty"`
	Sections []Section `yaml:"sections,omitempty" json:"sections,omitempty"`
	// People are the people the plan names for the measure, such as its
	// project lead.
	People []Person `yaml:"people,omitempty" json:"people,omitempty"`
}

// Actor is a lead or partner of a measure: an organisation, or a group or
// role the plan names in words ("private developers", "the project manager").
// Exactly one of Org and Text is set.
type Actor struct {
	Org string `yaml:"org,omitempty" json:"org,omitempty"`
	// As is how the plan writes the organisation's name here, where it
	// differs from the organisation's name ("TFK").
	As   string `yaml:"as,omitempty" json:"as,omitempty"`
	Text string `yaml:"text,omitempty" json:"text,omitempty"`
}

// TimeFrame is the years a measure runs, or a note that it is to be decided at
// the next revision.
type TimeFrame struct {
	From int `yaml:"from,omitempty" json:"from,omitempty"`
	To   int `yaml:"to,omitempty" json:"to,omitempty"`
	// NextRevision marks a time frame to be decided at the next revision.
	NextRevision bool `yaml:"next_revision,omitempty" json:"next_revision,omitempty"`
	// Text is the time frame as printed, where it is words rather than years.
	Text string `yaml:"text,omitempty" json:"text,omitempty"`
}

// IsZero reports whether no time frame is given.
func (t TimeFrame) IsZero() bool { return t == TimeFrame{} }

// Name is how the plan names the measure: its label, or else its number.
func (m Measure) Name() string {
	if m.Label != "" {
		return m.Label
	}
	if m.Number != 0 {
		return strconv.Itoa(m.Number)
	}
	return ""
}
