// Package lru is the bounded memory planverk keeps what it made once in:
// pages of releases, parts of drafts, plan versions. Each entry is charged
// a size, and the entries used least recently go first once the sizes add
// up to more than the bound. It is safe for use by many requests at once.
package lru

import (
	"container/list"
	"sync"
)

// Cache keeps values by key within a bound on the sum of their sizes. A
// nil Cache keeps nothing.
type Cache[K comparable, V any] struct {
	mu      sync.Mutex
	max     int
	size    int
	order   *list.List // of *entry[K, V], most recently used first
	entries map[K]*list.Element
}

type entry[K comparable, V any] struct {
	key   K
	size  int
	value V
}

// New makes a cache that holds at most max in sizes; one of max 0 or less
// keeps nothing.
func New[K comparable, V any](max int) *Cache[K, V] {
	return &Cache[K, V]{max: max, order: list.New(), entries: map[K]*list.Element{}}
}

// On reports whether the cache keeps anything.
func (c *Cache[K, V]) On() bool { return c != nil && c.max > 0 }

// Get returns the value kept under k, and makes it the most recently used.
func (c *Cache[K, V]) Get(k K) (V, bool) {
	if c == nil {
		var zero V
		return zero, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[k]
	if !ok {
		var zero V
		return zero, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*entry[K, V]).value, true
}

// Put keeps v under k, charged size, and returns what the cache now holds
// under k: v, or the value kept already (two requests made it at once), so
// that every request shares one. A value larger than the whole bound is
// returned and not kept.
func (c *Cache[K, V]) Put(k K, v V, size int) V {
	if c == nil {
		return v
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[k]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*entry[K, V]).value
	}
	if size > c.max {
		return v
	}
	c.entries[k] = c.order.PushFront(&entry[K, V]{key: k, size: size, value: v})
	c.size += size
	c.evict()
	return v
}

// Charge adds n to the size of the entry under k: a part made since it was
// kept. An entry gone already is not charged.
func (c *Cache[K, V]) Charge(k K, n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[k]
	if !ok {
		return
	}
	e.Value.(*entry[K, V]).size += n
	c.size += n
	c.evict()
}

// Size is the sum of the sizes the cache holds.
func (c *Cache[K, V]) Size() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.size
}

// evict drops the least recently used entries while the cache holds more
// than its bound. The caller holds c.mu.
func (c *Cache[K, V]) evict() {
	for c.size > c.max && c.order.Len() > 0 {
		last := c.order.Back()
		old := last.Value.(*entry[K, V])
		c.order.Remove(last)
		delete(c.entries, old.key)
		c.size -= old.size
	}
}
