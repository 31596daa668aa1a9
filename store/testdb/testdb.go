// Package testdb gives each test a database of its own, copied from a
// template that the test binary fills once: the schema migrated and, where
// the tests want them, the example plans loaded. Copying a file (SQLite) or
// cloning a database (PostgreSQL, CREATE DATABASE … TEMPLATE) takes
// milliseconds where migrating and loading take seconds, so every test can
// start from a full database of its own and run in parallel with the others.
//
// A package that uses it calls Main (or Run) from its TestMain, which drops
// the templates when the tests end:
//
//	var examples = testdb.New(func(ctx context.Context, engine, dsn string) error { … })
//
//	func TestMain(m *testing.M) { testdb.Main(m) }
//
//	func TestX(t *testing.T) { dsn := examples.Database(t, "sqlite") … }
//
// The package knows the database drivers but not planverk's stores, so that
// the stores' own tests can use it too.
package testdb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver
)

// PostgresVariable names the environment variable that holds the URL of
// the PostgreSQL server for tests (postgres.TestURLVariable).
const PostgresVariable = "PLANVERK_TEST_POSTGRES"

// Fill makes a template: it opens the new, empty database of the engine at
// dsn (a file path for "sqlite", a postgres:// URL for "postgres") with that
// engine's store, which migrates it, stores what the tests need, and closes
// it again, every connection.
type Fill func(ctx context.Context, engine, dsn string) error

// Template is the database the tests of a package start from, one per
// engine, made by its Fill the first time a test asks for it.
type Template struct {
	fill Fill

	mu      sync.Mutex
	engines map[string]*template
}

// template is a Template made on one engine.
type template struct {
	once sync.Once
	err  error
	file []byte // sqlite: the template file, checkpointed
	name string // postgres: the template database
	base string // postgres: the server
}

// New returns a template that fill makes. Declare it as a package
// variable; nothing is made until a test asks for a database.
func New(fill Fill) *Template {
	return &Template{fill: fill, engines: map[string]*template{}}
}

// running is set while Main or Run runs the tests: only then is there
// someone to drop the templates.
var running atomic.Bool

// made lists the PostgreSQL templates made in this process, for Run to
// drop. SQLite templates live in memory only.
var made struct {
	sync.Mutex
	list []*template
}

// Database returns a new database of the engine ("sqlite" or "postgres"),
// a copy of the template: a file path in the test's temporary directory, or
// the URL of a database on the server that PLANVERK_TEST_POSTGRES names,
// dropped when the test ends. A template that cannot be made fails every
// test that asks for it, with the reason.
func (tp *Template) Database(t testing.TB, engine string) string {
	t.Helper()
	if !running.Load() {
		t.Fatal("testdb: the package's TestMain must call testdb.Main (or testdb.Run), which drops the templates at the end")
	}
	tp.mu.Lock()
	e := tp.engines[engine]
	if e == nil {
		e = &template{}
		tp.engines[engine] = e
	}
	tp.mu.Unlock()
	e.once.Do(func() { e.err = tp.make(engine, e) })
	if e.err != nil {
		t.Fatal(e.err)
	}
	switch engine {
	case "sqlite":
		path := filepath.Join(t.TempDir(), "planverk.db")
		if err := os.WriteFile(path, e.file, 0o600); err != nil {
			t.Fatalf("testdb: copy the template: %v", err)
		}
		return path
	default: // postgres; make refused any other
		dsn, drop, err := createDatabase(context.Background(), e.base, e.name)
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
}

// make makes the template of an engine.
func (tp *Template) make(engine string, e *template) error {
	ctx := context.Background()
	switch engine {
	case "sqlite":
		file, err := makeSQLite(ctx, tp.fill)
		e.file = file
		return err
	case "postgres":
		e.base = os.Getenv(PostgresVariable)
		if e.base == "" {
			return fmt.Errorf("testdb: %s is not set: no PostgreSQL server to make the template on", PostgresVariable)
		}
		name, err := makePostgres(ctx, e.base, tp.fill)
		if err != nil {
			return err
		}
		e.name = name
		made.Lock()
		made.list = append(made.list, e)
		made.Unlock()
		return nil
	}
	return fmt.Errorf("testdb: unknown engine %q", engine)
}

// makeSQLite fills a file in a temporary directory and returns its bytes.
// The fill's store leaves the file in WAL mode; the checkpoint moves every
// page into the main file, so that the file alone is the whole database.
func makeSQLite(ctx context.Context, fill Fill) ([]byte, error) {
	dir, err := os.MkdirTemp("", "planverk-template-*")
	if err != nil {
		return nil, fmt.Errorf("testdb: sqlite template: %w", err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "template.db")
	if err := fill(ctx, "sqlite", path); err != nil {
		return nil, fmt.Errorf("testdb: fill the sqlite template: %w", err)
	}
	if err := checkpoint(ctx, path); err != nil {
		return nil, fmt.Errorf("testdb: sqlite template: %w", err)
	}
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
		return nil, fmt.Errorf("testdb: sqlite template: %s-wal still holds %d bytes after the checkpoint: was a connection left open?", path, fi.Size())
	}
	return os.ReadFile(path)
}

// checkpoint writes everything in the file's write-ahead log into the file
// and empties the log.
func checkpoint(ctx context.Context, path string) error {
	esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	db, err := sql.Open("sqlite", "file:"+esc+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	defer db.Close()
	var busy, logged, done int
	if err := db.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &logged, &done); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	if busy != 0 {
		return errors.New("checkpoint: the file is still in use: was a connection left open?")
	}
	return db.Close()
}

// makePostgres makes and fills a database on the server and closes it to
// connections, so that it can only be cloned; it returns its name.
func makePostgres(ctx context.Context, base string, fill Fill) (string, error) {
	a, err := adminDB(base)
	if err != nil {
		return "", err
	}
	sweep(ctx, a)
	name, err := newName("planverk_template")
	if err != nil {
		return "", err
	}
	if _, err := a.ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
		return "", fmt.Errorf("testdb: create the template database on %s: %w", redact(base), err)
	}
	if err := mark(ctx, a, name); err != nil {
		return "", errors.Join(err, dropDatabase(a, name))
	}
	dsn, err := databaseURL(base, name)
	if err != nil {
		return "", errors.Join(err, dropDatabase(a, name))
	}
	if err := fill(ctx, "postgres", dsn); err != nil {
		return "", errors.Join(fmt.Errorf("testdb: fill the postgres template: %w", err), dropDatabase(a, name))
	}
	// No connection may be open to a database that is cloned; none can be
	// opened by mistake from now on.
	if _, err := a.ExecContext(ctx, `ALTER DATABASE `+name+` WITH ALLOW_CONNECTIONS false`); err != nil {
		return "", errors.Join(fmt.Errorf("testdb: close the template %s: %w", name, err), dropDatabase(a, name))
	}
	return name, nil
}

