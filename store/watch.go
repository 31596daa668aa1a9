package store

import "context"

// Topic is a kind of change a ChangeWatcher tells of.
type Topic string

// The topics.
const (
	// TopicCatalogue is a change to the support-scheme catalogue or the
	// glossary.
	TopicCatalogue Topic = "catalogue"
	// TopicReleases is a release made or a plan opened to or closed from
	// the public.
	TopicReleases Topic = "releases"
)

// Topics lists every topic.
var Topics = []Topic{TopicCatalogue, TopicReleases}

// ChangeWatcher is implemented by an engine that can tell a server at once
// when another server has changed what the server keeps in memory (the
// support-scheme catalogue, the public releases), so that several copies of
// planverk sharing one database need not ask it on every request.
// PostgreSQL does, with LISTEN/NOTIFY; SQLite, which one process uses, does
// not.
type ChangeWatcher interface {
	// WatchChanges tells n of every committed change, by any server, until
	// ctx ends; it then returns ctx's error.
	WatchChanges(ctx context.Context, n ChangeNotices) error
}

// ChangeNotices is what a watch tells.
type ChangeNotices struct {
	// Ready is called each time the watch is in place, first and after it
	// was lost.
	Ready func()
	// Changed is called after each change, with its topic, and for every
	// topic when a lost watch is taken up again, since a change may have
	// been missed meanwhile.
	Changed func(Topic)
	// Lost is called with the reason each time the watch is lost; until
	// it is ready again, changes are not told.
	Lost func(error)
}

// WriteCounter is implemented by a store that counts the writes it has
// committed itself, so that a server can keep what it read until its own
// store writes again (see web's release cache).
type WriteCounter interface {
	// Writes counts the write transactions committed through this store
	// since it was opened.
	Writes() uint64
}
