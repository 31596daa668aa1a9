-- Log-in limits (issue 13): failed log-ins are counted per pair (account,
-- client address), per address and per account, in one row each that an
-- upsert counts atomically; API tokens get an expiry; sessions are keyed by
-- the SHA-256 of their token. The PostgreSQL schema has the same change.

-- +goose Up

-- The old table counted by reading before recording, which parallel
-- requests raced past; what it held is only a quarter of an hour's worth.
DROP TABLE login_failures;

-- One counter per key. kind is 'pair' (email and address), 'address'
-- (email '') or 'account' (address ''). since is when the counting window
-- began, attempts how many within it, blocked_until the end of a block of
-- the key, NULL where it is not blocked. Times as in 00002.
CREATE TABLE login_attempts (
    kind          TEXT NOT NULL CHECK (kind IN ('pair', 'address', 'account')),
    email         TEXT NOT NULL DEFAULT '',
    address       TEXT NOT NULL DEFAULT '',
    since         TEXT NOT NULL,
    attempts      INTEGER NOT NULL CHECK (attempts >= 0),
    blocked_until TEXT,
    PRIMARY KEY (kind, email, address)
) STRICT;
CREATE INDEX login_attempts_blocked ON login_attempts (blocked_until) WHERE blocked_until IS NOT NULL;
CREATE INDEX login_attempts_since ON login_attempts (since);

-- NULL for the tokens made before expiry existed: they do not expire.
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;

-- Sessions were keyed by the raw token; from now on by its hash, so the
-- old rows would never be found again. Everyone logs in anew.
DELETE FROM sessions;

-- +goose Down
DELETE FROM sessions;
ALTER TABLE api_tokens DROP COLUMN expires_at;
DROP TABLE login_attempts;
CREATE TABLE login_failures (
    id  INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    at  TEXT NOT NULL
) STRICT;
CREATE INDEX login_failures_key_at ON login_failures (key, at);
