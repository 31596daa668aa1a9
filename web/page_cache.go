package web

import (
	"crypto/sha256"
	"encoding/hex"

	"planverk/cycle"
	"planverk/i18n"
	"planverk/lru"
)

// pageCache keeps pages made from released versions, which never change,
// so that a visitor's page is rendered once per release, language and
// address and then served from memory. Its key holds the release's digest,
// read from the database on every request: a new release, or a release
// served by another copy of planverk, is a new key, never a stale page.
// The least recently served pages go first once the cache holds more than
// its bytes.
type pageCache struct {
	pages *lru.Cache[pageKey, *cachedPage]
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
	return &pageCache{pages: lru.New[pageKey, *cachedPage](max)}
}

// releaseKey is the key of a page of a release at an address.
func releaseKey(page string, rel cycle.Release, lang i18n.Lang, requestURI string) pageKey {
	return pageKey{page: page, programme: rel.ProgrammeID, year: rel.Year, release: rel.Number, digest: rel.Digest,
		lang: lang, requestURI: requestURI}
}

func (c *pageCache) get(k pageKey) (*cachedPage, bool) { return c.pages.Get(k) }

// put keeps a page, unless it alone is larger than the cache. Its ETag is
// a digest of its bytes.
func (c *pageCache) put(k pageKey, body []byte) *cachedPage {
	sum := sha256.Sum256(body)
	return c.putTagged(k, body, `"`+hex.EncodeToString(sum[:16])+`"`)
}

// putTagged keeps a page with the ETag given: an API answer keeps the tag
// its resource has wherever it is served from.
func (c *pageCache) putTagged(k pageKey, body []byte, etag string) *cachedPage {
	return c.pages.Put(k, &cachedPage{body: body, etag: etag}, len(body))
}
