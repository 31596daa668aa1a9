package web

import "planverk/lru"

// draftCache keeps, for the versions of plans lately read, what their
// draft pages are made of (draftParts), and the released plans those pages
// compare the drafts with. Its keys are what the database says: a plan
// version's row (programme, year, version number and when it was saved),
// a release's number and digest. A new version or release, saved by this
// server or by another copy of planverk on the same database, is a new key,
// never a stale entry; an entry no longer asked for ages out. The least
// recently used entries go first once it holds more than its bytes (an
// estimate: see draftParts.charge).
type draftCache = lru.Cache[any, any]

// defaultDraftCacheBytes bounds the cache: room for the drafts of some
// dozens of plans of the example plans' size, in three languages. A
// national database's 500 programmes do not all fit; those read least
// lately are made again when asked for.
const defaultDraftCacheBytes = 64 << 20

// newDraftCache makes a cache of max bytes: the default for 0, none below.
func newDraftCache(max int) *draftCache {
	if max == 0 {
		max = defaultDraftCacheBytes
	}
	return lru.New[any, any](max)
}
