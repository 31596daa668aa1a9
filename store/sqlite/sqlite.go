// Package sqlite keeps planverk's data in one SQLite file: the default, which
// needs nothing installed. The tables and queries are shared with PostgreSQL
// (store/sqlstore); this package opens the file, keeps the SQLite schema as
// embedded migrations, and says how SQLite wants its transactions.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/pressly/goose/v3"
	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"planverk/store"
	"planverk/store/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a planverk database in a SQLite file.
//
// SQLite allows one writer at a time. Writes therefore go through a pool of
// exactly one connection, so that they queue in Go rather than fail with
// SQLITE_BUSY, while reads use a pool of their own and, thanks to WAL, never
// wait for a write (the way PocketBase does it).
type Store struct {
	*sqlstore.Store
	writer, reader *sql.DB
	// tempDir is removed on Close: it holds the file behind ":memory:".
	tempDir string
}

var _ store.Store = (*Store)(nil)

// Options are the operator's choices for a database file.
type Options struct {
	// Synchronous is SQLite's synchronous setting, "NORMAL" or "FULL"
	// (ParseSynchronous); "" is NORMAL.
	//
	// Under WAL, NORMAL syncs the log only at checkpoints: a commit survives
	// a crash of planverk or a kill -9 (the log is in the operating
	// system's hands), but the last commits before a power cut or a kernel
	// crash may be lost, never half-kept. FULL syncs the log at every
	// commit, so that an acknowledged commit survives a power cut too, at
	// the cost of one fsync per save (see BenchmarkSynchronous).
	Synchronous string
}

// ParseSynchronous reads an operator's synchronous setting: "normal" or
// "full", in any case, and "" for the default.
func ParseSynchronous(v string) (string, error) {
	switch strings.ToUpper(strings.TrimSpace(v)) {
	case "", "NORMAL":
		return "NORMAL", nil
	case "FULL":
		return "FULL", nil
	}
	return "", fmt.Errorf("sqlite: synchronous must be normal or full, not %q", v)
}

// Open opens (creating if need be) the database file at path and brings its
// schema up to date.
//
// ":memory:" gives a database in a temporary file that Close removes: a true
// in-memory SQLite database lives in one connection, and the writer and the
// readers are separate connections that must see the same data.
func Open(ctx context.Context, path string) (*Store, error) {
	return OpenWith(ctx, path, Options{})
}

// OpenWith is Open with the operator's options.
func OpenWith(ctx context.Context, path string, o Options) (*Store, error) {
	s := &Store{}
	if path == "" {
		return nil, errors.New("sqlite: no database file given")
	}
	synchronous, err := ParseSynchronous(o.Synchronous)
	if err != nil {
		return nil, err
	}
	if path == ":memory:" {
		dir, err := os.MkdirTemp("", "planverk-*")
		if err != nil {
			return nil, fmt.Errorf("sqlite: temporary database: %w", err)
		}
		s.tempDir = dir
		path = filepath.Join(dir, "planverk.db")
	}
	// _txlock=immediate takes the write lock at BEGIN: a deferred transaction
	// that reads first and writes later cannot wait for a lock another process
	// holds, it fails at once with SQLITE_BUSY.
	s.writer, err = sql.Open("sqlite", dsn(path, synchronous)+"&_txlock=immediate")
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	s.writer.SetMaxOpenConns(1)
	if err := migrate(ctx, s.writer); err != nil {
		s.Close()
		return nil, fmt.Errorf("sqlite: migrate %s: %w", path, err)
	}
	// query_only makes a write by mistake through the read pool an error
	// instead of a second writer.
	s.reader, err = sql.Open("sqlite", dsn(path, synchronous)+"&_pragma=query_only(1)")
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	s.reader.SetMaxOpenConns(max(4, runtime.NumCPU()))
	if err := s.reader.PingContext(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	s.Store = sqlstore.New(s.writer, s.reader, dialect{})
	if err := s.BackfillReleases(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if err := s.BackfillIndexes(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if err := s.CompactVersions(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	return s, nil
}

// dsn is the connection string for a file. busy_timeout comes first so that
// the pragmas after it, journal_mode above all, wait for a lock rather than
// fail. foreign_keys is off by default in SQLite and must be set on every
// connection, and so must synchronous.
func dsn(path, synchronous string) string {
	return "file:" + escapePath(path) +
		"?_pragma=busy_timeout(10000)" +
		"&_pragma=journal_mode(WAL)" +
		"&_pragma=foreign_keys(1)" +
		"&_pragma=synchronous(" + synchronous + ")"
}

// escapePath makes a file path fit a file: URI, where % ? and # would be
// read as escapes, query and fragment.
func escapePath(path string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
}

// migrate applies the embedded migrations that the database lacks, each in a
// transaction of its own, so that a failed migration leaves the schema at the
// last one that succeeded.
func migrate(ctx context.Context, db *sql.DB) error {
	fsys, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, db, fsys, goose.WithDisableGlobalRegistry(true))
	if err != nil {
		return err
	}
	_, err = p.Up(ctx)
	return err
}

// Close closes the database. It is safe to call more than once.
func (s *Store) Close() error {
	var errs []error
	// The shared store first: its cached prepared statements hold
	// connections open, and database/sql closes a connection only when its
	// last statement is closed, so without this the file would stay open
	// (its -wal and -shm beside it) after Close, and a restore would find
	// it in use.
	if s.Store != nil {
		errs = append(errs, s.Store.Close())
		s.Store = nil
	}
	if s.reader != nil {
		errs = append(errs, s.reader.Close())
		s.reader = nil
	}
	if s.writer != nil {
		errs = append(errs, s.writer.Close())
		s.writer = nil
	}
	if s.tempDir != "" {
		errs = append(errs, os.RemoveAll(s.tempDir))
		s.tempDir = ""
	}
	return errors.Join(errs...)
}

// dialect is how SQLite wants its queries and transactions.
type dialect struct{}

// Rebind leaves a query as it is: SQLite reads "?" and "?N" itself.
func (dialect) Rebind(q string) string { return q }

// WriteTx needs no options: the writer pool's one connection and
// _txlock=immediate already serialise writes.
func (dialect) WriteTx() *sql.TxOptions { return nil }

func (dialect) ReadTx() *sql.TxOptions { return &sql.TxOptions{ReadOnly: true} }

// Retry is always false: with one writer and a busy timeout, SQLite has no
// transaction that fails for another's sake.
func (dialect) Retry(error) bool { return false }
