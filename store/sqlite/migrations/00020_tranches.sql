-- Following the plan through the year (issue 11), continued: a grant
-- commitment's payment schedule, and the submission that registered a
-- project.
--
-- A commitment may say how its money is to be paid year by year (the
-- county's 75 % this year and 25 % next): one row a year, in whole kroner,
-- so that the payments can be checked against it. A project registered
-- from a form or an API request with an Idempotency-Key keeps that
-- submission, so that the same form sent twice registers one project.

-- +goose Up
CREATE TABLE commitment_tranches (
    id            INTEGER PRIMARY KEY,
    commitment_id INTEGER NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    year          INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
    amount        INTEGER NOT NULL CHECK (amount >= 0),
    UNIQUE (commitment_id, position),
    UNIQUE (commitment_id, year)
) STRICT;

ALTER TABLE projects ADD COLUMN submission TEXT;
CREATE UNIQUE INDEX projects_submission ON projects (submission);

-- +goose Down
DROP INDEX projects_submission;
ALTER TABLE projects DROP COLUMN submission;
DROP TABLE commitment_tranches;
