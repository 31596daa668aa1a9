-- The glossary is edited in the browser: each revision gets its number,
-- counted from 1 as a scheme's are, so that a form can say which revision
-- it was opened on, and the form or request that made it, so that a form
-- sent twice saves once.
--
-- SQLite cannot add a UNIQUE column to a table, so the table is made anew
-- and the revisions saved so far are copied, numbered in the order they
-- were saved.

-- +goose Up
CREATE TABLE glossary_revisions_new (
    id         INTEGER PRIMARY KEY,
    revision   INTEGER NOT NULL UNIQUE CHECK (revision > 0),
    data       TEXT NOT NULL,
    saved_at   TEXT NOT NULL,
    author_id  INTEGER REFERENCES users (id),
    summary    TEXT NOT NULL DEFAULT '',
    submission TEXT UNIQUE
) STRICT;
INSERT INTO glossary_revisions_new (id, revision, data, saved_at, author_id, summary)
    SELECT id, row_number() OVER (ORDER BY id), data, saved_at, author_id, summary FROM glossary_revisions;
DROP TABLE glossary_revisions;
ALTER TABLE glossary_revisions_new RENAME TO glossary_revisions;

-- +goose Down
CREATE TABLE glossary_revisions_old (
    id        INTEGER PRIMARY KEY,
    data      TEXT NOT NULL,
    saved_at  TEXT NOT NULL,
    author_id INTEGER REFERENCES users (id),
    summary   TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO glossary_revisions_old (id, data, saved_at, author_id, summary)
    SELECT id, data, saved_at, author_id, summary FROM glossary_revisions;
DROP TABLE glossary_revisions;
ALTER TABLE glossary_revisions_old RENAME TO glossary_revisions;
