package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"planverk/plan"
)

// writer is a write transaction. It uses each distinct statement prepared
// once, since a plan inserts the same few statements hundreds of times.
type writer struct {
	ctx     context.Context
	tx      *sql.Tx
	dialect Dialect
	stmts   map[string]*sql.Stmt
	// cache holds the statements prepared on the writer's pool, which
	// outlive the transaction.
	cache    *stmtCache
	versions *versionCache
}

func (w *writer) stmt(query string) (*sql.Stmt, error) {
	if st, ok := w.stmts[query]; ok {
		return st, nil
	}
	// Statements of the transaction, whether from the pool's cache or
	// prepared here, close with it.
	q := w.dialect.Rebind(query)
	var st *sql.Stmt
	if cached := w.cache.get(q); cached != nil {
		st = w.tx.StmtContext(w.ctx, cached)
	} else {
		var err error
		if st, err = w.tx.PrepareContext(w.ctx, q); err != nil {
			return nil, err
		}
	}
	w.stmts[query] = st
	return st, nil
}

func (w *writer) exec(query string, args ...any) error {
	st, err := w.stmt(query)
	if err != nil {
		return err
	}
	_, err = st.ExecContext(w.ctx, args...)
	return err
}

// insert runs an INSERT and returns the new row's id. It asks for the id with
// RETURNING, which both engines understand, rather than LastInsertId, which
// PostgreSQL's driver does not offer.
func (w *writer) insert(query string, args ...any) (int64, error) {
	st, err := w.stmt(query + " RETURNING id")
	if err != nil {
		return 0, err
	}
	var id int64
	if err := st.QueryRowContext(w.ctx, args...).Scan(&id); err != nil {
		return 0, err
	}
	return id, nil
}

// queryID returns the id a query selects, and false where it selects no row.
func (w *writer) queryID(query string, args ...any) (int64, bool, error) {
	st, err := w.stmt(query)
	if err != nil {
		return 0, false, err
	}
	var id int64
	err = st.QueryRowContext(w.ctx, args...).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, false, nil
	}
	return id, err == nil, err
}

// reader is a read-only transaction.
type reader struct {
	ctx     context.Context
	tx      *sql.Tx
	dialect Dialect
	// stmts are the prepared statements of the pool tx belongs to.
	stmts *stmtCache
	// versions is the store's cache of plan versions; keep says a read
	// may add to it (a read transaction, which sees only what was
	// committed).
	versions *versionCache
	keep     bool
}

// row runs a query that selects one row.
func (r *reader) row(query string, args ...any) *sql.Row {
	q := r.dialect.Rebind(query)
	if st := r.stmts.get(q); st != nil {
		return r.tx.StmtContext(r.ctx, st).QueryRowContext(r.ctx, args...)
	}
	return r.tx.QueryRowContext(r.ctx, q, args...)
}

// query runs a query, prepared once per connection where it can be.
func (r *reader) query(query string, args ...any) (*sql.Rows, error) {
	q := r.dialect.Rebind(query)
	if st := r.stmts.get(q); st != nil {
		return r.tx.StmtContext(r.ctx, st).QueryContext(r.ctx, args...)
	}
	return r.tx.QueryContext(r.ctx, q, args...)
}

