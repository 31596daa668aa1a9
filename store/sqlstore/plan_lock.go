package sqlstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"hash/fnv"
	"strconv"
	"sync"
	"time"

	"planverk/plan"
)

// PlanLocker is a Dialect whose engine lets several writers in at once,
// so that saves of one plan must take turns. Every save of a plan makes its
// next version, so two at once always conflict: on PostgreSQL one of them
// is aborted and run again, and fifty editors of one plan abort each other
// until their attempts run out. Taking turns before the transaction begins
// makes each save see the one before it committed.
//
// LockPlan waits until conn holds the lock named key, or ctx is done;
// UnlockPlan lets the next one have it. The lock belongs to the connection,
// not to a transaction: it is taken before BEGIN, because a lock taken in a
// serializable transaction comes after its snapshot and does not help.
//
// SQLite has no PlanLocker: it has one writer.
type PlanLocker interface {
	LockPlan(ctx context.Context, conn *sql.Conn, key int64) error
	UnlockPlan(ctx context.Context, conn *sql.Conn, key int64) error
}

// maxPlanWait bounds how long a save waits for the saves of the same plan
// before it: a save that would wait longer is refused as busy (the web
// answers 503 with Retry-After), well within the server's write timeout.
const maxPlanWait = 30 * time.Second

// writePlan is write for a write that makes the next version of
// programmeID's plan for year: on an engine that is a PlanLocker it waits
// for the saves of the same plan before it, from this copy of planverk or
// another, and holds the plan's lock while its transactions run. Writes
// that lose to other writes (of other plans, or of shared records) are
// still run again.
//
// The saves of one plan in this copy wait in turn here, without a
// connection; only the first of them holds a connection of the pool while
// it waits for the engine's lock, which other copies may hold. So a queue
// of editors of one plan costs the pool one connection per copy of
// planverk, and the reads and the other plans' saves go on.
func (s *Store) writePlan(ctx context.Context, programmeID string, year int, fn func(*writer) error) error {
	locker, ok := s.dialect.(PlanLocker)
	if !ok {
		return s.write(ctx, fn)
	}
	key := planLockKey(programmeID, year)
	wait, cancel := context.WithTimeout(ctx, s.planWait)
	defer cancel()
	leave, err := s.plans.enter(wait, key)
	if err != nil {
		return s.planWaitError(ctx, wait, programmeID, year, err)
	}
	defer leave()
	conn, err := s.writer.Conn(wait)
	if err != nil {
		return s.planWaitError(ctx, wait, programmeID, year, err)
	}
	if err := locker.LockPlan(wait, conn, key); err != nil {
		// Whether the engine granted the lock as the wait was given up is
		// not known: the connection goes, and with it the session's locks.
		discard(conn)
		return s.planWaitError(ctx, wait, programmeID, year, err)
	}
	err = s.writeOn(ctx, conn, fn)
	// The lock is let go even when the caller has gone: the saves after
	// this one wait for it.
	unlockCtx, cancelUnlock := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancelUnlock()
	if uerr := locker.UnlockPlan(unlockCtx, conn, key); uerr != nil {
		discard(conn)
		return err
	}
	_ = conn.Close()
	return err
}

// planWaitError is the answer to a save that did not get its turn: the
// context's error when the caller went, busy when it waited its longest
// (however the engine put its cancelled wait).
func (s *Store) planWaitError(ctx, wait context.Context, programmeID string, year int, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("wait for the other saves of plan %s %d: %w", programmeID, year, errors.Join(ctx.Err(), err))
	}
	if wait.Err() != nil {
		return errors.Join(plan.Errorf(plan.EBusy, "the plan is busy with other changes: nothing was saved; try again in a moment"),
			fmt.Errorf("waited %s for the other saves of plan %s %d: %w", s.planWait, programmeID, year, err))
	}
	return fmt.Errorf("lock plan %s %d: %w", programmeID, year, err)
}

// discard closes a connection and keeps it out of the pool, so that the
// engine ends its session and whatever locks the session holds.
func discard(conn *sql.Conn) {
	_ = conn.Raw(func(any) error { return driver.ErrBadConn })
	_ = conn.Close()
}

// planLockKey names the lock of a programme's plan for a year: the same in
// every copy of planverk. Two plans that happen to share a key only take
// turns.
func planLockKey(programmeID string, year int) int64 {
	h := fnv.New64a()
	h.Write([]byte("planverk plan\x00"))
	h.Write([]byte(programmeID))
	h.Write([]byte{0})
	h.Write([]byte(strconv.Itoa(year)))
	return int64(h.Sum64())
}

// planQueue lets one caller at a time in per key, in this process.
type planQueue struct {
	mu   sync.Mutex
	keys map[int64]*planTurn
}

// planTurn is one key's turn: a token to hold, and how many callers hold
// or wait for it, so that the key is forgotten when none do.
type planTurn struct {
	token   chan struct{}
	callers int
}

// enter waits for key's turn, or until ctx is done, and returns the
// function that ends the turn.
func (q *planQueue) enter(ctx context.Context, key int64) (func(), error) {
	q.mu.Lock()
	if q.keys == nil {
		q.keys = map[int64]*planTurn{}
	}
	t := q.keys[key]
	if t == nil {
		t = &planTurn{token: make(chan struct{}, 1)}
		q.keys[key] = t
	}
	t.callers++
	q.mu.Unlock()
	select {
	case t.token <- struct{}{}:
		return func() { <-t.token; q.leave(key, t) }, nil
	case <-ctx.Done():
		q.leave(key, t)
		return nil, ctx.Err()
	}
}

func (q *planQueue) leave(key int64, t *planTurn) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if t.callers--; t.callers == 0 {
		delete(q.keys, key)
	}
}
