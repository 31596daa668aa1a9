package store

import (
	"context"

	"planverk/followup"
)

// Projects keeps a programme's projects with their grant commitments and
// payments, across the years of its plans.
type Projects interface {
	// Projects lists a page of a programme's projects, in the order they
	// were registered, and how many there are in all. An unknown
	// programme is plan.ENotFound.
	Projects(ctx context.Context, programmeID string, q ProjectQuery) ([]followup.Project, int, error)
	// Project returns one project of a programme, with its measures,
	// commitments and payments; plan.ENotFound where the programme has no
	// project with the ID.
	Project(ctx context.Context, programmeID string, id int64) (followup.Project, error)
	// SaveProject registers a project (ID 0) or replaces a stored one
	// whole: its fields, measures, commitments and payments. A stored
	// project is saved only if p.Version is still its version, otherwise
	// it is plan.EConflict and nothing is saved; the saved project comes
	// back with its next version and the IDs it was given. Commitments
	// and payments that have IDs keep them. A new project whose
	// e.Submission registered one before is not registered again: the
	// first comes back, with Repeated set.
	SaveProject(ctx context.Context, p followup.Project, e Edit) (followup.Project, error)
}

// ProjectQuery narrows Projects; the zero value asks for every project.
type ProjectQuery struct {
	// Public asks only for the projects everyone may see
	// (followup.Project.Public).
	Public bool
	// Limit caps the number of projects (0 for no cap); Offset skips as
	// many first.
	Limit, Offset int
}
