package store

import (
	"context"

	"planverk/followup"
)

// ProjectImports stores a case-system export of projects (package
// casefile) whole.
type ProjectImports interface {
	// ImportProjects stores the projects of an import in one
	// transaction: all of them, or none where one fails. Each is matched
	// with the programme's stored project of the same case reference and
	// merged into it (followup.Merge), or registered as new; a project
	// without a case reference is plan.EInvalid. The result says which
	// were which, in the import's order. An unknown programme is
	// plan.ENotFound.
	ImportProjects(ctx context.Context, programmeID string, ps []followup.Project, e Edit) ([]ImportedProject, error)
	// ProjectsByCaseRef returns the programme's stored projects that have
	// one of the case references, by reference, for an import's preview.
	ProjectsByCaseRef(ctx context.Context, programmeID string, refs []string) (map[string]followup.Project, error)
}

// ImportedProject is one project as an import stored it.
type ImportedProject struct {
	Project followup.Project
	// Created is set for a project the import registered, unset for one
	// it merged into a stored one.
	Created bool
}

// ReportImports stores a case-system export of project reports (package
// casefile) whole.
type ReportImports interface {
	// ImportReports stores an import's reports (each with its ProjectID)
	// in one transaction: all of them, or none where one fails
	// (followup.Report.Check, or a project the programme does not have,
	// plan.ENotFound). A report matching a stored one
	// (followup.MatchReport) replaces its contents, unless it says the
	// same (followup.SameImportedReport), when it is left alone; the
	// others are registered. An accepted report records e.Author as who
	// accepted it. Outcomes are followup.ReportImport*, in the import's
	// order.
	ImportReports(ctx context.Context, programmeID string, rs []followup.Report, e Edit) ([]ImportedReport, error)
}

// ImportedReport is one report as an import stored it.
type ImportedReport struct {
	Report  followup.Report
	Outcome string
}
