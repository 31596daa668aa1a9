-- The support-scheme catalogue, and the schemes a measure names.
--
-- A scheme is kept as a document (scheme.Scheme as JSON), one row per
-- revision: it is read, edited, searched and shown whole, and the search
-- index lives in memory (package scheme), so splitting it into tables would
-- buy nothing; each revision kept whole is its history. The glossary is one
-- document with revisions of its own.

-- +goose Up
CREATE TABLE schemes (
    id  INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE CHECK (key <> '')
) STRICT;

-- Every saved state of a scheme, counted from 1. A deletion is a revision
-- with deleted set and the last data kept, so that it can be undone.
CREATE TABLE scheme_revisions (
    id         INTEGER PRIMARY KEY,
    scheme_id  INTEGER NOT NULL REFERENCES schemes (id) ON DELETE CASCADE,
    revision   INTEGER NOT NULL CHECK (revision > 0),
    data       TEXT NOT NULL,
    deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    saved_at   TEXT NOT NULL,
    author_id  INTEGER REFERENCES users (id),
    summary    TEXT NOT NULL DEFAULT '',
    submission TEXT UNIQUE,
    UNIQUE (scheme_id, revision)
) STRICT;

CREATE TABLE glossary_revisions (
    id        INTEGER PRIMARY KEY,
    data      TEXT NOT NULL,
    saved_at  TEXT NOT NULL,
    author_id INTEGER REFERENCES users (id),
    summary   TEXT NOT NULL DEFAULT ''
) STRICT;

-- The schemes a measure names, by key: a scheme may be added to the
-- catalogue after the plan that names it, so this is not a foreign key.
CREATE TABLE measure_schemes (
    id         INTEGER PRIMARY KEY,
    measure_id INTEGER NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    scheme_key TEXT NOT NULL,
    UNIQUE (measure_id, position)
) STRICT;
CREATE INDEX measure_schemes_key ON measure_schemes (scheme_key);

-- +goose Down
DROP TABLE measure_schemes;
DROP TABLE glossary_revisions;
DROP TABLE scheme_revisions;
DROP TABLE schemes;
