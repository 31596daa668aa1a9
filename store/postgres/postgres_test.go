package postgres

import (
	"context"
	"os"
	"testing"

	"planverk/store"
	"planverk/store/storetest"
)

// testURL returns the server the tests use, or skips the test where none is
// given.
func testURL(t *testing.T) string {
	t.Helper()
	base := os.Getenv(TestURLVariable)
	if base == "" {
		t.Skipf("%s is not set: the PostgreSQL store is not tested (set it to a server URL, such as postgres://postgres@127.0.0.1:5432/postgres)", TestURLVariable)
	}
	return base
}

// newDatabase makes a database for one test, dropped when it ends.
func newDatabase(t *testing.T) string {
	t.Helper()
	dsn, drop, err := CreateTestDatabase(context.Background(), testURL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := drop(); err != nil {
			t.Error(err)
		}
	})
	return dsn
}

// TestStore runs the store suite on PostgreSQL.
func TestStore(t *testing.T) {
	testURL(t)
	storetest.Run(t, func(t *testing.T) storetest.Opener {
		dsn := newDatabase(t)
		return func(ctx context.Context) (store.Store, error) { return Open(ctx, dsn) }
	})
}
