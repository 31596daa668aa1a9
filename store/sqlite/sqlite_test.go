package sqlite

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/pressly/goose/v3"
)

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
	save(t, s, richFile())
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the database is not at %s: %v", path, err)
	}
}

// TestMigrationsDown takes the schema down to nothing and up again, so that
// the Down sections stay in step with the Up ones.
func TestMigrationsDown(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	save(t, s, richFile())
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
	save(t, s, richFile())
}
