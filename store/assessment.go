package store

import (
	"context"

	"planverk/assessment"
)

// Assessments keeps the programme status assessments: one per programme
// and year, each with the indicator set it was started on, its scores and
// comments, its team and its improvement proposals.
type Assessments interface {
	// Assessments lists a programme's assessments, newest year first;
	// plan.ENotFound for an unknown programme.
	Assessments(ctx context.Context, programmeID string) ([]assessment.Assessment, error)
	// Assessment returns a programme's assessment of a year; plan.ENotFound
	// where there is none.
	Assessment(ctx context.Context, programmeID string, year int) (assessment.Assessment, error)
	// SaveAssessment starts or changes an assessment. a.Version is the
	// version the change was made on: 0 to start one, which is
	// plan.EConflict where one is already there; for a change, the stored
	// version, or plan.EConflict. The first save keeps a.SetSource (a set
	// assessment.ParseSet reads); later saves keep the set it started on.
	// What the set refuses (assessment.Check) is plan.EInvalid. A
	// proposal's taken-up mark stays with the proposal of the same text.
	SaveAssessment(ctx context.Context, a assessment.Assessment, e Edit) (assessment.Assessment, error)
	// MarkProposals says which of an assessment's proposals were taken up
	// in next year's plan: marks holds one entry per proposal, in order.
	MarkProposals(ctx context.Context, programmeID string, year int, marks []ProposalMark, e Edit) error
	// LatestAssessments returns, for each of the programmes that has any,
	// its latest assessment's year and weighted total, in one query.
	LatestAssessments(ctx context.Context, programmeIDs []string) (map[string]AssessmentSummary, error)
}

// ProposalMark is whether a proposal was taken up, and in which measure
// (by its lasting identity; empty for the plan as a whole).
type ProposalMark struct {
	TakenUp bool
	In      string
}

// AssessmentSummary is an assessment in a line: its year and its weighted
// total in hundredths, or Complete false where a dimension is unscored.
type AssessmentSummary struct {
	Year     int
	Overall  int64
	Complete bool
}
