-- Facts as uncertain as the world (issue 15): an open or disputed period
-- with a note; dates known to the month or the year (the date column holds
-- the first day it can be, the precision column 0 day, 1 month, 2 year);
-- goals and measures named by the programme's own labels; measures not
-- placed under a goal (kept under one goal row per plan marked unplaced,
-- since a measure's goal_id cannot be made optional without rebuilding
-- the table); ceilings, estimates and minimums (kind); financing over a
-- span of years; and a programme's or a measure's people.
--
-- A goal or a measure named by its label only has no number; since the
-- number columns are NOT NULL and unique, such a row stores minus its
-- position plus one, which no real number is (see sqlstore/goal.go).

-- +goose Up
ALTER TABLE programmes ADD COLUMN period_note TEXT NOT NULL DEFAULT '';
ALTER TABLE programmes ADD COLUMN signed_precision INTEGER NOT NULL DEFAULT 0 CHECK (signed_precision IN (0, 1, 2));
ALTER TABLE programme_targets ADD COLUMN period_note TEXT NOT NULL DEFAULT '';
ALTER TABLE plan_targets ADD COLUMN period_note TEXT NOT NULL DEFAULT '';
ALTER TABLE plan_anchoring ADD COLUMN executive_committee_precision INTEGER NOT NULL DEFAULT 0 CHECK (executive_committee_precision IN (0, 1, 2));
ALTER TABLE plan_anchoring ADD COLUMN council_precision INTEGER NOT NULL DEFAULT 0 CHECK (council_precision IN (0, 1, 2));
ALTER TABLE plan_approvals ADD COLUMN date_precision INTEGER NOT NULL DEFAULT 0 CHECK (date_precision IN (0, 1, 2));
ALTER TABLE goals ADD COLUMN label TEXT NOT NULL DEFAULT '';
ALTER TABLE goals ADD COLUMN unplaced INTEGER NOT NULL DEFAULT 0 CHECK (unplaced IN (0, 1));
ALTER TABLE measures ADD COLUMN label TEXT NOT NULL DEFAULT '';
ALTER TABLE budget_lines ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE financing_cells ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE financing_tables ADD COLUMN years_from INTEGER;
ALTER TABLE financing_tables ADD COLUMN years_to INTEGER;
ALTER TABLE financing_tables ADD COLUMN years_note TEXT NOT NULL DEFAULT '';

CREATE TABLE people (
    id              INTEGER PRIMARY KEY,
    programme_id    INTEGER REFERENCES programmes (id) ON DELETE CASCADE,
    measure_id      INTEGER REFERENCES measures (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    name            TEXT NOT NULL,
    role            TEXT NOT NULL DEFAULT '',
    organisation_id INTEGER REFERENCES organisations (id),
    note            TEXT NOT NULL DEFAULT '',
    CHECK ((programme_id IS NULL) <> (measure_id IS NULL))
) STRICT;
CREATE INDEX people_programme ON people (programme_id);
CREATE INDEX people_measure ON people (measure_id);
CREATE INDEX people_organisation ON people (organisation_id);

-- +goose Down
DROP TABLE people;
ALTER TABLE financing_tables DROP COLUMN years_note;
ALTER TABLE financing_tables DROP COLUMN years_to;
ALTER TABLE financing_tables DROP COLUMN years_from;
ALTER TABLE financing_cells DROP COLUMN kind;
ALTER TABLE budget_lines DROP COLUMN kind;
ALTER TABLE measures DROP COLUMN label;
ALTER TABLE goals DROP COLUMN unplaced;
ALTER TABLE goals DROP COLUMN label;
ALTER TABLE plan_approvals DROP COLUMN date_precision;
ALTER TABLE plan_anchoring DROP COLUMN council_precision;
ALTER TABLE plan_anchoring DROP COLUMN executive_committee_precision;
ALTER TABLE plan_targets DROP COLUMN period_note;
ALTER TABLE programme_targets DROP COLUMN period_note;
ALTER TABLE programmes DROP COLUMN signed_precision;
ALTER TABLE programmes DROP COLUMN period_note;
