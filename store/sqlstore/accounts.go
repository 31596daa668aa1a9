package sqlstore

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"planverk/plan"
	"planverk/store"
)

// Accounts (store.Accounts) live in the same database as the plans, in the
// tables of the second migration (users, programme_members, invitations,
// api_tokens, sessions) and of the eleventh (login_attempts). Their methods
// are in user.go, membership.go, invitation.go, apitoken.go, session.go and
// loginattempt.go.
var _ store.Accounts = (*Store)(nil)

// dbTime is a time as the accounts tables take it: in UTC, at PostgreSQL's
// precision of a microsecond, written at the fixed width of savedAtFormat.
// SQLite keeps the text, which sorts and compares in time order; PostgreSQL
// reads it into a timestamptz. Either way the time read back (timeOf) is the
// time put in, truncated to the microsecond.
func dbTime(t time.Time) string {
	return roundTime(t).Format(savedAtFormat)
}

// roundTime is t as the database will give it back: UTC, whole microseconds,
// no monotonic clock reading.
func roundTime(t time.Time) time.Time {
	return t.UTC().Truncate(time.Microsecond)
}

// nullTime maps nil to NULL and any other time to dbTime.
func nullTime(t *time.Time) any {
	if t == nil {
		return nil
	}
	return dbTime(*t)
}

// nullTimeOf reads a time column that may be NULL.
func nullTimeOf(v any) (*time.Time, error) {
	if v == nil {
		return nil, nil
	}
	t, err := timeOf(v)
	if err != nil {
		return nil, err
	}
	return &t, nil
}

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(...any) error }

// queryRow runs a query that selects one row, in a write transaction.
func (w *writer) queryRow(query string, args ...any) (*sql.Row, error) {
	st, err := w.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.QueryRowContext(w.ctx, args...), nil
}

// execCount runs a statement and returns how many rows it changed.
func (w *writer) execCount(query string, args ...any) (int64, error) {
	st, err := w.stmt(query)
	if err != nil {
		return 0, err
	}
	res, err := st.ExecContext(w.ctx, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// exists reports whether a query selects a row.
func (w *writer) exists(query string, args ...any) (bool, error) {
	row, err := w.queryRow(`SELECT EXISTS (`+query+`)`, args...)
	if err != nil {
		return false, err
	}
	var ok bool
	err = row.Scan(&ok)
	return ok, err
}

// accountError says what was being done when err happened, unless err is
// nil or a *plan.Error, whose message is for the user and already says what
// is wrong.
func accountError(err error, format string, args ...any) error {
	if err == nil {
		return nil
	}
	var pe *plan.Error
	if errors.As(err, &pe) {
		return err
	}
	return fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), err)
}
