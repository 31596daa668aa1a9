package store

import (
	"context"

	"planverk/followup"
)

// Reports keeps the project managers' reports, the accounts of the
// projects' managers, and what the job ledger reads of them.
type Reports interface {
	// ProjectReports lists a project's reports, oldest period first. An
	// unknown programme or project is plan.ENotFound.
	ProjectReports(ctx context.Context, programmeID string, projectID int64) ([]followup.Report, error)
	// Report returns one report of a project; plan.ENotFound where the
	// project has no report with the ID.
	Report(ctx context.Context, programmeID string, projectID, id int64) (followup.Report, error)
	// SaveReport registers a report (ID 0) or replaces a stored one's
	// contents. Only a draft or a returned report may be saved, as a
	// draft or submitted (r.State); a stored one only if r.Version is
	// still its version, otherwise it is plan.EConflict. A report saved
	// as submitted records e.Author as who submitted it, and now. A new
	// report whose e.Submission registered one before is not registered
	// again: the first comes back.
	SaveReport(ctx context.Context, r followup.Report, e Edit) (followup.Report, error)
	// DecideReport accepts a submitted report or returns it with a
	// comment, from the version the decider saw: plan.EConflict where it
	// has changed or is not submitted.
	DecideReport(ctx context.Context, d ReportDecision, e Edit) (followup.Report, error)
	// AcceptedReports reads, for every programme named, its accepted
	// reports and which of its projects the programme supports, in a
	// fixed number of queries however many programmes there are. An
	// unknown programme is left out.
	AcceptedReports(ctx context.Context, programmeIDs []string) (map[string]ReportSet, error)
	// AddReports registers many reports of a programme's projects in one
	// transaction, all or none, each in the state it has: a bulk load
	// (the synthetic data set) that would take minutes report by report
	// through SaveReport and DecideReport. A submitted, accepted or
	// returned report records e.Author as who submitted it, an accepted
	// or returned one as who decided it, at the report's SubmittedAt and
	// DecidedAt where set and now where not. A report that fails
	// followup.Report.Check is plan.EInvalid; one of a project not the
	// programme's, or an unknown programme, plan.ENotFound. It returns
	// how many it registered.
	AddReports(ctx context.Context, programmeID string, reps []followup.Report, e Edit) (int, error)

	// ProjectManager returns the account of a project's manager, 0 and
	// "" for none.
	ProjectManager(ctx context.Context, programmeID string, projectID int64) (int64, string, error)
	// SetProjectManager links a project to its manager's account; 0
	// unlinks it.
	SetProjectManager(ctx context.Context, programmeID string, projectID, userID int64) error
	// ManagedProjects lists the projects whose manager the account is.
	ManagedProjects(ctx context.Context, userID int64) ([]ManagedProject, error)
}

// ReportDecision is the programme's decision on a submitted report.
type ReportDecision struct {
	ProgrammeID string
	ProjectID   int64
	ID          int64
	// Version is the report's version the decider saw.
	Version int
	// Accept accepts the report; otherwise it is returned with Comment.
	Accept  bool
	Comment string
}

// ReportSet is what the job ledger needs of a programme: its accepted
// reports, and for each of its projects whether the programme supports it
// (a standing commitment) and whether it is public.
type ReportSet struct {
	Reports   []followup.Report
	Supported map[int64]bool
	Public    map[int64]bool
	// Names names every project that has an accepted report.
	Names map[int64]string
	// Sample marks the projects that are invented sample data, whose
	// reports are sample data too.
	Sample map[int64]bool
}

// ManagedProject is a project an account manages.
type ManagedProject struct {
	ProgrammeID, ProgrammeName string
	ProjectID                  int64
	Title                      string
}
