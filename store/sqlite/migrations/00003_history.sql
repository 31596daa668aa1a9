-- Who changed a plan, and what: every version records its author, a short
-- summary and the form or request that made it, and each difference from
-- the version before (plan.Diff) is a row of its own, so that a plan and a
-- measure can show their history. Publication and comments belong to a
-- plan (programme and year), not to one version.

-- +goose Up
-- Who made a version, and why; one row per version saved by a person or a
-- command (versions from before this migration have none).
CREATE TABLE plan_edits (
    plan_id    INTEGER PRIMARY KEY REFERENCES plans (id) ON DELETE CASCADE,
    author_id  INTEGER REFERENCES users (id),
    summary    TEXT NOT NULL DEFAULT '',
    -- A form or request that was submitted twice makes one version.
    submission TEXT UNIQUE
) STRICT;
CREATE INDEX plan_edits_author ON plan_edits (author_id);

CREATE TABLE plan_changes (
    id             INTEGER PRIMARY KEY,
    -- the version the change made
    plan_id        INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    path           TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('added', 'removed', 'changed')),
    before         TEXT NOT NULL DEFAULT '',
    after          TEXT NOT NULL DEFAULT '',
    goal_number    INTEGER,
    measure_number INTEGER,
    UNIQUE (plan_id, position)
) STRICT;
CREATE INDEX plan_changes_measure ON plan_changes (plan_id, goal_number, measure_number);

-- A plan is published, open to everyone, while it has a row here.
CREATE TABLE plan_publications (
    id           INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    year         INTEGER NOT NULL,
    published_at TEXT NOT NULL,
    published_by INTEGER REFERENCES users (id),
    UNIQUE (programme_id, year)
) STRICT;

-- Reviewers' comments on a plan, or on one of its measures.
CREATE TABLE plan_comments (
    id             INTEGER PRIMARY KEY,
    programme_id   INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    year           INTEGER NOT NULL,
    goal_number    INTEGER,
    measure_number INTEGER,
    author_id      INTEGER NOT NULL REFERENCES users (id),
    text           TEXT NOT NULL CHECK (text <> ''),
    created_at     TEXT NOT NULL
) STRICT;
CREATE INDEX plan_comments_plan ON plan_comments (programme_id, year);

-- +goose Down
DROP TABLE plan_comments;
DROP TABLE plan_publications;
DROP TABLE plan_changes;
DROP TABLE plan_edits;
