package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"planverk/plan"
	"planverk/store"
)

const apiTokenColumns = `id, user_id, name, token_hash, created_at, last_used_at, expires_at`

func scanAPIToken(sc scanner) (store.APIToken, error) {
	var t store.APIToken
	var created, used, expires any
	if err := sc.Scan(&t.ID, &t.UserID, &t.Name, &t.TokenHash, &created, &used, &expires); err != nil {
		return t, err
	}
	var err error
	if t.CreatedAt, err = timeOf(created); err != nil {
		return t, err
	}
	if t.LastUsedAt, err = nullTimeOf(used); err != nil {
		return t, err
	}
	t.ExpiresAt, err = nullTimeOf(expires)
	return t, err
}

// CreateAPIToken stores a token for its user and returns it with its id.
// CreatedAt is now where t leaves it zero.
func (s *Store) CreateAPIToken(ctx context.Context, t store.APIToken) (store.APIToken, error) {
	if t.TokenHash == "" {
		return store.APIToken{}, plan.Errorf(plan.EInvalid, "an API token needs a token hash")
	}
	if t.CreatedAt.IsZero() {
		t.CreatedAt = time.Now()
	}
	t.CreatedAt = roundTime(t.CreatedAt)
	if t.LastUsedAt != nil {
		used := roundTime(*t.LastUsedAt)
		t.LastUsedAt = &used
	}
	if t.ExpiresAt != nil {
		exp := roundTime(*t.ExpiresAt)
		t.ExpiresAt = &exp
	}
	err := s.write(ctx, func(w *writer) error {
		if err := w.userExists(t.UserID); err != nil {
			return err
		}
		taken, err := w.exists(`SELECT 1 FROM api_tokens WHERE token_hash = ?`, t.TokenHash)
		if err != nil {
			return err
		}
		if taken {
			return plan.Errorf(plan.EConflict, "there is already an API token with this hash")
		}
		t.ID, err = w.insert(`
			INSERT INTO api_tokens (user_id, name, token_hash, created_at, last_used_at, expires_at)
			VALUES (?, ?, ?, ?, ?, ?)`,
			t.UserID, t.Name, t.TokenHash, dbTime(t.CreatedAt), nullTime(t.LastUsedAt), nullTime(t.ExpiresAt))
		return err
	})
	if err != nil {
		return store.APIToken{}, accountError(err, "create API token %q for user %d", t.Name, t.UserID)
	}
	return t, nil
}

// tokenUseStep is how stale a token's last use may be before a request
// writes it again. Every API request looks its token up; writing the time
// on each would make every read a write, and SQLite has one writer.
const tokenUseStep = time.Minute

// UserByAPIToken returns the enabled user a token belongs to and notes now
// as when the token was last used, to the minute. A token of a disabled user
// is not found, like an unknown or deleted one. Last used only moves
// forward, so that of two requests at once the later time stays. A token
// expired at now is plan.EUnauthorized, and its use is not noted.
func (s *Store) UserByAPIToken(ctx context.Context, tokenHash string, now time.Time) (store.User, error) {
	var u store.User
	var tokenID int64
	var last, expires any
	err := s.read(ctx, func(r *reader) error {
		var err error
		u, err = scanUser(r.row(`
			SELECT `+userColumns+`, t.id, t.last_used_at, t.expires_at
			FROM api_tokens t JOIN users u ON u.id = t.user_id
			WHERE t.token_hash = ? AND NOT u.disabled`, tokenHash), &tokenID, &last, &expires)
		if err == sql.ErrNoRows {
			return plan.Errorf(plan.ENotFound, "unknown or revoked API token")
		}
		return err
	})
	if err != nil {
		return store.User{}, accountError(err, "find user by API token")
	}
	lastUsed, err := nullTimeOf(last)
	if err != nil {
		return store.User{}, accountError(err, "find user by API token")
	}
	expiry, err := nullTimeOf(expires)
	if err != nil {
		return store.User{}, accountError(err, "find user by API token")
	}
	if expiry != nil && !now.Before(*expiry) {
		return store.User{}, plan.Errorf(plan.EUnauthorized, "the API token expired on %s; make a new one on the account page",
			expiry.UTC().Format("2006-01-02 15:04 MST"))
	}
	if lastUsed != nil && now.Sub(*lastUsed) < tokenUseStep {
		return u, nil
	}
	used := dbTime(now)
	err = s.write(ctx, func(w *writer) error {
		return w.exec(`
			UPDATE api_tokens SET last_used_at = ?
			WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)`, used, tokenID, used)
	})
	if err != nil {
		return store.User{}, accountError(err, "note the use of API token %d", tokenID)
	}
	return u, nil
}

// APITokens lists a user's tokens, oldest first.
func (s *Store) APITokens(ctx context.Context, userID int64) ([]store.APIToken, error) {
	var out []store.APIToken
	err := s.read(ctx, func(r *reader) error {
		if err := r.userExists(userID); err != nil {
			return err
		}
		return r.each(`SELECT `+apiTokenColumns+` FROM api_tokens WHERE user_id = ? ORDER BY id`, []any{userID},
			func(rows *sql.Rows) error {
				t, err := scanAPIToken(rows)
				out = append(out, t)
				return err
			})
	})
	if err != nil {
		return nil, accountError(err, "list API tokens of user %d", userID)
	}
	return out, nil
}

// DeleteAPIToken deletes one of a user's tokens. A token that is not the
// user's is plan.ENotFound, as an unknown one is.
func (s *Store) DeleteAPIToken(ctx context.Context, userID, tokenID int64) error {
	err := s.write(ctx, func(w *writer) error {
		n, err := w.execCount(`DELETE FROM api_tokens WHERE id = ? AND user_id = ?`, tokenID, userID)
		if err == nil && n == 0 {
			return plan.Errorf(plan.ENotFound, "user %d has no API token %d", userID, tokenID)
		}
		return err
	})
	return accountError(err, "delete API token %d of user %d", tokenID, userID)
}
