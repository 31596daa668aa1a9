package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"github.com/alexedwards/scs/v2"

	"planverk/auth"
	"planverk/store"
)

// sessionKey is what a session is stored under: the SHA-256 of its token,
// so that whoever reads the table (a backup, a log of queries) holds no
// token that logs in. The token has 256 bits of randomness, so a fast hash
// without salt is safe, as for API tokens.
func sessionKey(token string) string { return auth.HashToken(token) }

// SessionFind returns a session's data, and found false for a token that is
// unknown or expired at now.
func (s *Store) SessionFind(ctx context.Context, token string, now time.Time) ([]byte, bool, error) {
	var data []byte
	err := s.read(ctx, func(r *reader) error {
		return r.row(`SELECT data FROM sessions WHERE token = ? AND expiry > ?`, sessionKey(token), dbTime(now)).Scan(&data)
	})
	if err == sql.ErrNoRows {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, accountError(err, "find session")
	}
	return data, true, nil
}

// SessionCommit adds a session, or replaces the data and expiry of the one
// with the token.
func (s *Store) SessionCommit(ctx context.Context, token string, data []byte, expiry time.Time) error {
	if data == nil {
		data = []byte{} // not NULL
	}
	err := s.write(ctx, func(w *writer) error {
		return w.exec(`
			INSERT INTO sessions (token, data, expiry) VALUES (?, ?, ?)
			ON CONFLICT (token) DO UPDATE SET data = excluded.data, expiry = excluded.expiry`,
			sessionKey(token), data, dbTime(expiry))
	})
	return accountError(err, "save session")
}

// SessionDelete deletes a session. An unknown token is no error: scs
// deletes tokens that may have expired and been removed already.
func (s *Store) SessionDelete(ctx context.Context, token string) error {
	err := s.write(ctx, func(w *writer) error {
		return w.exec(`DELETE FROM sessions WHERE token = ?`, sessionKey(token))
	})
	return accountError(err, "delete session")
}

// SessionDeleteExpired removes the sessions that have expired by now: those
// SessionFind no longer finds.
func (s *Store) SessionDeleteExpired(ctx context.Context, now time.Time) error {
	err := s.write(ctx, func(w *writer) error {
		return w.exec(`DELETE FROM sessions WHERE expiry <= ?`, dbTime(now))
	})
	return accountError(err, "delete expired sessions")
}

// SessionStore keeps github.com/alexedwards/scs sessions in a store's
// accounts, so that every copy of planverk on the same database shares them:
//
//	sessionManager.Store = sqlstore.SessionStore{A: st}
//
// It does not remove expired sessions (they are never found); call
// SessionDeleteExpired now and then for that.
type SessionStore struct{ A store.Accounts }

var _ scs.CtxStore = SessionStore{}

// FindCtx returns the data of a session that exists and has not expired.
func (s SessionStore) FindCtx(ctx context.Context, token string) ([]byte, bool, error) {
	return s.A.SessionFind(ctx, token, time.Now())
}

// CommitCtx adds or replaces a session.
func (s SessionStore) CommitCtx(ctx context.Context, token string, b []byte, expiry time.Time) error {
	return s.A.SessionCommit(ctx, token, b, expiry)
}

// DeleteCtx deletes a session; an unknown one is no error.
func (s SessionStore) DeleteCtx(ctx context.Context, token string) error {
	return s.A.SessionDelete(ctx, token)
}

// Find is FindCtx without a context, for scs.Store.
func (s SessionStore) Find(token string) ([]byte, bool, error) {
	return s.FindCtx(context.Background(), token)
}

// Commit is CommitCtx without a context, for scs.Store.
func (s SessionStore) Commit(token string, b []byte, expiry time.Time) error {
	return s.CommitCtx(context.Background(), token, b, expiry)
}

// Delete is DeleteCtx without a context, for scs.Store.
func (s SessionStore) Delete(token string) error {
	return s.DeleteCtx(context.Background(), token)
}
