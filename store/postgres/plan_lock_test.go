package postgres

import (
	"context"
	"errors"
	"testing"
	"time"

	"planverk/plan"
	"planverk/store"
	"planverk/store/storetest"
)

// A save that gives up waiting for another copy of planverk's save of the
// same plan leaves no lock behind: once the other save is done, the plan's
// lock is free and the next save goes through.
func TestPlanLockGivenUp(t *testing.T) {
	testURL(t)
	ctx := context.Background()
	dsn := migrated.Database(t, "postgres")
	a, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	f := storetest.RichFile()
	if _, err := a.SavePlan(ctx, f); err != nil {
		t.Fatal(err)
	}
	id, year := f.Programme.ID, f.Plan.Year
	retitle := func(title string) func(*plan.File) error {
		return func(f *plan.File) error { f.Plan.Title = title; return nil }
	}

	// a's save holds the plan's lock until it is let go on.
	inside, goOn := make(chan struct{}), make(chan struct{})
	done := make(chan error, 1)
	go func() {
		_, err := a.EditPlan(ctx, id, year, store.Edit{}, func(f *plan.File) error {
			close(inside)
			<-goOn
			return retitle("First")(f)
		})
		done <- err
	}()
	<-inside
	short, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	_, err = b.EditPlan(short, id, year, store.Edit{}, retitle("Given up"))
	cancel()
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("a save that gave up waiting: %v, want the context's deadline", err)
	}
	close(goOn)
	if err := <-done; err != nil {
		t.Fatalf("the save that held the lock: %v", err)
	}

	var held int
	if err := a.db.QueryRowContext(ctx, `SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted
		AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`).Scan(&held); err != nil {
		t.Fatal(err)
	}
	if held != 0 {
		t.Errorf("%d advisory locks are held with no save running", held)
	}
	if _, err := b.EditPlan(ctx, id, year, store.Edit{}, retitle("Second")); err != nil {
		t.Fatalf("the next save: %v", err)
	}
	got, v, err := a.LoadPlan(ctx, id, year)
	if err != nil {
		t.Fatal(err)
	}
	if got.Plan.Title != "Second" || v.Version != 3 {
		t.Errorf("the plan is %q at version %d, want \"Second\" at 3: the given-up save saved nothing", got.Plan.Title, v.Version)
	}
}
