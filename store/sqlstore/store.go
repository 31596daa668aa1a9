// Package sqlstore is the part of planverk's storage that both SQL engines
// share: how a plan maps onto normalised tables, and the queries that save
// and load it. Each engine (store/sqlite, store/postgres) opens its own
// connections, keeps its own schema as embedded migrations, and hands this
// package a Dialect for the few things the two speak differently.
//
// The queries are written once, in the SQL both engines understand, with "?"
// placeholders that the dialect rewrites. That keeps a plan's mapping in one
// place: a column added for one engine and forgotten for the other is a
// failing test in both, not a plan that loses a field on one of them.
//
// A plan is stored in normalised tables: a measure, a budget line or a
// financing cell is a row of its own, so that it can be edited, audited and
// queried on its own. A plan file is saved whole and loaded whole
// (store.Store); everything the file holds comes back exactly, in the order
// it was written.
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync/atomic"
	"time"

	"planverk/plan"
	"planverk/store"
)

// Dialect is what differs between the engines once connections are open.
type Dialect interface {
	// Rebind turns a query with "?" and "?N" placeholders into the engine's own.
	Rebind(query string) string
	// WriteTx and ReadTx are the options of write and read transactions.
	WriteTx() *sql.TxOptions
	ReadTx() *sql.TxOptions
	// Retry reports whether a failed write transaction may be run again:
	// the engine gave up on it because of another transaction, not because
	// of what it did.
	Retry(err error) bool
}

// Store keeps planverk's data in a SQL database. Writes go through writer,
// reads through reader; the two may be the same pool.
type Store struct {
	writer  *sql.DB
	reader  *sql.DB
	dialect Dialect
	// readStmts and writeStmts are the statements prepared on each pool,
	// for the reads that run on it.
	readStmts, writeStmts *stmtCache
	// attempts is maxAttempts; a test lowers it to run out quickly.
	attempts int
	// writes counts the write transactions committed (Writes).
	writes atomic.Uint64
	// versions keeps recently read plan versions (version_cache.go).
	versions *versionCache
	// plans lets one write of a plan at a time wait for the engine's lock
	// on it (writePlan); planWait bounds how long a write waits for its
	// turn, and a test shortens it.
	plans    planQueue
	planWait time.Duration
}

var (
	_ store.Store        = (*Store)(nil)
	_ store.WriteCounter = (*Store)(nil)
)

// New returns a store on open pools whose schema is up to date.
func New(writer, reader *sql.DB, d Dialect) *Store {
	return &Store{writer: writer, reader: reader, dialect: d,
		readStmts: newStmtCache(reader), writeStmts: newStmtCache(writer), attempts: maxAttempts,
		versions: newVersionCache(), planWait: maxPlanWait}
}

// maxAttempts bounds how often a write that lost to a concurrent one is run
// again before its error goes to the caller. A whole plan's save on
// PostgreSQL conflicts with every other save of the same plan; on a busy
// machine twelve attempts were seen to run out with four writers, so the
// bound leaves room for that, while the backoff caps at half a second.
const maxAttempts = 20

// backoff is how long to wait before attempt n (from 1) of a write: growing,
// and random, so that writers that collided once do not collide again in
// step.
func backoff(n int) time.Duration {
	ceiling := min(5*time.Millisecond<<n, 500*time.Millisecond)
	return ceiling/2 + rand.N(ceiling/2)
}

// write runs fn in a transaction on the writer and commits it if fn
// succeeds. A transaction the engine aborted because of a concurrent one
// (PostgreSQL's serialization failures) is run again from the start, so fn
// must do nothing but database work.
func (s *Store) write(ctx context.Context, fn func(*writer) error) error {
	return s.writeOn(ctx, s.writer, fn)
}

// beginner is where a write's transactions run: the writer pool, or one
// connection of it (writePlan).
type beginner interface {
	BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error)
}

// writeOn is write, with its transactions on on.
func (s *Store) writeOn(ctx context.Context, on beginner, fn func(*writer) error) error {
	var err error
	for n := range s.attempts {
		if n > 0 {
			select {
			case <-time.After(backoff(n)):
			case <-ctx.Done():
				return errors.Join(err, ctx.Err())
			}
		}
		err = s.writeOnce(ctx, on, fn)
		if err == nil || !s.dialect.Retry(err) {
			return err
		}
	}
	// Out of attempts the write is refused as busy, not failed: nothing was
	// saved and the caller may send it again (the web answers 503 with
	// Retry-After), where an internal error would say something broke.
	return errors.Join(plan.Errorf(plan.EBusy, "the database is busy with other changes: nothing was saved; try again in a moment"),
		fmt.Errorf("gave up after %d attempts: %w", s.attempts, err))
}

func (s *Store) writeOnce(ctx context.Context, on beginner, fn func(*writer) error) error {
	tx, err := on.BeginTx(ctx, s.dialect.WriteTx())
	if err != nil {
		return err
	}
	w := &writer{ctx: ctx, tx: tx, dialect: s.dialect, stmts: map[string]*sql.Stmt{}, cache: s.writeStmts,
		versions: s.versions}
	if err := fn(w); err != nil {
		_ = tx.Rollback()
		return err
	}
	// Counted whatever Commit answers: a commit whose answer was lost may
	// still have happened, and a count too many only costs a cache a read.
	err = tx.Commit()
	s.writes.Add(1)
	return err
}

// Writes counts the write transactions committed through this store (see
// store.WriteCounter).
func (s *Store) Writes() uint64 { return s.writes.Load() }

// read runs fn in a read-only transaction, so that the many queries that
// rebuild one plan all see the same snapshot even while a save commits.
func (s *Store) read(ctx context.Context, fn func(*reader) error) error {
	tx, err := s.reader.BeginTx(ctx, s.dialect.ReadTx())
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	return fn(&reader{ctx: ctx, tx: tx, dialect: s.dialect, stmts: s.readStmts, versions: s.versions, keep: true})
}

// Ping reports whether the database answers reads.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.reader.PingContext(ctx); err != nil {
		return fmt.Errorf("ping database: %w", err)
	}
	return nil
}

// Close closes the pools. It is safe to call more than once.
func (s *Store) Close() error {
	var errs []error
	s.readStmts.close()
	s.writeStmts.close()
	if s.reader != nil && s.reader != s.writer {
		errs = append(errs, s.reader.Close())
	}
	if s.writer != nil {
		errs = append(errs, s.writer.Close())
	}
	s.reader, s.writer = nil, nil
	return errors.Join(errs...)
}
