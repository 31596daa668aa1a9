package followup

import (
	"fmt"
	"time"

	"planverk/plan"
)

// ReportKind is whether a project report is one along the way or the last.
type ReportKind string

// The kinds of report.
const (
	ReportInterim ReportKind = "interim"
	ReportFinal   ReportKind = "final"
)

// ReportKinds lists the kinds of report.
var ReportKinds = []ReportKind{ReportInterim, ReportFinal}

// Progress is how the project manager judges the project is going.
type Progress string

// The judgements of progress.
const (
	ProgressOnTrack Progress = "on-track"
	ProgressDelayed Progress = "delayed"
	ProgressStopped Progress = "stopped"
)

// Progresses lists the judgements of progress.
var Progresses = []Progress{ProgressOnTrack, ProgressDelayed, ProgressStopped}

// ReportState is where a report is on its way from the project manager to
// the programme.
type ReportState string

// The states of a report. A draft and a returned report may be changed and
// submitted; a submitted one is accepted or returned by the programme; an
// accepted one is final, and only accepted reports count.
const (
	ReportDraft     ReportState = "draft"
	ReportSubmitted ReportState = "submitted"
	ReportAccepted  ReportState = "accepted"
	ReportReturned  ReportState = "returned"
)

// ReportStates lists the states in their usual order.
var ReportStates = []ReportState{ReportDraft, ReportSubmitted, ReportAccepted, ReportReturned}

// Report is a project manager's report (prosjektlederrapport) on a period
// of a project: how it goes against the project's goals, the money spent,
// and the results the programme counts.
type Report struct {
	// ID is the store's number for the report, 0 for one not stored.
	ID          int64      `json:"id"`
	ProgrammeID string     `json:"programme"`
	ProjectID   int64      `json:"project"`
	Kind        ReportKind `json:"kind"`
	// From and To are the period the report covers. The jobs of a report
	// count in the year its period ends.
	From plan.Date `json:"from"`
	To   plan.Date `json:"to"`
	// Progress is the manager's judgement, Account what the project did
	// against its goals, in words.
	Progress Progress `json:"progress"`
	Account  string   `json:"account,omitempty"`
	// Spent is the money the project spent in the period; nil where not
	// given.
	Spent *plan.Amount `json:"spent,omitempty"`
	// JobsCreated and JobsSecured are counted gross: a job created or
	// secured in the period counts even if it is later lost.
	JobsCreated   int `json:"jobs_created"`
	JobsSecured   int `json:"jobs_secured"`
	NewBusinesses int `json:"new_businesses"`
	// Results are the other results the programme counts, each with its
	// label ("courses held") and number.
	Results []Result    `json:"results,omitempty"`
	State   ReportState `json:"state"`
	// Comment is the programme's comment when it returned the report.
	Comment string `json:"comment,omitempty"`
	// SubmittedBy and DecidedBy name who submitted the report and who
	// accepted or returned it, with when; "" and nil for not yet.
	SubmittedBy string     `json:"submitted_by,omitempty"`
	SubmittedAt *time.Time `json:"submitted_at,omitempty"`
	DecidedBy   string     `json:"decided_by,omitempty"`
	DecidedAt   *time.Time `json:"decided_at,omitempty"`
	// Version counts the report's saves, for an edit to tell whether
	// someone else saved it meanwhile.
	Version       int       `json:"version"`
	UpdatedAt     time.Time `json:"updated_at"`
	UpdatedByName string    `json:"updated_by,omitempty"`
}

// Result is one other result of a report: a label and a number.
type Result struct {
	Label string `json:"label"`
	Count int64  `json:"count"`
}

// Valid reports whether the kind is one planverk knows.
func (k ReportKind) Valid() bool { return k == ReportInterim || k == ReportFinal }

// Valid reports whether the judgement is one planverk knows.
func (p Progress) Valid() bool {
	return p == ProgressOnTrack || p == ProgressDelayed || p == ProgressStopped
}

// Valid reports whether the state is one planverk knows.
func (s ReportState) Valid() bool {
	for _, q := range ReportStates {
		if s == q {
			return true
		}
	}
	return false
}

// Editable reports whether a report in the state may still be changed by
// its writer: a draft, or one the programme returned.
func (s ReportState) Editable() bool { return s == ReportDraft || s == ReportReturned }

// Jobs is the report's gross jobs: those created and those secured.
func (r Report) Jobs() int { return r.JobsCreated + r.JobsSecured }

// Year is the year the report's jobs count in: the year its period ends.
func (r Report) Year() int { return r.To.Year }

// Check says what makes the report one that cannot be kept: an unknown
// kind, judgement or state, a period that ends before it starts, or a
// count below nought. It is the store's last guard; forms name the field.
func (r Report) Check() error {
	switch {
	case !r.Kind.Valid():
		return fmt.Errorf("report kind %q", r.Kind)
	case !r.Progress.Valid():
		return fmt.Errorf("report progress %q", r.Progress)
	case !r.State.Valid():
		return fmt.Errorf("report state %q", r.State)
	case r.From.IsZero() || r.To.IsZero():
		return fmt.Errorf("a report needs a period")
	case r.To.Before(r.From):
		return fmt.Errorf("the period ends (%s) before it starts (%s)", r.To, r.From)
	case r.JobsCreated < 0 || r.JobsSecured < 0 || r.NewBusinesses < 0:
		return fmt.Errorf("jobs and businesses are counted from nought")
	case r.Spent != nil && *r.Spent < 0:
		return fmt.Errorf("money spent is below nought")
	}
	for i, res := range r.Results {
		if res.Label == "" {
			return fmt.Errorf("result %d has no label", i+1)
		}
		if res.Count < 0 {
			return fmt.Errorf("result %q is below nought", res.Label)
		}
	}
	return nil
}
