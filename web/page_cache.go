package web

import (
	"container/list"
	"crypto/sha256"
	"encoding/hex"
	"sync"

	"planverk/cycle"
	"planverk/i18n"
)

// pageCache keeps pages made from released versions, which never change,
// so that a visitor's page is rendered once per release, language and
// address and then served from memory. Its key holds the release's digest,
// read from the database on every request: a new release, or a release
// served by another copy of planverk, is a new key, never a stale page.
// The least recently served pages go first once the cache holds more than
// its bytes.
type pageCache struct {
	mu      sync.Mutex
	max     int
	size    int
	order   *list.List // of *cachedPage, most recently served first
	entries map[pageKey]*list.Element
}

// pageKey names one rendered page of one release.
type pageKey struct {
	page       string // the template, "plan"
	programme  string
	year       int
	release    int
	digest     string
	lang       i18n.Lang
	requestURI string
}

type cachedPage struct {
	key  pageKey
	body []byte
	etag string
}

// defaultPageCacheBytes bounds the cache: room for some hundred plan
// pages in three languages.
const defaultPageCacheBytes = 64 << 20

// newPageCache makes a cache of max bytes: the default for 0, none below.
func newPageCache(max int) *pageCache {
	if max == 0 {
		max = defaultPageCacheBytes
	}
	return &pageCache{max: max, order: list.New(), entries: map[pageKey]*list.Element{}}
}

// releaseKey is the key of a page of a release at an address.
func releaseKey(page string, rel cycle.Release, lang i18n.Lang, requestURI string) pageKey {
	return pageKey{page: page, programme: rel.ProgrammeID, year: rel.Year, release: rel.Number, digest: rel.Digest,
		lang: lang, requestURI: requestURI}
}

func (c *pageCache) get(k pageKey) (*cachedPage, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[k]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*cachedPage), true
}

// put keeps a page, unless it alone is larger than the cache. Its ETag is
// a digest of its bytes.
func (c *pageCache) put(k pageKey, body []byte) *cachedPage {
	sum := sha256.Sum256(body)
	return c.putTagged(k, body, `"`+hex.EncodeToString(sum[:16])+`"`)
}

// putTagged keeps a page with the ETag given: an API answer keeps the tag
// its resource has wherever it is served from.
func (c *pageCache) putTagged(k pageKey, body []byte, etag string) *cachedPage {
	p := &cachedPage{key: k, body: body, etag: etag}
	if len(body) > c.max {
		return p
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[k]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*cachedPage)
	}
	c.entries[k] = c.order.PushFront(p)
	c.size += len(body)
	for c.size > c.max {
		last := c.order.Back()
		old := last.Value.(*cachedPage)
		c.order.Remove(last)
		delete(c.entries, old.key)
		c.size -= len(old.body)
	}
	return p
}
