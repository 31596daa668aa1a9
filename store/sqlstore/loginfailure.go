package sqlstore

import (
	"context"
	"time"

	"planverk/plan"
)

// loginFailureKept is how long a failed log-in is kept: far longer than any
// window the log-in policy counts in (auth.LoginFailureWindow), short enough
// that failures for keys that never log in (an attacker's addresses, e-mails
// nobody has) do not pile up.
const loginFailureKept = 24 * time.Hour

// RecordLoginFailure notes a failed log-in for a key (an e-mail or an
// address) at a time, and forgets the key's failures older than a day.
func (s *Store) RecordLoginFailure(ctx context.Context, key string, at time.Time) error {
	if key == "" {
		return plan.Errorf(plan.EInvalid, "a failed log-in needs a key")
	}
	err := s.write(ctx, func(w *writer) error {
		if err := w.exec(`DELETE FROM login_failures WHERE key = ? AND at < ?`,
			key, dbTime(at.Add(-loginFailureKept))); err != nil {
			return err
		}
		return w.exec(`INSERT INTO login_failures (key, at) VALUES (?, ?)`, key, dbTime(at))
	})
	return accountError(err, "record failed log-in")
}

// LoginFailures counts a key's failed log-ins at or after since.
func (s *Store) LoginFailures(ctx context.Context, key string, since time.Time) (int, error) {
	var n int
	err := s.read(ctx, func(r *reader) error {
		return r.row(`SELECT count(*) FROM login_failures WHERE key = ? AND at >= ?`, key, dbTime(since)).Scan(&n)
	})
	if err != nil {
		return 0, accountError(err, "count failed log-ins")
	}
	return n, nil
}

// ClearLoginFailures forgets a key's failed log-ins, after a good log-in.
func (s *Store) ClearLoginFailures(ctx context.Context, key string) error {
	err := s.write(ctx, func(w *writer) error {
		return w.exec(`DELETE FROM login_failures WHERE key = ?`, key)
	})
	return accountError(err, "clear failed log-ins")
}
