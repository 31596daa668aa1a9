-- Following the plan through the year (issue 11), continued: the project
-- managers' reports (prosjektlederrapporter) and the account of a
-- project's manager.
--
-- A report covers a period of a project, with the jobs created and
-- secured in it counted gross, and goes from its writer to the programme:
-- draft, submitted, then accepted or returned with a comment. Only
-- accepted reports count in the job ledger. Its version counts its saves,
-- so that an edit can tell that someone else saved it meanwhile.
--
-- A project's manager may have an account (project_managers), besides the
-- name on the project: the account may see that project and write its
-- reports, nothing else of the programme's that is not public. It is kept
-- beside the project, not in it, so that saving the project whole leaves
-- it be.

-- +goose Up
CREATE TABLE project_managers (
    project_id INTEGER PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE
) STRICT;
CREATE INDEX project_managers_user ON project_managers (user_id);

CREATE TABLE reports (
    id               INTEGER PRIMARY KEY,
    project_id       INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    kind             TEXT NOT NULL CHECK (kind IN ('interim', 'final')),
    period_from      TEXT NOT NULL CHECK (period_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    period_from_precision INTEGER NOT NULL DEFAULT 0 CHECK (period_from_precision IN (0, 1, 2)),
    period_to        TEXT NOT NULL CHECK (period_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    period_to_precision INTEGER NOT NULL DEFAULT 0 CHECK (period_to_precision IN (0, 1, 2)),
    to_year          INTEGER NOT NULL,
    progress         TEXT NOT NULL CHECK (progress IN ('on-track', 'delayed', 'stopped')),
    account          TEXT NOT NULL DEFAULT '',
    spent            INTEGER CHECK (spent >= 0),
    jobs_created     INTEGER NOT NULL DEFAULT 0 CHECK (jobs_created >= 0),
    jobs_secured     INTEGER NOT NULL DEFAULT 0 CHECK (jobs_secured >= 0),
    new_businesses   INTEGER NOT NULL DEFAULT 0 CHECK (new_businesses >= 0),
    state            TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'accepted', 'returned')),
    comment          TEXT NOT NULL DEFAULT '',
    submitted_by     INTEGER REFERENCES users (id) ON DELETE SET NULL,
    submitted_at     TEXT,
    decided_by       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    decided_at       TEXT,
    version          INTEGER NOT NULL DEFAULT 1,
    updated_at       TEXT NOT NULL,
    updated_by       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    submission       TEXT UNIQUE
) STRICT;
CREATE INDEX reports_project ON reports (project_id, id);
CREATE INDEX reports_state ON reports (project_id, state);

-- the other results a report counts, in their order
CREATE TABLE report_results (
    id        INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    label     TEXT NOT NULL CHECK (label <> ''),
    result_count INTEGER NOT NULL CHECK (result_count >= 0),
    UNIQUE (report_id, position)
) STRICT;

-- +goose Down
DROP TABLE report_results;
DROP TABLE reports;
DROP TABLE project_managers;
