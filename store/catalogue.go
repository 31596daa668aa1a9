package store

import (
	"context"
	"time"

	"planverk/scheme"
)

// SchemeRecord is one revision of a support scheme, with who saved it.
type SchemeRecord struct {
	Scheme     scheme.Scheme
	Revision   int
	SavedAt    time.Time
	Author     int64
	AuthorName string
	Summary    string
	// Deleted marks a scheme taken out of the catalogue; its last content
	// is kept, so that the deletion can be undone.
	Deleted bool
	// Repeated is set by EditScheme when the edit's submission had already
	// made this revision.
	Repeated bool
}

// GlossaryRecord is one revision of the glossary, with who saved it. The
// glossary is kept whole in each revision: it is small, and an edit of one
// term is then a revision like any other, with the terms around it as they
// were.
type GlossaryRecord struct {
	Terms      []scheme.Term
	Revision   int
	SavedAt    time.Time
	Author     int64
	AuthorName string
	Summary    string
	// Repeated is set by EditGlossary when the edit's submission had
	// already made this revision.
	Repeated bool
}

// Catalogue keeps the support-scheme catalogue and its glossary, with every
// revision of each, so that a scheme shows its history and no edit is lost.
type Catalogue interface {
	// Schemes lists the latest revision of every scheme that is not
	// deleted, in no particular order.
	Schemes(ctx context.Context) ([]SchemeRecord, error)
	// SchemeRevisions lists every revision of one scheme, newest first. An
	// unknown id is plan.ENotFound.
	SchemeRevisions(ctx context.Context, id string) ([]SchemeRecord, error)
	// EditScheme changes a scheme, or makes it where no scheme has the id:
	// in one transaction it loads the latest revision (exists false and a
	// zero scheme when there is none), lets change alter it, and saves the
	// result as the next revision. A change that alters nothing saves
	// nothing. Like EditPlan, change may run more than once, and an edit
	// whose Submission was seen before returns that revision with Repeated
	// set. change may not alter the id.
	EditScheme(ctx context.Context, id string, e Edit, change func(s *scheme.Scheme, exists bool) error) (SchemeRecord, error)
	// ImportSchemes stores schemes in one transaction, each as EditScheme
	// would: a revision for a scheme the catalogue lacks, has deleted or
	// holds differently, none for one it holds the same. It returns each
	// scheme's outcome (ImportNew, ImportChanged, ImportUnchanged), in
	// order. With version 0 or more, it stores nothing and answers
	// plan.EConflict unless CatalogueVersion is still version. With
	// e.Submission set, each revision records ImportSubmission(e.Submission,
	// id), and an import whose submission was stored before stores nothing
	// and returns what that one did, with repeated set.
	ImportSchemes(ctx context.Context, schemes []scheme.Scheme, e Edit, version int64) (outcomes []string, repeated bool, err error)
	// DeleteScheme takes a scheme out of the catalogue (a revision marked
	// deleted); RestoreScheme puts its last content back.
	DeleteScheme(ctx context.Context, id string, e Edit) error
	RestoreScheme(ctx context.Context, id string, e Edit) error
	// Glossary returns the glossary's latest revision; revision 0 and no
	// terms when none.
	Glossary(ctx context.Context) (GlossaryRecord, error)
	// GlossaryRevisions lists every revision of the glossary, newest
	// first; none before the glossary is first saved.
	GlossaryRevisions(ctx context.Context) ([]GlossaryRecord, error)
	// EditGlossary changes the glossary: in one transaction it loads the
	// latest revision (no terms and revision 0 when there is none), lets
	// change alter a copy of its terms, and saves the result as the next
	// revision. A change that alters nothing saves nothing and returns the
	// latest revision. As with EditScheme, change may run more than once,
	// each time on a fresh copy, an error from change saves nothing, and
	// an edit whose Submission was seen before returns the revision that
	// submission made, with Repeated set.
	EditGlossary(ctx context.Context, e Edit, change func(terms *[]scheme.Term) error) (GlossaryRecord, error)
	// CatalogueVersion changes whenever anything in the catalogue does, so
	// that a server can keep its search index until then.
	CatalogueVersion(ctx context.Context) (int64, error)
}
