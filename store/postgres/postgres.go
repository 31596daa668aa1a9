// Package postgres keeps planverk's data in PostgreSQL, for a county or a
// national service where several copies of planverk share one database. The
// tables and queries are shared with SQLite (store/sqlstore); this package
// connects through pgx, keeps the PostgreSQL schema as embedded migrations,
// and runs writes as serializable transactions that are retried when
// PostgreSQL aborts one for another's sake.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"

	"planverk/store"
	"planverk/store/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a planverk database in PostgreSQL.
type Store struct {
	*sqlstore.Store
	db *sql.DB
	// dsn is kept for the watch's own connection.
	dsn string
}

var (
	_ store.Store         = (*Store)(nil)
	_ store.ChangeWatcher = (*Store)(nil)
	_ sqlstore.PlanLocker = dialect{}
)

// Open connects to the database a postgres:// URL names and brings its
// schema up to date. The database must exist; its tables are created.
func Open(ctx context.Context, dsn string) (*Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: open %s: %w", Redact(dsn), err)
	}
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(8)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: connect to %s: %w", Redact(dsn), err)
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: migrate %s: %w", Redact(dsn), err)
	}
	s := &Store{Store: sqlstore.New(db, db, dialect{}), db: db, dsn: dsn}
	if err := s.BackfillReleases(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: open %s: %w", Redact(dsn), err)
	}
	if err := s.BackfillIndexes(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: open %s: %w", Redact(dsn), err)
	}
	if err := s.CompactVersions(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: open %s: %w", Redact(dsn), err)
	}
	return s, nil
}

// migrate applies the embedded migrations that the database lacks. goose
// takes an advisory lock, so that copies of planverk starting at once do
// not migrate twice.
func migrate(ctx context.Context, db *sql.DB) error {
	fsys, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(goose.DialectPostgres, db, fsys,
		goose.WithDisableGlobalRegistry(true), goose.WithSessionLocker(locker))
	if err != nil {
		return err
	}
	_, err = p.Up(ctx)
	return err
}

// Redact hides the password of a connection URL, for logs and messages.
func Redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return dsn
	}
	return u.Redacted()
}

// dialect is how PostgreSQL wants its queries and transactions.
type dialect struct{}

func (dialect) Rebind(q string) string { return sqlstore.DollarNumbers(q) }

// WriteTx is serializable: a save reads (the next version number, the
// records it names) before it writes, and must not act on what a concurrent
// save changes meanwhile. PostgreSQL aborts the loser, and Retry runs it
// again.
func (dialect) WriteTx() *sql.TxOptions { return &sql.TxOptions{Isolation: sql.LevelSerializable} }

// ReadTx is repeatable read, so that every query of one read sees the same
// snapshot.
func (dialect) ReadTx() *sql.TxOptions {
	return &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}
}

// LockPlan takes the session's advisory lock on a plan (see
// sqlstore.PlanLocker): every copy of planverk on the database waits for
// the same one. pgx cancels the wait when ctx is done.
func (dialect) LockPlan(ctx context.Context, conn *sql.Conn, key int64) error {
	_, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, key)
	return err
}

// UnlockPlan lets the lock on a plan go.
func (dialect) UnlockPlan(ctx context.Context, conn *sql.Conn, key int64) error {
	var held bool
	if err := conn.QueryRowContext(ctx, `SELECT pg_advisory_unlock($1)`, key).Scan(&held); err != nil {
		return err
	}
	if !held {
		return fmt.Errorf("the session did not hold plan lock %d", key)
	}
	return nil
}

// Retry reports serialization failures and deadlocks, which PostgreSQL asks
// the client to retry.
func (dialect) Retry(err error) bool {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return false
	}
	return pe.Code == "40001" || pe.Code == "40P01"
}
