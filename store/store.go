// Package store defines how planverk keeps plans, whatever the database.
// Each engine lives in a package named after it (store/sqlite, and next
// store/postgres) and implements Store with SQL of its own.
package store

import (
	"context"
	"time"

	"planverk/cycle"
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
	// all in one transaction. A file identical to the latest version stores
	// nothing and returns that version with Unchanged set.
	SavePlan(ctx context.Context, f *plan.File) (PlanVersion, error)
	// LoadPlan returns the latest version of a programme's plan for a year as a
	// plan file. An unknown programme or year is a plan.ENotFound error.
	LoadPlan(ctx context.Context, programmeID string, year int) (*plan.File, PlanVersion, error)
	// LoadPlanVersion returns one version of a plan.
	LoadPlanVersion(ctx context.Context, programmeID string, year, version int) (*plan.File, PlanVersion, error)
	// Programmes lists all programmes, ordered by name.
	Programmes(ctx context.Context) ([]plan.Programme, error)
	// ProgrammeDirectory returns one page of the programmes a person may
	// see, sorted by name, with their current plans, in the same few
	// queries whatever the number of programmes.
	ProgrammeDirectory(ctx context.Context, q DirectoryQuery) (Directory, error)
	// ProgrammePlaces reads the place numbers of every programme's
	// municipalities and parties, in one query.
	ProgrammePlaces(ctx context.Context) (ProgrammePlaces, error)
	// ProgrammesNaming lists, sorted, the keys of the programmes that name
	// any of the organisations anywhere: as a party or municipality, or in
	// any version of any of their plans (leads, partners, funding sources,
	// anchoring, approvals, the plan's own list). It narrows which plans
	// an organisation's page must read; the page decides what counts.
	ProgrammesNaming(ctx context.Context, organisations []string) ([]string, error)
	// OrganisationUses returns one page of the uses of an organisation
	// (and of the groups it belongs to) in each programme's plan that a
	// person may read, from an index kept with every plan save, in the
	// same few queries whatever the number of programmes.
	OrganisationUses(ctx context.Context, q OrganisationUsesQuery) (OrganisationUses, error)
	// OrganisationRelations returns the groups an organisation belongs
	// to, by name, and its members, in its order.
	OrganisationRelations(ctx context.Context, id string) (groups, members []plan.Organisation, err error)
	// PlansOf lists, as Plans, the plans of each of several programmes,
	// by programme key, in one query; an unknown programme has none.
	PlansOf(ctx context.Context, programmeIDs []string) (map[string][]PlanVersion, error)
	// SchemeUses lists the measures that name a support scheme, in the
	// latest version of every plan, by programme name, newest year first,
	// then goal and measure number. Who may see which plan is the caller's
	// to decide.
	SchemeUses(ctx context.Context, schemeID string) ([]SchemeUse, error)
	// Plans lists the latest version of each plan of a programme, newest year first.
	Plans(ctx context.Context, programmeID string) ([]PlanVersion, error)
	// Organisations lists every organisation, ordered by name.
	Organisations(ctx context.Context) ([]plan.Organisation, error)
	// Organisation returns one organisation; an unknown ID is plan.ENotFound.
	Organisation(ctx context.Context, id string) (plan.Organisation, error)
	// SaveOrganisation adds an organisation or updates the one with its id,
	// members included, outside any plan; an unknown member is plan.EInvalid.
	SaveOrganisation(ctx context.Context, o plan.Organisation) error
	// CreateOrganisation adds an organisation; an id already stored is
	// plan.EConflict, decided in the same transaction as the insert.
	CreateOrganisation(ctx context.Context, o plan.Organisation) error
	// EditPlan changes the latest version of a plan: in one transaction it
	// loads that version, lets change alter it, and saves the result as the
	// next version, with the edit's author and summary and every difference
	// from the version before (plan.Diff). A change that alters nothing
	// saves nothing and returns the latest version. An error from change is
	// returned as it is, and nothing is saved.
	//
	// change may run more than once (PostgreSQL retries a transaction that
	// lost to a concurrent one), each time on a freshly loaded plan, so it
	// must do nothing but alter the plan it is given. An edit whose
	// Submission was seen before changes nothing and returns the version
	// that submission made, with Repeated set.
	EditPlan(ctx context.Context, programmeID string, year int, e Edit, change func(*plan.File) error) (PlanVersion, error)
	// CreatePlan stores a new programme with its first plan, like SavePlan,
	// but only if no programme has the file's programme id: otherwise it is
	// plan.EConflict and nothing is saved. An Edit whose Submission was seen
	// before saves nothing and returns the version that submission made,
	// with Repeated set, so that a form sent twice starts one programme.
	CreatePlan(ctx context.Context, f *plan.File, e Edit) (PlanVersion, error)
	// History lists the recorded changes to a plan, newest first: all of
	// them, or those inside one measure (q.Goal and q.Measure).
	History(ctx context.Context, programmeID string, year int, q HistoryQuery) ([]ChangeRecord, error)
	// SetPublished opens a plan to everyone, or closes it again.
	SetPublished(ctx context.Context, programmeID string, year int, published bool, by int64) error
	// AddComment adds a reviewer's comment to a plan or one of its measures.
	AddComment(ctx context.Context, c Comment) (Comment, error)
	// Comments lists a plan's comments, oldest first.
	Comments(ctx context.Context, programmeID string, year int) ([]Comment, error)

	Accounts
	Catalogue
	Cycles
	Evaluations
	Projects
	Reports
	ProjectImports
	ReportImports
	Capacity
	Assessments
	Settings
	Summaries

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
	// Author is the user who saved the version (0 for a command or an
	// import without one), AuthorName their name then, Summary what they
	// said the change was.
	Author     int64
	AuthorName string
	Summary    string
	// Published says whether the plan (every version of it) is open to
	// everyone.
	Published bool
	// Repeated is set by EditPlan when the edit's submission had already
	// made this version.
	Repeated bool
	// Unchanged is set by SavePlan when the file said what the latest
	// version already says: no version was made, and this is the latest.
	Unchanged bool
	// Release is set where the plan file is a release's content rather
	// than a version of the draft: what a visitor reads.
	Release *cycle.Release
}

