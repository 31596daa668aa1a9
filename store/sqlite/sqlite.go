// Package sqlite keeps planverk's programmes, organisations and plan versions
// in one SQLite file, in normalised tables: a measure, a budget line or a
// financing cell is a row of its own, so that it can later be edited, audited
// and queried on its own, and so that the PostgreSQL store can share the
// design while writing SQL of its own.
//
// A plan file is saved whole and loaded whole (store.Store); everything the
// file holds comes back exactly, in the order it was written.
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
	writer *sql.DB
	reader *sql.DB
	// tempDir is removed on Close: it holds the file behind ":memory:".
	tempDir string
}

var _ store.Store = (*Store)(nil)

// Open opens (creating if need be) the database file at path and brings its
// schema up to date.
//
// ":memory:" gives a database in a temporary file that Close removes: a true
// in-memory SQLite database lives in one connection, and the writer and the
// readers are separate connections that must see the same data.
func Open(ctx context.Context, path string) (*Store, error) {
	s := &Store{}
	if path == "" {
		return nil, errors.New("sqlite: no database file given")
	}
	if path == ":memory:" {
		dir, err := os.MkdirTemp("", "planverk-*")
		if err != nil {
			return nil, fmt.Errorf("sqlite: temporary database: %w", err)
		}
		s.tempDir = dir
		path = filepath.Join(dir, "planverk.db")
	}
	var err error
	// _txlock=immediate takes the write lock at BEGIN: a deferred transaction
	// that reads first and writes later cannot wait for a lock another process
	// holds, it fails at once with SQLITE_BUSY.
	s.writer, err = sql.Open("sqlite", dsn(path)+"&_txlock=immediate")
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
	s.reader, err = sql.Open("sqlite", dsn(path)+"&_pragma=query_only(1)")
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	s.reader.SetMaxOpenConns(max(4, runtime.NumCPU()))
	if err := s.reader.PingContext(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	return s, nil
}

// dsn is the connection string for a file. busy_timeout comes first so that
// the pragmas after it, journal_mode above all, wait for a lock rather than
// fail. foreign_keys is off by default in SQLite and must be set on every
// connection.
func dsn(path string) string {
	// In a file: URI, % ? and # would be read as escapes, query and fragment.
	esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	return "file:" + esc +
		"?_pragma=busy_timeout(10000)" +
		"&_pragma=journal_mode(WAL)" +
		"&_pragma=foreign_keys(1)" +
		"&_pragma=synchronous(NORMAL)"
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

// Ping reports whether the database answers reads.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.reader.PingContext(ctx); err != nil {
		return fmt.Errorf("ping database: %w", err)
	}
	return nil
}

// Close closes the database. It is safe to call more than once.
func (s *Store) Close() error {
	var errs []error
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

// write runs fn in a transaction on the writer and commits it if fn succeeds.
func (s *Store) write(ctx context.Context, fn func(*writer) error) error {
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	w := &writer{ctx: ctx, tx: tx, stmts: map[string]*sql.Stmt{}}
	if err := fn(w); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// read runs fn in a read-only transaction, so that the many queries that
// rebuild one plan all see the same snapshot even while a save commits.
func (s *Store) read(ctx context.Context, fn func(*reader) error) error {
	tx, err := s.reader.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	return fn(&reader{ctx: ctx, tx: tx})
}
