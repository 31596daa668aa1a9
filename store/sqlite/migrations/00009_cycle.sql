-- The yearly cycle: the released versions of each plan (proposed, anchored,
-- approved, published) and the decisions that made them.
--
-- A release keeps the whole plan file as JSON text, programme and
-- organisations included, exactly as it was released: it is never changed,
-- so that what the public and the funder read stays what was decided.
-- Decisions name organisations by key, so that a decision reads as it was
-- taken whatever later happens to the register.

-- +goose Up
CREATE TABLE plan_releases (
    id           INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    year         INTEGER NOT NULL,
    number       INTEGER NOT NULL CHECK (number > 0),
    kind         TEXT NOT NULL CHECK (kind IN ('published', 'proposal', 'anchored', 'approved')),
    -- the draft version the release was made from
    version      INTEGER NOT NULL,
    content      TEXT NOT NULL,
    digest       TEXT NOT NULL,
    released_at  TEXT NOT NULL,
    released_by  INTEGER REFERENCES users (id),
    note         TEXT NOT NULL DEFAULT '',
    UNIQUE (programme_id, year, number)
) STRICT;

CREATE TABLE plan_decisions (
    id             INTEGER PRIMARY KEY,
    programme_id   INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    year           INTEGER NOT NULL,
    step           TEXT NOT NULL,
    -- the release the decision is about (for a proposal, the one it made)
    release_number INTEGER NOT NULL,
    -- the release the decision made, where it made one
    made_release   INTEGER,
    organisation   TEXT NOT NULL DEFAULT '',
    body           TEXT NOT NULL DEFAULT '',
    decided_on     TEXT CHECK (decided_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    case_ref       TEXT NOT NULL DEFAULT '',
    outcome        TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT '',
    minutes_url    TEXT NOT NULL DEFAULT '',
    conditions     TEXT NOT NULL DEFAULT '',
    -- the amounts approved per funding source, as JSON: [{"source": …, "amount": …}]
    amounts        TEXT NOT NULL DEFAULT '[]',
    recorded_at    TEXT NOT NULL,
    recorded_by    INTEGER REFERENCES users (id),
    -- a form or request sent twice records one decision
    submission     TEXT UNIQUE
) STRICT;
CREATE INDEX plan_decisions_plan ON plan_decisions (programme_id, year);

-- A plan says how it revises the approved plan before it: which release
-- (plans.revision_*) and what people wrote about each measure.
ALTER TABLE plans ADD COLUMN has_revision INTEGER NOT NULL DEFAULT 0 CHECK (has_revision IN (0, 1));
ALTER TABLE plans ADD COLUMN revision_base_year INTEGER;
ALTER TABLE plans ADD COLUMN revision_base_release INTEGER;
CREATE TABLE plan_dispositions (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    -- the measure's lasting ID (measures.key)
    measure_key TEXT NOT NULL,
    new_kind    TEXT NOT NULL DEFAULT '',
    amount      INTEGER,
    reason      TEXT NOT NULL DEFAULT '',
    assessment  TEXT NOT NULL DEFAULT '',
    UNIQUE (plan_id, position)
) STRICT;

-- A section carried from last year's plan that nobody has read through yet.
ALTER TABLE sections ADD COLUMN review INTEGER NOT NULL DEFAULT 0 CHECK (review IN (0, 1));

-- +goose Down
ALTER TABLE sections DROP COLUMN review;
DROP TABLE plan_dispositions;
ALTER TABLE plans DROP COLUMN revision_base_release;
ALTER TABLE plans DROP COLUMN revision_base_year;
ALTER TABLE plans DROP COLUMN has_revision;
DROP TABLE plan_decisions;
DROP TABLE plan_releases;
