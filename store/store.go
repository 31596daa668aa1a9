// Package store defines how planverk keeps plans, whatever the database.
// Each engine lives in a package named after it (store/sqlite, and next
// store/postgres) and implements Store with SQL of its own.
package store

import (
	"context"
	"time"

	"planverk/plan"
)

// Store keeps programmes, organisations and every version of every plan.
//
// A plan is identified by its programme and year. Saving a plan never changes
// an earlier version: it adds a new one, so that an approved plan stays as it
// was approved while its revision is written.
type Store interface {
	// SavePlan stores the file's organisations and programme (adding or
	// updating them) and its plan as a new version of that programme and year,
	// all in one transaction.
	SavePlan(ctx context.Context, f *plan.File) (PlanVersion, error)
	// LoadPlan returns the latest version of a programme's plan for a year as a
	// plan file. An unknown programme or year is a plan.ENotFound error.
	LoadPlan(ctx context.Context, programmeID string, year int) (*plan.File, PlanVersion, error)
	// LoadPlanVersion returns one version of a plan.
	LoadPlanVersion(ctx context.Context, programmeID string, year, version int) (*plan.File, PlanVersion, error)
	// Programmes lists all programmes, ordered by name.
	Programmes(ctx context.Context) ([]plan.Programme, error)
	// Plans lists the latest version of each plan of a programme, newest year first.
	Plans(ctx context.Context, programmeID string) ([]PlanVersion, error)
	// Organisations lists every organisation, ordered by name.
	Organisations(ctx context.Context) ([]plan.Organisation, error)
	// Organisation returns one organisation; an unknown ID is plan.ENotFound.
	Organisation(ctx context.Context, id string) (plan.Organisation, error)
	// Ping reports whether the database answers.
	Ping(ctx context.Context) error
	// Close releases the database.
	Close() error
}

// PlanVersion identifies one stored version of a plan.
type PlanVersion struct {
	ProgrammeID string
	Year        int
	Version     int
	Title       string
	Status      plan.Status
	Language    plan.Language
	SavedAt     time.Time
}
