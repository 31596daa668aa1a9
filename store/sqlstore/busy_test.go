package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"testing"

	"planverk/plan"
)

// alwaysLost is an engine on which every write loses to another one.
type alwaysLost struct{ plainDialect }

func (alwaysLost) Retry(error) bool { return true }

// A write that keeps losing to concurrent ones is refused as busy once its
// attempts run out, so that the web answers 503 with Retry-After rather
// than 500; the engine's own error stays in the chain for the log.
func TestWriteOutOfAttemptsIsBusy(t *testing.T) {
	db, err := sql.Open("sqlite", "file:"+t.TempDir()+"/b.db")
	if err != nil {
		t.Fatal(err)
	}
	s := New(db, db, alwaysLost{})
	t.Cleanup(func() { s.Close() })
	s.attempts = 3
	lost := errors.New("could not serialize access")
	runs := 0
	err = s.write(context.Background(), func(*writer) error { runs++; return lost })
	if got := plan.ErrorCode(err); got != plan.EBusy {
		t.Fatalf("error code %q, want %q (%v)", got, plan.EBusy, err)
	}
	if !errors.Is(err, lost) {
		t.Errorf("the engine's error is not kept: %v", err)
	}
	if runs != 3 {
		t.Errorf("ran %d times, want 3", runs)
	}
}
