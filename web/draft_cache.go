package web

import (
	"container/list"
	"sync"
)

// draftCache keeps, for the versions of plans lately read, what their
// draft pages are made of (draftParts), and the released plans those pages
// compare the drafts with. Its keys are what the database says: a plan
// version's row (programme, year, version number and when it was saved),
// a release's number and digest. A new version or release, saved by this
// server or by another copy of planverk on the same database, is a new key,
// never a stale entry; an entry no longer asked for ages out. The least
// recently used entries go first once it holds more than its bytes (an
// estimate: see draftParts.charge).
type draftCache struct {
	mu      sync.Mutex
	max     int
	size    int
	order   *list.List // of *draftEntry, most recently used first
	entries map[any]*list.Element
}

type draftEntry struct {
	key   any
	size  int
	value any
}

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
	return &draftCache{max: max, order: list.New(), entries: map[any]*list.Element{}}
}

// on reports whether the cache keeps anything.
func (c *draftCache) on() bool { return c != nil && c.max > 0 }

func (c *draftCache) get(k any) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[k]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*draftEntry).value, true
}

// put keeps a value of size bytes, unless one is kept already under its key
// (two requests made it at once): then that one is returned, so that every
// request shares one.
func (c *draftCache) put(k, v any, size int) any {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[k]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*draftEntry).value
	}
	if size > c.max {
		return v
	}
	c.entries[k] = c.order.PushFront(&draftEntry{key: k, size: size, value: v})
	c.size += size
	c.evict()
	return v
}

// charge adds n bytes to what the entry under k holds: a part made since
// it was kept. An entry gone already is not charged; its part is garbage
// once its last request is answered.
func (c *draftCache) charge(k any, n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[k]
	if !ok {
		return
	}
	e.Value.(*draftEntry).size += n
	c.size += n
	c.evict()
}

// evict drops the least recently used entries while the cache holds more
// than its bytes. The caller holds c.mu.
func (c *draftCache) evict() {
	for c.size > c.max && c.order.Len() > 0 {
		last := c.order.Back()
		old := last.Value.(*draftEntry)
		c.order.Remove(last)
		delete(c.entries, old.key)
		c.size -= old.size
	}
}

// bytes is what the cache holds, as charged.
func (c *draftCache) bytes() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.size
}
