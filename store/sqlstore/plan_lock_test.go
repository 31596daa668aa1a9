package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"

	"planverk/plan"
)

// sharedLock is an engine whose plan lock another copy of planverk may
// hold: one lock for every plan, taken by sending on held.
type sharedLock struct {
	plainDialect
	held chan struct{}
}

func (d sharedLock) LockPlan(ctx context.Context, _ *sql.Conn, _ int64) error {
	select {
	case d.held <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (d sharedLock) UnlockPlan(context.Context, *sql.Conn, int64) error {
	<-d.held
	return nil
}

func lockingStore(t *testing.T) (*Store, sharedLock) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+t.TempDir()+"/l.db")
	if err != nil {
		t.Fatal(err)
	}
	d := sharedLock{held: make(chan struct{}, 1)}
	s := New(db, db, d)
	t.Cleanup(func() { s.Close() })
	s.planWait = 50 * time.Millisecond
	return s, d
}

// A save of a plan that another copy of planverk is saving waits its turn;
// one that would wait too long is refused as busy, so that the web answers
// 503 with Retry-After, and nothing of it runs.
func TestWritePlanWaitsItsTurn(t *testing.T) {
	s, d := lockingStore(t)
	ctx := context.Background()
	d.held <- struct{}{} // the other copy's save
	ran := false
	err := s.writePlan(ctx, "p", 2025, func(*writer) error { ran = true; return nil })
	if got := plan.ErrorCode(err); got != plan.EBusy {
		t.Fatalf("error code %q, want %q (%v)", got, plan.EBusy, err)
	}
	if ran {
		t.Error("the save ran without its turn")
	}
	<-d.held // the other copy is done
	if err := s.writePlan(ctx, "p", 2025, func(*writer) error { ran = true; return nil }); err != nil || !ran {
		t.Fatalf("with its turn: ran %v, %v", ran, err)
	}
	// The lock was let go: the next save gets it, even after one that failed.
	failed := errors.New("the change did not apply")
	if err := s.writePlan(ctx, "p", 2025, func(*writer) error { return failed }); !errors.Is(err, failed) {
		t.Fatalf("a failing save: %v", err)
	}
	if err := s.writePlan(ctx, "p", 2025, func(*writer) error { return nil }); err != nil {
		t.Fatalf("the save after a failed one: %v", err)
	}
}

// The saves of one plan in one copy wait for each other without asking
// the engine: only the first holds a connection while it waits for the
// engine's lock, so a queue of editors does not take the pool.
func TestWritePlanQueuesInProcess(t *testing.T) {
	s, d := lockingStore(t)
	ctx := context.Background()
	leave, err := s.plans.enter(ctx, planLockKey("p", 2025))
	if err != nil {
		t.Fatal(err)
	}
	err = s.writePlan(ctx, "p", 2025, func(*writer) error { return nil })
	if got := plan.ErrorCode(err); got != plan.EBusy {
		t.Fatalf("error code %q, want %q (%v)", got, plan.EBusy, err)
	}
	if len(d.held) != 0 {
		t.Error("a save waiting behind another of the same plan took the engine's lock")
	}
	// Another plan does not wait.
	if err := s.writePlan(ctx, "q", 2025, func(*writer) error { return nil }); err != nil {
		t.Fatalf("another plan's save: %v", err)
	}
	leave()
	if err := s.writePlan(ctx, "p", 2025, func(*writer) error { return nil }); err != nil {
		t.Fatalf("after the turn ended: %v", err)
	}
	if len(s.plans.keys) != 0 {
		t.Errorf("%d plans are remembered with no save waiting", len(s.plans.keys))
	}
}

// A caller that goes away while waiting gets its context's error, not busy:
// nobody is there to try again.
func TestWritePlanCallerGone(t *testing.T) {
	s, d := lockingStore(t)
	s.planWait = time.Minute
	d.held <- struct{}{}
	ctx, cancel := context.WithCancel(context.Background())
	go cancel()
	err := s.writePlan(ctx, "p", 2025, func(*writer) error { return nil })
	if !errors.Is(err, context.Canceled) || plan.ErrorCode(err) == plan.EBusy {
		t.Fatalf("got %v, want the context's error", err)
	}
}
