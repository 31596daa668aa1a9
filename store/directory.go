package store

import "planverk/plan"

// DirectoryQuery asks for one page of the list of programmes, as one
// person may see it.
type DirectoryQuery struct {
	// All lists every programme, with plans or without: a system
	// administrator's list.
	All bool
	// Members names the programmes whose drafts the person reads.
	Members []string
	// Only, where it is not nil, keeps the programmes whose keys it holds:
	// a list filtered by county or kind. An empty, non-nil Only keeps none.
	Only map[string]bool
	// Kinds, where it is not empty, keeps the programmes of these kinds.
	Kinds []plan.ProgrammeKind
	// Offset and Limit pick the page, in the list sorted by name; a Limit
	// of 0 means DefaultDirectoryLimit.
	Offset, Limit int
}

// DefaultDirectoryLimit is the size of a page of the list of programmes.
const DefaultDirectoryLimit = 50

// Directory is one page of the list of programmes.
type Directory struct {
	Entries []DirectoryEntry
	// Total counts the programmes the person may see, on every page.
	Total int
}

// DirectoryEntry is one programme in the list: what the list shows of it,
// and its current plan as the person may read it.
type DirectoryEntry struct {
	Programme plan.Programme // ID, kind, names, period and municipalities only
	// MunicipalityNames are the names of Programme.Municipalities.
	MunicipalityNames []string
	// Current is the latest year's plan the person may read: for a member
	// its draft, for anybody else its latest release open to everyone
	// (with Release set). Nil where there is none.
	Current *PlanVersion
}

// ProgrammePlaces gives, per programme key, the municipality and county
// numbers of the organisations that make up the programme: its
// municipalities and its parties. A list of programmes is filtered by
// county from it, without reading a plan.
type ProgrammePlaces map[string][]string
