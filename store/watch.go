package store

import "context"

// CatalogueWatcher is implemented by an engine that can tell a server at
// once when another server has changed the support-scheme catalogue or the
// glossary, so that several copies of planverk sharing one database need
// not ask it again and again. PostgreSQL does, with LISTEN/NOTIFY; SQLite,
// which one process uses, does not.
type CatalogueWatcher interface {
	// WatchCatalogue tells n of every committed change to the catalogue,
	// by any server, until ctx ends; it then returns ctx's error.
	WatchCatalogue(ctx context.Context, n CatalogueNotices) error
}

// CatalogueNotices is what a catalogue watch tells.
type CatalogueNotices struct {
	// Ready is called each time the watch is in place, first and after it
	// was lost.
	Ready func()
	// Changed is called after each change, and also when a lost watch is
	// taken up again, since a change may have been missed meanwhile.
	Changed func()
	// Lost is called with the reason each time the watch is lost; until
	// it is ready again, changes are not told.
	Lost func(error)
}
