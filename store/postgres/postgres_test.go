package postgres

import (
	"context"
	"os"
	"testing"

	"planverk/store"
	"planverk/store/storetest"
	"planverk/store/testdb"
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

// migrated is the database the suite's tests start from: the schema, made
// once per run of the package, cloned for each test and dropped when it
// ends.
var migrated = testdb.New(func(ctx context.Context, _, dsn string) error {
	s, err := Open(ctx, dsn)
	if err != nil {
		return err
	}
	return s.Close()
})

func TestMain(m *testing.M) { testdb.Main(m) }

// TestStore runs the store suite on PostgreSQL.
func TestStore(t *testing.T) {
	testURL(t)
	storetest.Run(t, func(t *testing.T) storetest.Opener {
		dsn := migrated.Database(t, "postgres")
		return func(ctx context.Context) (store.Store, error) { return Open(ctx, dsn) }
	})
}