// Edit describes who changes a plan, and why.
type Edit struct {
	// Author is the user making the change; 0 for none.
	Author int64
	// Summary says in a few words what the change is.
	Summary string
	// Submission identifies the form or request that asked for the change,
	// so that the same form sent twice changes the plan once; "" for none.
	Submission string
}

// HistoryQuery narrows History; the zero value asks for everything.
type HistoryQuery struct {
	// Goal and Measure, when both are set, ask for one measure's changes.
	Goal, Measure int
	// Limit caps the number of changes; 0 means no cap.
	Limit int
	// Versions, where not 0, asks for the changes of at most this many
	// versions, the newest first; Before, where not 0, for those of
	// versions older than it only. Together they read a long history a
	// page at a time.
	Versions, Before int
}

// ChangeRecord is one recorded change, with the version that made it.
type ChangeRecord struct {
	Version    int
	SavedAt    time.Time
	Author     int64
	AuthorName string
	Summary    string
	plan.Change
}

// Comment is a remark on a plan, or on one of its measures (Goal and
// Measure set).
type Comment struct {
	ID            int64
	ProgrammeID   string
	Year          int
	Goal, Measure int
	Author        int64
	AuthorName    string
	Text          string
	At            time.Time
	// Submission names the form or request that made the comment; a second
	// AddComment with the same one returns the first comment, with
	// Repeated set, and saves nothing.
	Submission string
	Repeated   bool
}

// SchemeUse is a measure, in the latest version of a plan, that names a
// support scheme.
type SchemeUse struct {
	ProgrammeID   string
	ProgrammeName string
	Year          int
	PlanTitle     string
	Language      plan.Language
	Published     bool
	Goal, Measure int
	MeasureTitle  string
}
