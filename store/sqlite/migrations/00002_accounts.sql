-- Accounts: users, their roles in programmes, invitations, API tokens,
-- sessions and failed log-ins. The PostgreSQL schema has the same tables and
-- columns (store/postgres/migrations), since the queries are shared
-- (store/sqlstore).
--
-- As in the first schema: text the user leaves out is '', flags are INTEGER
-- 0 or 1, and times are TEXT in UTC at a fixed width
-- ('2006-01-02T15:04:05.000000000Z', store/sqlstore savedAtFormat), so that
-- they compare and sort as text in time order.
--
-- Programmes and organisations are named by their keys, not by foreign keys:
-- a user may be created, and given a role, before the plan that brings the
-- programme or organisation is imported.

-- +goose Up

-- E-mail addresses are unique without regard to case. The unique index is on
-- lower(email), as in PostgreSQL, so that the shared lookup
-- "lower(email) = lower(?)" uses it; SQLite's lower() folds the same ASCII
-- letters as COLLATE NOCASE, which the column has too for queries by hand.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL COLLATE NOCASE CHECK (email <> ''),
    name          TEXT NOT NULL DEFAULT '',
    -- the key of the organisation the user works for, or ''
    organisation  TEXT NOT NULL DEFAULT '',
    system_admin  INTEGER NOT NULL DEFAULT 0 CHECK (system_admin IN (0, 1)),
    -- an argon2id hash, or '' for a user without a password
    password_hash TEXT NOT NULL DEFAULT '',
    oidc_issuer   TEXT NOT NULL DEFAULT '',
    oidc_subject  TEXT NOT NULL DEFAULT '',
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at    TEXT NOT NULL,
    CHECK ((oidc_issuer = '') = (oidc_subject = ''))
) STRICT;
CREATE UNIQUE INDEX users_email ON users (lower(email));
CREATE UNIQUE INDEX users_oidc ON users (oidc_issuer, oidc_subject) WHERE oidc_subject <> '';

-- A user's role in a programme: at most one per programme.
CREATE TABLE programme_members (
    id        INTEGER PRIMARY KEY,
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- the programme's key
    programme TEXT NOT NULL CHECK (programme <> ''),
    role      TEXT NOT NULL CHECK (role <> ''),
    UNIQUE (user_id, programme)
) STRICT;
CREATE INDEX programme_members_programme ON programme_members (programme);

-- token_hash is the SHA-256 of the link's token (auth.HashToken); the token
-- itself is never stored. programme '' gives no role. created_by is NULL
-- where no user made the invitation, or the one who did is gone.
CREATE TABLE invitations (
    id           INTEGER PRIMARY KEY,
    token_hash   TEXT NOT NULL UNIQUE CHECK (token_hash <> ''),
    email        TEXT NOT NULL CHECK (email <> ''),
    name         TEXT NOT NULL DEFAULT '',
    organisation TEXT NOT NULL DEFAULT '',
    programme    TEXT NOT NULL DEFAULT '',
    role         TEXT NOT NULL DEFAULT '',
    system_admin INTEGER NOT NULL DEFAULT 0 CHECK (system_admin IN (0, 1)),
    created_by   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    used_at      TEXT,
    CHECK ((programme = '') = (role = ''))
) STRICT;
CREATE INDEX invitations_created_by ON invitations (created_by);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT NOT NULL DEFAULT '',
    token_hash   TEXT NOT NULL UNIQUE CHECK (token_hash <> ''),
    created_at   TEXT NOT NULL,
    last_used_at TEXT
) STRICT;
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Sessions of github.com/alexedwards/scs, keyed by its token.
CREATE TABLE sessions (
    token  TEXT PRIMARY KEY,
    data   BLOB NOT NULL,
    expiry TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_expiry ON sessions (expiry);

-- Failed log-ins, by an e-mail address or a client address.
CREATE TABLE login_failures (
    id  INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    at  TEXT NOT NULL
) STRICT;
CREATE INDEX login_failures_key_at ON login_failures (key, at);

-- +goose Down
DROP TABLE login_failures;
DROP TABLE sessions;
DROP TABLE api_tokens;
DROP TABLE invitations;
DROP TABLE programme_members;
DROP TABLE users;
