package sqlstore

import (
	"context"
	"database/sql"
	"sync"
)

// maxCached bounds a stmtCache. The queries are constants, but a few are
// built with as many placeholders as a list has items; past the bound such
// a query simply runs unprepared.
const maxCached = 512

// stmtCache keeps one prepared statement per query for a pool, shared by
// every transaction on it. Loading a plan runs some forty queries; SQLite
// spent about a quarter of a plan page's time parsing them anew in each
// transaction. database/sql prepares a cached statement once on each
// connection and reuses it there (Tx.StmtContext).
//
// A statement is prepared on the pool, which needs a free connection; the
// transaction that first runs a query holds one, and on SQLite's writer the
// only one. So the first use runs the query unprepared and asks for it to be
// prepared in the background, once a connection is free; later
// transactions find it ready. Nothing ever waits for the cache.
type stmtCache struct {
	db      *sql.DB
	mu      sync.Mutex
	m       map[string]*sql.Stmt
	pending map[string]bool
	closed  bool
	wg      sync.WaitGroup
	// ctx ends the preparations still waiting for a connection at close.
	ctx    context.Context
	cancel context.CancelFunc
}

func newStmtCache(db *sql.DB) *stmtCache {
	ctx, cancel := context.WithCancel(context.Background())
	return &stmtCache{db: db, m: map[string]*sql.Stmt{}, pending: map[string]bool{}, ctx: ctx, cancel: cancel}
}

// get returns the prepared statement for a query in the engine's own
// placeholders, or nil where it is not ready: the caller then runs the
// query as it is, and any error in it shows there.
func (c *stmtCache) get(query string) *sql.Stmt {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.m[query]; ok {
		return st
	}
	if c.closed || c.pending[query] || len(c.m)+len(c.pending) >= maxCached {
		return nil
	}
	c.pending[query] = true
	c.wg.Go(func() { c.prepare(query) })
	return nil
}

func (c *stmtCache) prepare(query string) {
	st, err := c.db.PrepareContext(c.ctx, query)
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.pending, query)
	switch {
	case c.closed:
		if st != nil {
			_ = st.Close()
		}
	case err != nil:
		// Not cached: the query runs unprepared, and where the engine
		// refuses it, running it says why. A later use tries again.
	default:
		c.m[query] = st
	}
}

// close closes every cached statement, once those being prepared are done.
func (c *stmtCache) close() {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.closed = true
	c.mu.Unlock()
	c.cancel()
	c.wg.Wait()
	c.mu.Lock()
	defer c.mu.Unlock()
	for q, st := range c.m {
		if st != nil {
			_ = st.Close()
		}
		delete(c.m, q)
	}
}
