package sqlite

import (
	"context"
	"database/sql"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/pressly/goose/v3"

	"planverk/store"
	"planverk/store/storetest"
	"planverk/store/testdb"
)

// migrated is the database the suite's tests start from: the schema, made
// once per run of the package, copied for each test.
var migrated = testdb.New(func(ctx context.Context, _, path string) error {
	s, err := Open(ctx, path)
	if err != nil {
		return err
	}
	return s.Close()
})

func TestMain(m *testing.M) { testdb.Main(m) }

// TestStore runs the store suite on SQLite.
func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Opener {
		path := migrated.Database(t, "sqlite")
		return func(ctx context.Context) (store.Store, error) { return Open(ctx, path) }
	})
}

func openAt(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func openTest(t *testing.T) *Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "planverk.db"))
}

func save(t *testing.T, s *Store) {
	t.Helper()
	if _, err := s.SavePlan(context.Background(), storetest.RichFile()); err != nil {
		t.Fatalf("SavePlan: %v", err)
	}
}

// TestMemory checks that ":memory:" works and leaves nothing behind.
func TestMemory(t *testing.T) {
	s, err := Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	dir := s.tempDir
	save(t, s)
	if _, _, err := s.LoadPlan(context.Background(), "vt-bygdevekst", 2025); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("Close left the temporary database %s behind (%v)", dir, err)
	}
}

// TestConnections checks what the DSN promises on both pools: WAL, foreign
// keys and the busy timeout everywhere, and no writing through the readers.
func TestConnections(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	for _, pool := range []struct {
		name string
		q    func(string) (string, error)
	}{
		{"writer", func(q string) (v string, err error) { err = s.writer.QueryRowContext(ctx, q).Scan(&v); return }},
		{"reader", func(q string) (v string, err error) { err = s.reader.QueryRowContext(ctx, q).Scan(&v); return }},
	} {
		for pragma, want := range map[string]string{
			"journal_mode": "wal", "foreign_keys": "1", "busy_timeout": "10000", "synchronous": "1",
		} {
			got, err := pool.q("PRAGMA " + pragma)
			if err != nil {
				t.Fatalf("%s: PRAGMA %s: %v", pool.name, pragma, err)
			}
			if got != want {
				t.Errorf("%s: PRAGMA %s = %s, want %s", pool.name, pragma, got, want)
			}
		}
	}
	if _, err := s.reader.ExecContext(ctx, `INSERT INTO organisations (key, name) VALUES ('x', 'X')`); err == nil {
		t.Error("the reader pool accepted a write")
	}
	if n := s.writer.Stats().MaxOpenConnections; n != 1 {
		t.Errorf("writer pool allows %d connections, want 1", n)
	}
}

// TestOddPath opens a file whose name has the characters a file: URI gives
// meaning to.
func TestOddPath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plan verk?x=1#2%41.db")
	s := openAt(t, path)
	save(t, s)
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the database is not at %s: %v", path, err)
	}
}

// TestMigrationsDown takes the schema down to nothing and up again, so that
// the Down sections stay in step with the Up ones.
func TestMigrationsDown(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	save(t, s)
	fsys, err := fs.Sub(migrations, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, s.writer, fsys, goose.WithDisableGlobalRegistry(true))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.DownTo(ctx, 0); err != nil {
		t.Fatalf("down: %v", err)
	}
	var n int
	if err := s.writer.QueryRowContext(ctx,
		`SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'goose_db_version'`).
		Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("%d tables left after migrating down", n)
	}
	if _, err := p.Up(ctx); err != nil {
		t.Fatalf("up again: %v", err)
	}
	save(t, s)
}

// TestSynchronous checks that the operator's choice reaches every
// connection, writer and readers, and that a typo is refused rather than
// quietly left at the default.
func TestSynchronous(t *testing.T) {
	ctx := context.Background()
	for opt, want := range map[string]int{"": 1, "normal": 1, "FULL": 2, "full": 2} {
		s, err := OpenWith(ctx, filepath.Join(t.TempDir(), "planverk.db"), Options{Synchronous: opt})
		if err != nil {
			t.Fatalf("%q: %v", opt, err)
		}
		for name, db := range map[string]*sql.DB{"writer": s.writer, "reader": s.reader} {
			var got int
			if err := db.QueryRowContext(ctx, `PRAGMA synchronous`).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("synchronous %q: the %s has %d, want %d", opt, name, got, want)
			}
		}
		s.Close()
	}
	if _, err := OpenWith(ctx, filepath.Join(t.TempDir(), "planverk.db"), Options{Synchronous: "extra"}); err == nil {
		t.Error("synchronous \"extra\" was accepted")
	}
}