// each runs a query and calls fn for every row.
func (r *reader) each(query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := r.query(query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Optional values. The plan types mark "not given" with a zero value or a nil
// pointer; the tables with NULL, so that an amount not yet known is not 0.

// nullInt maps 0 ("not given") to NULL.
func nullInt(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

// nullString maps "" to NULL: for a submission key, "" is none, and a
// UNIQUE column holds any number of NULLs but only one "".
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// nullID maps 0 (no row referred to) to NULL.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func nullAmount(a *plan.Amount) any {
	if a == nil {
		return nil
	}
	return int64(*a)
}

// nullDate writes a date as its column holds it: the first day it can be
// ('2022-11-01' for November 2022). Its precision goes in a column of its
// own (precisionOf), where the table has one.
func nullDate(d *plan.Date) any {
	if d == nil {
		return nil
	}
	return d.Time().Format("2006-01-02")
}

// precisionOf is a date's precision column: 0 day, 1 month, 2 year.
func precisionOf(d *plan.Date) int {
	if d == nil {
		return 0
	}
	return int(d.Precision)
}

// datePrecision reads a date column and its precision column.
func datePrecision(s sql.NullString, precision int) (*plan.Date, error) {
	d, err := dateOf(s)
	if d == nil || err != nil {
		return d, err
	}
	switch plan.Precision(precision) {
	case plan.PrecisionMonth:
		d.Day, d.Precision = 0, plan.PrecisionMonth
	case plan.PrecisionYear:
		d.Month, d.Day, d.Precision = 0, 0, plan.PrecisionYear
	}
	return d, nil
}

func nullShare(s *plan.Share) any {
	if s == nil {
		return nil
	}
	return string(*s)
}

func intOf(n sql.NullInt64) int { return int(n.Int64) }

func amountOf(n sql.NullInt64) *plan.Amount {
	if !n.Valid {
		return nil
	}
	return plan.Amount(n.Int64).Ptr()
}

// dateOf reads a date column: text 'YYYY-MM-DD' in SQLite, a date in
// PostgreSQL, which database/sql hands over as a time written in RFC 3339.
// Either way the date is the first ten characters. It does not use
// plan.ParseDate, which rejects dates that do not exist: whatever was stored
// must come back.
func dateOf(s sql.NullString) (*plan.Date, error) {
	if !s.Valid {
		return nil, nil
	}
	var d plan.Date
	var m int
	if len(s.String) < 10 {
		return nil, fmt.Errorf("stored date %q is not YYYY-MM-DD", s.String)
	}
	if _, err := fmt.Sscanf(s.String[:10], "%d-%d-%d", &d.Year, &m, &d.Day); err != nil {
		return nil, fmt.Errorf("stored date %q: %w", s.String, err)
	}
	d.Month = time.Month(m)
	return &d, nil
}

func shareOf(s sql.NullString) *plan.Share {
	if !s.Valid {
		return nil
	}
	v := plan.Share(s.String)
	return &v
}

// invalid is the error for a plan the tables cannot hold.
func invalid(f *plan.File, format string, args ...any) error {
	return plan.Errorf(plan.EInvalid, "plan %s %d: %s", f.Programme.ID, f.Plan.Year, fmt.Sprintf(format, args...))
}

// qualify prefixes each of a list of columns with a table alias:
// qualify("t", "a, b") is "t.a, t.b".
func qualify(alias, columns string) string {
	cols := strings.Split(columns, ",")
	for i, c := range cols {
		cols[i] = alias + "." + strings.TrimSpace(c)
	}
	return strings.Join(cols, ", ")
}

// timeOf reads a time column: fixed-width text in SQLite (savedAtFormat), a
// time in PostgreSQL.
func timeOf(v any) (time.Time, error) {
	switch t := v.(type) {
	case time.Time:
		return t.UTC(), nil
	case string:
		parsed, err := time.Parse(savedAtFormat, t)
		if err != nil {
			return time.Time{}, fmt.Errorf("stored time %q: %w", t, err)
		}
		return parsed, nil
	case []byte:
		return timeOf(string(t))
	default:
		return time.Time{}, fmt.Errorf("stored time of type %T", v)
	}
}

// deepCopy copies a document kept as JSON (a scheme, the glossary) through
// JSON, so that nothing in the copy shares memory with the original.
func deepCopy[T any](v T) (T, error) {
	var out T
	b, err := json.Marshal(v)
	if err != nil {
		return out, err
	}
	err = json.Unmarshal(b, &out)
	return out, err
}

// found turns a one-row lookup's sql.ErrNoRows into ok false, for the
// lookups that may rightly find nothing (what a submission made, say).
func found[T any](v T, err error) (T, bool, error) {
	if err == sql.ErrNoRows {
		return v, false, nil
	}
	return v, err == nil, err
}

// years reads the years a query of one programme's rows gives, in its order
// (SELECT year FROM … WHERE programme_id = ?1 ORDER BY …).
func (r *reader) years(query string, programme int64) ([]int, error) {
	var out []int
	err := r.each(query, []any{programme}, func(rows *sql.Rows) error {
		var y int
		err := rows.Scan(&y)
		out = append(out, y)
		return err
	})
	return out, err
}
