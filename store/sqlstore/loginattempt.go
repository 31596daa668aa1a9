package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"planverk/plan"
	"planverk/store"
)

// countAttempt is the one statement that counts: an upsert that starts the
// counter at 1, restarts a counter whose window is over and that is not
// blocked, or adds one. It holds the row's lock (PostgreSQL) or the single
// writer (SQLite) until the transaction ends, so that the numbers parallel
// attempts see are all different. In SET, every column named is the row's
// old value, on both engines.
const countAttempt = `
	INSERT INTO login_attempts (kind, email, address, since, attempts) VALUES (?, ?, ?, ?, 1)
	ON CONFLICT (kind, email, address) DO UPDATE SET
		attempts = CASE WHEN login_attempts.since < ? AND (login_attempts.blocked_until IS NULL OR login_attempts.blocked_until <= ?)
			THEN 1 ELSE login_attempts.attempts + 1 END,
		blocked_until = CASE WHEN login_attempts.since < ? AND (login_attempts.blocked_until IS NULL OR login_attempts.blocked_until <= ?)
			THEN NULL ELSE login_attempts.blocked_until END,
		since = CASE WHEN login_attempts.since < ? AND (login_attempts.blocked_until IS NULL OR login_attempts.blocked_until <= ?)
			THEN excluded.since ELSE login_attempts.since END
	RETURNING since, attempts, blocked_until`

// CountLoginAttempt counts an attempt under each key, atomically, and
// blocks the keys that reach their limit (store.Accounts).
func (s *Store) CountLoginAttempt(ctx context.Context, attempts []store.LoginAttempt, at time.Time, window time.Duration) ([]store.LoginCount, error) {
	for _, a := range attempts {
		if a.Key.Kind == "" || a.Key.Email == "" && a.Key.Address == "" {
			return nil, plan.Errorf(plan.EInvalid, "a log-in counter needs a kind and an e-mail or an address")
		}
	}
	now, start := dbTime(at), dbTime(at.Add(-window))
	var out []store.LoginCount
	err := s.write(ctx, func(w *writer) error {
		out = out[:0]
		st, err := w.stmt(countAttempt)
		if err != nil {
			return err
		}
		for _, a := range attempts {
			c := store.LoginCount{LoginKey: a.Key}
			var since, until any
			if err := st.QueryRowContext(w.ctx, string(a.Key.Kind), a.Key.Email, a.Key.Address, now,
				start, now, start, now, start, now).Scan(&since, &c.Attempts, &until); err != nil {
				return err
			}
			if c.Since, err = timeOf(since); err != nil {
				return err
			}
			if c.BlockedUntil, err = nullTimeOf(until); err != nil {
				return err
			}
			if a.BlockAfter > 0 && c.Attempts > a.BlockAfter && c.BlockedUntil == nil {
				end := roundTime(at.Add(window))
				if err := w.exec(`UPDATE login_attempts SET blocked_until = ? WHERE kind = ? AND email = ? AND address = ?`,
					dbTime(end), string(a.Key.Kind), a.Key.Email, a.Key.Address); err != nil {
					return err
				}
				c.BlockedUntil, c.NewlyBlocked = &end, true
			}
			out = append(out, c)
		}
		return nil
	})
	if err != nil {
		return nil, accountError(err, "count a log-in attempt")
	}
	return out, nil
}

// UncountLoginAttempt takes one attempt back from each key (store.Accounts).
func (s *Store) UncountLoginAttempt(ctx context.Context, keys []store.LoginKey) error {
	err := s.write(ctx, func(w *writer) error {
		for _, k := range keys {
			if err := w.exec(`UPDATE login_attempts SET attempts = attempts - 1
				WHERE kind = ? AND email = ? AND address = ? AND attempts > 0`, string(k.Kind), k.Email, k.Address); err != nil {
				return err
			}
		}
		return nil
	})
	return accountError(err, "take back a log-in attempt")
}

// ClearLoginAttempts forgets a key's counter and block (store.Accounts).
func (s *Store) ClearLoginAttempts(ctx context.Context, key store.LoginKey) error {
	err := s.write(ctx, func(w *writer) error {
		return w.exec(`DELETE FROM login_attempts WHERE kind = ? AND email = ? AND address = ?`, string(key.Kind), key.Email, key.Address)
	})
	return accountError(err, "clear log-in attempts")
}

// LoginBlocks lists the keys blocked at now, the latest block first.
func (s *Store) LoginBlocks(ctx context.Context, now time.Time) ([]store.LoginCount, error) {
	var out []store.LoginCount
	err := s.read(ctx, func(r *reader) error {
		return r.each(`
			SELECT kind, email, address, since, attempts, blocked_until FROM login_attempts
			WHERE blocked_until > ? ORDER BY blocked_until DESC, kind, email, address`, []any{dbTime(now)},
			func(rows *sql.Rows) error {
				var c store.LoginCount
				var since, until any
				if err := rows.Scan(&c.Kind, &c.Email, &c.Address, &since, &c.Attempts, &until); err != nil {
					return err
				}
				var err error
				if c.Since, err = timeOf(since); err != nil {
					return err
				}
				c.BlockedUntil, err = nullTimeOf(until)
				out = append(out, c)
				return err
			})
	})
	if err != nil {
		return nil, accountError(err, "list blocked log-ins")
	}
	return out, nil
}

// DeleteLoginAttemptsBefore forgets old counters that are not blocked.
func (s *Store) DeleteLoginAttemptsBefore(ctx context.Context, before time.Time) error {
	b := dbTime(before)
	err := s.write(ctx, func(w *writer) error {
		return w.exec(`DELETE FROM login_attempts WHERE since < ? AND (blocked_until IS NULL OR blocked_until <= ?)`, b, b)
	})
	return accountError(err, "delete old log-in attempts")
}
