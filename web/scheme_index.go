package web

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"planverk/scheme"
	"planverk/store"
)

// catalogue is the support-scheme catalogue as the public pages use it: the
// search index, and what the pages show beside the hits. It is built from
// one reading of the store and never changed, so any number of requests may
// use it at once.
type catalogue struct {
	Index *scheme.Index
	// Schemes are the schemes that are not deleted, by id.
	Schemes []scheme.Scheme
	// Glossary is the glossary as stored.
	Glossary []scheme.Term
	// Providers maps a provider's key to the name it writes itself by.
	Providers map[string]string
	// links finds the glossary's words in scheme text.
	links   *glossaryLinks
	version int64
}

// schemeCache keeps the catalogue between requests. Building the index is
// most of the cost of a search, and the catalogue changes seldom; the
// store's CatalogueVersion is a cheap question that says when it has. Every
// server keeps a cache of its own. Where the store can tell it of another
// server's change (change_watch.go), it is told at once and asks only
// every schemeRecheckWatched, in case a notice went astray; otherwise it
// asks within schemeRecheck.
type schemeCache struct {
	mu      sync.Mutex
	cur     *catalogue
	checked time.Time
	// watched is set while the store's watch is in place.
	watched atomic.Bool
}

// schemeRecheck is how long a server trusts its catalogue before asking the
// store whether it changed, where no watch tells it. A change made through
// this server is seen at once (forget); one made through another within
// this time.
const schemeRecheck = time.Second

// schemeRecheckWatched is how long a server trusts its catalogue while the
// store's watch is in place.
const schemeRecheckWatched = time.Minute

// recheck is how long the cache is trusted now.
func (c *schemeCache) recheck() time.Duration {
	if c.watched.Load() {
		return schemeRecheckWatched
	}
	return schemeRecheck
}

// catalogue returns the catalogue as it is now, building it again where the
// store says it has changed. One request builds while the others wait, so a
// change is built once, not once per request.
func (s *Server) catalogue(ctx context.Context) (*catalogue, error) {
	c := &s.schemes
	c.mu.Lock()
	defer c.mu.Unlock()
	now := time.Now()
	if c.cur != nil && now.Sub(c.checked) < c.recheck() {
		return c.cur, nil
	}
	// The version is read before the catalogue: a change between the two
	// gives an index newer than its version, which is built once more on
	// the next check rather than missed.
	v, err := s.store.CatalogueVersion(ctx)
	if err != nil {
		return nil, err
	}
	if c.cur != nil && c.cur.version == v {
		c.checked = now
		return c.cur, nil
	}
	built, err := buildCatalogue(ctx, s.store, v)
	if err != nil {
		return nil, err
	}
	c.cur, c.checked = built, now
	return built, nil
}

// forget makes the next request ask the store again: this server has just
// changed the catalogue, and the person who changed it should see it.
func (c *schemeCache) forget() {
	c.mu.Lock()
	c.checked = time.Time{}
	c.mu.Unlock()
}

func buildCatalogue(ctx context.Context, st store.Catalogue, version int64) (*catalogue, error) {
	records, err := st.Schemes(ctx)
	if err != nil {
		return nil, fmt.Errorf("catalogue index: %w", err)
	}
	glossary, err := st.Glossary(ctx)
	if err != nil {
		return nil, fmt.Errorf("catalogue index: %w", err)
	}
	cat := &catalogue{Glossary: glossary.Terms, Providers: map[string]string{}, version: version}
	for _, rec := range records {
		cat.Schemes = append(cat.Schemes, rec.Scheme)
	}
	slices.SortFunc(cat.Schemes, func(a, b scheme.Scheme) int { return strings.Compare(a.ID, b.ID) })
	for _, sc := range cat.Schemes {
		if _, ok := cat.Providers[sc.Provider]; !ok || cat.Providers[sc.Provider] == "" {
			cat.Providers[sc.Provider] = sc.ProviderName
		}
	}
	cat.Index = scheme.NewIndex(cat.Schemes, glossary.Terms)
	cat.links = newGlossaryLinks(glossary.Terms)
	return cat, nil
}

// providerName is how a provider writes its name, or its key where no
// scheme says.
func (c *catalogue) providerName(key string) string {
	if n := c.Providers[key]; n != "" {
		return n
	}
	return key
}