// createDatabase clones the template into a new database and returns its
// URL and a function that drops it.
func createDatabase(ctx context.Context, base, template string) (dsn string, drop func() error, err error) {
	a, err := adminDB(base)
	if err != nil {
		return "", nil, err
	}
	name, err := newName("planverk_test")
	if err != nil {
		return "", nil, err
	}
	if _, err := a.ExecContext(ctx, `CREATE DATABASE `+name+` TEMPLATE `+template); err != nil {
		return "", nil, fmt.Errorf("testdb: create a test database from %s on %s: %w", template, redact(base), err)
	}
	drop = func() error { return dropDatabase(a, name) }
	if err := mark(ctx, a, name); err != nil {
		return "", nil, errors.Join(err, drop())
	}
	dsn, err = databaseURL(base, name)
	if err != nil {
		return "", nil, errors.Join(err, drop())
	}
	return dsn, drop, nil
}

// Main runs the tests, drops the templates and exits: call it from
// TestMain.
func Main(m *testing.M) { os.Exit(Run(m)) }

// Run runs the tests and drops the templates, and returns the exit code,
// for a TestMain that has more to do before it exits. A template that
// cannot be dropped turns a pass into a failure.
func Run(m *testing.M) int {
	running.Store(true)
	code := m.Run()
	running.Store(false)
	if err := closeAll(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		if code == 0 {
			code = 1
		}
	}
	return code
}

// closeAll drops the templates made in this process and closes the
// connections to the servers.
func closeAll() error {
	made.Lock()
	list := made.list
	made.list = nil
	made.Unlock()
	var errs []error
	for _, e := range list {
		a, err := adminDB(e.base)
		if err == nil {
			err = dropDatabase(a, e.name)
		}
		errs = append(errs, err)
	}
	admins.Lock()
	for base, a := range admins.m {
		errs = append(errs, a.Close())
		delete(admins.m, base)
	}
	admins.Unlock()
	return errors.Join(errs...)
}

// admins holds one pool per server for creating and dropping databases,
// shared by the tests of the process.
var admins struct {
	sync.Mutex
	m map[string]*sql.DB
}

func adminDB(base string) (*sql.DB, error) {
	admins.Lock()
	defer admins.Unlock()
	if a := admins.m[base]; a != nil {
		return a, nil
	}
	a, err := sql.Open("pgx", base)
	if err != nil {
		return nil, fmt.Errorf("testdb: %s: %w", PostgresVariable, err)
	}
	if admins.m == nil {
		admins.m = map[string]*sql.DB{}
	}
	admins.m[base] = a
	return a, nil
}

// newName returns a database name that no other test, package or person
// using the server at the same time has: the process id and random bytes.
func newName(prefix string) (string, error) {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return fmt.Sprintf("%s_%d_%s", prefix, os.Getpid(), hex.EncodeToString(b)), nil
}

func databaseURL(base, name string) (string, error) {
	u, err := url.Parse(base)
	if err != nil {
		return "", fmt.Errorf("testdb: %s: %w", PostgresVariable, err)
	}
	u.Path = "/" + name
	return u.String(), nil
}

func dropDatabase(a *sql.DB, name string) error {
	// WITH (FORCE) ends connections a failed test left open.
	if _, err := a.ExecContext(context.Background(), `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`); err != nil {
		return fmt.Errorf("testdb: drop %s: %w", name, err)
	}
	return nil
}

func redact(base string) string {
	u, err := url.Parse(base)
	if err != nil || u.User == nil {
		return base
	}
	return u.Redacted()
}
