package web

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"planverk/cycle"
	"planverk/store"
)

// releaseInfos keeps, between requests, which release of a plan is public:
// the question every visitor's plan page asks before it serves the page it
// keeps in memory, and most of that page's cost where it is asked of the
// database each time. An answer is kept while nothing could have changed it:
//   - this server's store has committed no write since (store.WriteCounter);
//   - no other server has changed a release or a publication since, as the
//     store's watch tells (store.ChangeWatcher, PostgreSQL);
//   - and, where there is no watch, for releaseInfoTrust at most, for a
//     change made by another process on the same SQLite file (planverk
//     roll or import while the server runs).
//
// A store that cannot count its writes is asked on every request.
type releaseInfos struct {
	mu      sync.Mutex
	entries map[releaseInfoKey]releaseInfoEntry
	// told counts the watch's notices of changed releases.
	told atomic.Uint64
	// watched is set while the store's watch is in place.
	watched atomic.Bool
}

type releaseInfoKey struct {
	programme string
	year, n   int
}

type releaseInfoEntry struct {
	rel          cycle.Release
	writes, told uint64
	at           time.Time
}

// releaseInfoTrust is how long an answer is kept where no watch tells of
// other processes' changes.
const releaseInfoTrust = time.Second

// releaseInfoMax bounds the answers kept: one a plan and release asked for.
const releaseInfoMax = 10_000

// forget drops every answer kept: another server changed a release.
func (c *releaseInfos) forget() { c.told.Add(1) }

// publicReleaseInfo is the store's PublicReleaseInfo, kept as above.
func (s *Server) publicReleaseInfo(ctx context.Context, programme string, year, n int) (cycle.Release, error) {
	counter, ok := s.store.(store.WriteCounter)
	if !ok {
		return s.store.PublicReleaseInfo(ctx, programme, year, n)
	}
	c := &s.releases
	key := releaseInfoKey{programme, year, n}
	// Read before the store is asked, so that a change committed while it
	// answers leaves the answer kept as older than it, not newer.
	writes, told, now := counter.Writes(), c.told.Load(), time.Now()
	c.mu.Lock()
	e, ok := c.entries[key]
	c.mu.Unlock()
	if ok && e.writes == writes && e.told == told && (c.watched.Load() || now.Sub(e.at) < releaseInfoTrust) {
		return e.rel, nil
	}
	rel, err := s.store.PublicReleaseInfo(ctx, programme, year, n)
	if err != nil {
		return rel, err
	}
	c.mu.Lock()
	if c.entries == nil || len(c.entries) >= releaseInfoMax {
		c.entries = map[releaseInfoKey]releaseInfoEntry{}
	}
	c.entries[key] = releaseInfoEntry{rel: rel, writes: writes, told: told, at: now}
	c.mu.Unlock()
	return rel, nil
}
