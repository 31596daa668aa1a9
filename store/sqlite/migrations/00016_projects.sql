-- Following the plan through the year (issue 11): a programme's projects,
-- the grants committed to them (tilsagn) and the payments made
-- (utbetalinger).
--
-- A project belongs to a programme, not to a plan version, since it runs
-- across the years while the plan is revised and rolled; it names the
-- measures it serves by their lasting identity (measures.key), which a new
-- version or next year's plan keeps; one that serves no measure may name
-- a goal by its number instead (goal), for a plan whose goals have none.
-- A commitment names its funding source
-- by the source's id in the plan (sources.key), for the same reason.
--
-- Dates hold the first day they can be, with a precision column (0 day,
-- 1 month, 2 year), as in 00014. A project's version counts its saves, so
-- that an edit can tell that someone else saved it meanwhile.

-- +goose Up
CREATE TABLE projects (
    id                   INTEGER PRIMARY KEY,
    programme_id         INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    title                TEXT NOT NULL CHECK (title <> ''),
    label                TEXT NOT NULL DEFAULT '',
    owner                TEXT NOT NULL DEFAULT '',
    manager              TEXT NOT NULL DEFAULT '',
    sponsor              TEXT NOT NULL DEFAULT '',
    period_from          TEXT CHECK (period_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    period_from_precision INTEGER NOT NULL DEFAULT 0 CHECK (period_from_precision IN (0, 1, 2)),
    period_to            TEXT CHECK (period_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    period_to_precision  INTEGER NOT NULL DEFAULT 0 CHECK (period_to_precision IN (0, 1, 2)),
    phase                TEXT NOT NULL DEFAULT '',
    status               TEXT NOT NULL,
    case_ref             TEXT NOT NULL DEFAULT '',
    goal                 INTEGER CHECK (goal > 0),
    budget               INTEGER,
    own_share            INTEGER,
    other_financing      INTEGER,
    version              INTEGER NOT NULL DEFAULT 1,
    updated_at           TEXT NOT NULL,
    updated_by           INTEGER REFERENCES users (id)
) STRICT;
CREATE INDEX projects_programme ON projects (programme_id, id);

-- the measures a project serves, by their lasting identity, the main one first
CREATE TABLE project_measures (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    measure_key TEXT NOT NULL CHECK (measure_key <> ''),
    UNIQUE (project_id, position)
) STRICT;
CREATE INDEX project_measures_key ON project_measures (measure_key);

CREATE TABLE commitments (
    id                  INTEGER PRIMARY KEY,
    project_id          INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,
    amount              INTEGER NOT NULL CHECK (amount >= 0),
    kind                TEXT NOT NULL DEFAULT '',
    source              TEXT NOT NULL DEFAULT '',
    share               TEXT,
    decided             TEXT CHECK (decided GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    decided_precision   INTEGER NOT NULL DEFAULT 0 CHECK (decided_precision IN (0, 1, 2)),
    body                TEXT NOT NULL DEFAULT '',
    deadline            TEXT CHECK (deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    deadline_precision  INTEGER NOT NULL DEFAULT 0 CHECK (deadline_precision IN (0, 1, 2)),
    conditions          TEXT NOT NULL DEFAULT '',
    released            INTEGER CHECK (released >= 0),
    released_on         TEXT CHECK (released_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    released_precision  INTEGER NOT NULL DEFAULT 0 CHECK (released_precision IN (0, 1, 2)),
    UNIQUE (project_id, position)
) STRICT;

-- a commitment's payments, in tranches
CREATE TABLE payments (
    id             INTEGER PRIMARY KEY,
    commitment_id  INTEGER NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    paid_on        TEXT NOT NULL CHECK (paid_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    paid_precision INTEGER NOT NULL DEFAULT 0 CHECK (paid_precision IN (0, 1, 2)),
    amount         INTEGER NOT NULL CHECK (amount >= 0),
    UNIQUE (commitment_id, position)
) STRICT;

-- +goose Down
DROP TABLE payments;
DROP TABLE commitments;
DROP TABLE project_measures;
DROP TABLE projects;
