-- The first schema: organisations, programmes and every version of every plan.
--
-- Conventions, so that the PostgreSQL schema can follow them:
--   * every table has an integer surrogate key "id"; the text ids plan files use
--     ("husbanken", "driv", "period") are in a column "key", unique where the
--     domain makes them unique;
--   * a row that belongs to another has a foreign key ON DELETE CASCADE to it;
--     a row that merely refers to another (a measure's lead, a cell's funding
--     source) has a plain foreign key, so that what is referred to cannot be
--     deleted from under it;
--   * lists keep their order in "position", counted from 0;
--   * amounts are whole kroner, INTEGER; shares TEXT as written ("60 %", "4/6");
--     dates TEXT 'YYYY-MM-DD'; a value the plan leaves out is NULL, never 0;
--   * text the plan leaves out is '', so that text columns are NOT NULL.
--
-- Enumerations (kinds, roles, statuses) are not CHECKed here: the rules in
-- package plan judge them, and a new value should not need a migration.

-- +goose Up

-- Organisations are shared by every programme and plan that names them.
CREATE TABLE organisations (
    id                  INTEGER PRIMARY KEY,
    key                 TEXT NOT NULL UNIQUE CHECK (key <> ''),
    name                TEXT NOT NULL,
    kind                TEXT NOT NULL DEFAULT '',
    number              TEXT NOT NULL DEFAULT '',
    municipality_number TEXT NOT NULL DEFAULT '',
    website             TEXT NOT NULL DEFAULT ''
) STRICT;

-- The organisations a group stands for.
CREATE TABLE organisation_members (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    member_id       INTEGER REFERENCES organisations (id),
    UNIQUE (organisation_id, position)
) STRICT;
CREATE INDEX organisation_members_member ON organisation_members (member_id);

CREATE TABLE programmes (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE CHECK (key <> ''),
    kind        TEXT NOT NULL DEFAULT '',
    name        TEXT NOT NULL,
    short_name  TEXT NOT NULL DEFAULT '',
    period_from INTEGER NOT NULL,
    period_to   INTEGER NOT NULL,
    signed      TEXT CHECK (signed GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    description TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE programme_parties (
    id              INTEGER PRIMARY KEY,
    programme_id    INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    organisation_id INTEGER REFERENCES organisations (id),
    role            TEXT NOT NULL DEFAULT '',
    note            TEXT NOT NULL DEFAULT '',
    UNIQUE (programme_id, position)
) STRICT;
CREATE INDEX programme_parties_organisation ON programme_parties (organisation_id);

CREATE TABLE programme_municipalities (
    id              INTEGER PRIMARY KEY,
    programme_id    INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    organisation_id INTEGER REFERENCES organisations (id),
    UNIQUE (programme_id, position)
) STRICT;
CREATE INDEX programme_municipalities_organisation ON programme_municipalities (organisation_id);

CREATE TABLE programme_goals (
    id           INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    UNIQUE (programme_id, position)
) STRICT;

CREATE TABLE programme_sdgs (
    id           INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    number       INTEGER NOT NULL,
    title        TEXT NOT NULL DEFAULT '',
    text         TEXT NOT NULL DEFAULT '',
    UNIQUE (programme_id, position)
) STRICT;

CREATE TABLE programme_references (
    id           INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    title        TEXT NOT NULL,
    year         INTEGER,
    url          TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    UNIQUE (programme_id, position)
) STRICT;

-- A programme's targets name a plan goal by number only: the programme
-- outlives each plan version, so there is no goal row to refer to.
CREATE TABLE programme_targets (
    id           INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    kind         TEXT NOT NULL DEFAULT '',
    label        TEXT NOT NULL DEFAULT '',
    value        INTEGER NOT NULL,
    unit         TEXT NOT NULL DEFAULT '',
    period_from  INTEGER,
    period_to    INTEGER,
    year         INTEGER,
    gross        INTEGER NOT NULL DEFAULT 0 CHECK (gross IN (0, 1)),
    goal_number  INTEGER,
    note         TEXT NOT NULL DEFAULT '',
    UNIQUE (programme_id, position),
    CHECK ((period_from IS NULL) = (period_to IS NULL))
) STRICT;

-- One row where the programme has a capacity framework at all.
CREATE TABLE capacity_frameworks (
    id           INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL UNIQUE REFERENCES programmes (id) ON DELETE CASCADE,
    title        TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE capacity_dimensions (
    id           INTEGER PRIMARY KEY,
    framework_id INTEGER NOT NULL REFERENCES capacity_frameworks (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL,
    UNIQUE (framework_id, position)
) STRICT;

CREATE TABLE capacity_indicators (
    id           INTEGER PRIMARY KEY,
    dimension_id INTEGER NOT NULL REFERENCES capacity_dimensions (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    UNIQUE (dimension_id, position)
) STRICT;

-- One row per version of a plan. A saved version is never changed: a save
-- adds version max+1 of the programme's plan for the year.
CREATE TABLE plans (
    id               INTEGER PRIMARY KEY,
    programme_id     INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    year             INTEGER NOT NULL,
    version          INTEGER NOT NULL CHECK (version > 0),
    -- the plan-file format version the file was written in
    format           INTEGER NOT NULL,
    title            TEXT NOT NULL,
    subtitle         TEXT NOT NULL DEFAULT '',
    language         TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL DEFAULT '',
    weight_basis     TEXT NOT NULL DEFAULT '',
    -- whether the file had a checks: section, even an empty one
    has_checks       INTEGER NOT NULL DEFAULT 0 CHECK (has_checks IN (0, 1)),
    weight_tolerance TEXT,
    saved_at         TEXT NOT NULL,
    UNIQUE (programme_id, year, version),
    CHECK (has_checks = 1 OR weight_tolerance IS NULL)
) STRICT;

-- The organisation records the plan file carried, in its order, so that an
-- export writes the same list. The records themselves are shared.
CREATE TABLE plan_organisations (
    id              INTEGER PRIMARY KEY,
    plan_id         INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    UNIQUE (plan_id, position),
    UNIQUE (plan_id, organisation_id)
) STRICT;
CREATE INDEX plan_organisations_organisation ON plan_organisations (organisation_id);

CREATE TABLE goals (
    id               INTEGER PRIMARY KEY,
    plan_id          INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    number           INTEGER NOT NULL,
    title            TEXT NOT NULL,
    heading          TEXT NOT NULL DEFAULT '',
    description      TEXT NOT NULL DEFAULT '',
    main_goal        TEXT NOT NULL DEFAULT '',
    weight           TEXT NOT NULL DEFAULT '',
    measures_intro   TEXT NOT NULL DEFAULT '',
    measures_caption TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT '',
    UNIQUE (plan_id, position),
    UNIQUE (plan_id, number)
) STRICT;

CREATE TABLE measures (
    id                  INTEGER PRIMARY KEY,
    goal_id             INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,
    number              INTEGER NOT NULL,
    title               TEXT NOT NULL,
    summary             TEXT NOT NULL DEFAULT '',
    partners_and_others INTEGER NOT NULL DEFAULT 0 CHECK (partners_and_others IN (0, 1)),
    time_from           INTEGER,
    time_to             INTEGER,
    time_next_revision  INTEGER NOT NULL DEFAULT 0 CHECK (time_next_revision IN (0, 1)),
    time_text           TEXT NOT NULL DEFAULT '',
    priority            TEXT NOT NULL DEFAULT '',
    status              TEXT NOT NULL DEFAULT '',
    UNIQUE (goal_id, position),
    UNIQUE (goal_id, number)
) STRICT;

-- A measure's leads and partners: an organisation, or a group or role the
-- plan names in words.
CREATE TABLE measure_actors (
    id              INTEGER PRIMARY KEY,
    measure_id      INTEGER NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('lead', 'partner')),
    position        INTEGER NOT NULL,
    organisation_id INTEGER REFERENCES organisations (id),
    -- how the plan writes the organisation's name here ("as" in the file)
    written_as      TEXT NOT NULL DEFAULT '',
    text            TEXT NOT NULL DEFAULT '',
    UNIQUE (measure_id, role, position)
) STRICT;
CREATE INDEX measure_actors_organisation ON measure_actors (organisation_id);

-- Sections of a plan's text and of a measure: exactly one owner is set.
CREATE TABLE sections (
    id         INTEGER PRIMARY KEY,
    plan_id    INTEGER REFERENCES plans (id) ON DELETE CASCADE,
    measure_id INTEGER REFERENCES measures (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    number     TEXT NOT NULL DEFAULT '',
    title      TEXT NOT NULL,
    kind       TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL DEFAULT '',
    CHECK ((plan_id IS NULL) <> (measure_id IS NULL)),
    UNIQUE (plan_id, position),
    UNIQUE (measure_id, position)
) STRICT;

CREATE TABLE section_figures (
    id          INTEGER PRIMARY KEY,
    section_id  INTEGER NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    label       TEXT NOT NULL DEFAULT '',
    caption     TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    UNIQUE (section_id, position)
) STRICT;

-- The structured parts a section shows after its text, by name
-- ("goals", "budget:period"), as the plan file writes them.
CREATE TABLE section_blocks (
    id         INTEGER PRIMARY KEY,
    section_id INTEGER NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    block      TEXT NOT NULL,
    UNIQUE (section_id, position)
) STRICT;

-- Special efforts nest: an item's parent is another effort of the same plan.
CREATE TABLE special_efforts (
    id        INTEGER PRIMARY KEY,
    plan_id   INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES special_efforts (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    text      TEXT NOT NULL,
    note      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE UNIQUE INDEX special_efforts_order ON special_efforts (plan_id, coalesce(parent_id, 0), position);
CREATE INDEX special_efforts_parent ON special_efforts (parent_id);

CREATE TABLE plan_targets (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    kind        TEXT NOT NULL DEFAULT '',
    label       TEXT NOT NULL DEFAULT '',
    value       INTEGER NOT NULL,
    unit        TEXT NOT NULL DEFAULT '',
    period_from INTEGER,
    period_to   INTEGER,
    year        INTEGER,
    gross       INTEGER NOT NULL DEFAULT 0 CHECK (gross IN (0, 1)),
    goal_id     INTEGER REFERENCES goals (id),
    note        TEXT NOT NULL DEFAULT '',
    UNIQUE (plan_id, position),
    CHECK ((period_from IS NULL) = (period_to IS NULL))
) STRICT;
CREATE INDEX plan_targets_goal ON plan_targets (goal_id);

CREATE TABLE funding_sources (
    id              INTEGER PRIMARY KEY,
    plan_id         INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    key             TEXT NOT NULL,
    name            TEXT NOT NULL,
    organisation_id INTEGER REFERENCES organisations (id),
    budget_ref      TEXT NOT NULL DEFAULT '',
    UNIQUE (plan_id, position),
    UNIQUE (plan_id, key)
) STRICT;
CREATE INDEX funding_sources_organisation ON funding_sources (organisation_id);

CREATE TABLE budgets (
    id       INTEGER PRIMARY KEY,
    plan_id  INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    key      TEXT NOT NULL,
    title    TEXT NOT NULL,
    note     TEXT NOT NULL DEFAULT '',
    UNIQUE (plan_id, position),
    UNIQUE (plan_id, key)
) STRICT;

-- The funding sources a budget plans, where it plans only some.
CREATE TABLE budget_covers (
    id        INTEGER PRIMARY KEY,
    budget_id INTEGER NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    source_id INTEGER REFERENCES funding_sources (id),
    UNIQUE (budget_id, position)
) STRICT;
CREATE INDEX budget_covers_source ON budget_covers (source_id);

-- A budget's year columns, in order.
CREATE TABLE budget_years (
    id        INTEGER PRIMARY KEY,
    budget_id INTEGER NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    year      INTEGER NOT NULL,
    UNIQUE (budget_id, position),
    UNIQUE (budget_id, year)
) STRICT;

CREATE TABLE budget_lines (
    id            INTEGER PRIMARY KEY,
    budget_id     INTEGER NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    key           TEXT NOT NULL,
    number        TEXT NOT NULL DEFAULT '',
    label         TEXT NOT NULL,
    goal_id       INTEGER REFERENCES goals (id),
    printed_total INTEGER,
    mark          TEXT NOT NULL DEFAULT '',
    UNIQUE (budget_id, position),
    UNIQUE (budget_id, key)
) STRICT;
CREATE INDEX budget_lines_goal ON budget_lines (goal_id);

CREATE TABLE budget_amounts (
    id      INTEGER PRIMARY KEY,
    line_id INTEGER NOT NULL REFERENCES budget_lines (id) ON DELETE CASCADE,
    year    INTEGER NOT NULL,
    amount  INTEGER NOT NULL,
    UNIQUE (line_id, year)
) STRICT;

-- A budget's SUM row as printed; one row where the plan printed one.
CREATE TABLE budget_printed_totals (
    id        INTEGER PRIMARY KEY,
    budget_id INTEGER NOT NULL UNIQUE REFERENCES budgets (id) ON DELETE CASCADE,
    total     INTEGER,
    mark      TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE budget_printed_years (
    id         INTEGER PRIMARY KEY,
    printed_id INTEGER NOT NULL REFERENCES budget_printed_totals (id) ON DELETE CASCADE,
    year       INTEGER NOT NULL,
    amount     INTEGER NOT NULL,
    UNIQUE (printed_id, year)
) STRICT;

CREATE TABLE financing_tables (
    id        INTEGER PRIMARY KEY,
    plan_id   INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    key       TEXT NOT NULL,
    title     TEXT NOT NULL,
    year      INTEGER NOT NULL,
    budget_id INTEGER REFERENCES budgets (id),
    note      TEXT NOT NULL DEFAULT '',
    UNIQUE (plan_id, position),
    UNIQUE (plan_id, key)
) STRICT;
CREATE INDEX financing_tables_budget ON financing_tables (budget_id);

-- A financing table's columns: funding sources, in order.
CREATE TABLE financing_columns (
    id           INTEGER PRIMARY KEY,
    financing_id INTEGER NOT NULL REFERENCES financing_tables (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    source_id    INTEGER REFERENCES funding_sources (id),
    UNIQUE (financing_id, position)
) STRICT;
CREATE INDEX financing_columns_source ON financing_columns (source_id);

-- A row finances a line of the table's budget, or stands alone with a label.
CREATE TABLE financing_rows (
    id            INTEGER PRIMARY KEY,
    financing_id  INTEGER NOT NULL REFERENCES financing_tables (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    line_id       INTEGER REFERENCES budget_lines (id),
    label         TEXT NOT NULL DEFAULT '',
    printed_total INTEGER,
    mark          TEXT NOT NULL DEFAULT '',
    UNIQUE (financing_id, position)
) STRICT;
CREATE INDEX financing_rows_line ON financing_rows (line_id);

-- amount is NULL where the amount is not yet known.
CREATE TABLE financing_cells (
    id        INTEGER PRIMARY KEY,
    row_id    INTEGER NOT NULL REFERENCES financing_rows (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    source_id INTEGER REFERENCES funding_sources (id),
    amount    INTEGER,
    share     TEXT NOT NULL DEFAULT '',
    note      TEXT NOT NULL DEFAULT '',
    mark      TEXT NOT NULL DEFAULT '',
    UNIQUE (row_id, position)
) STRICT;
CREATE INDEX financing_cells_source ON financing_cells (source_id);

CREATE TABLE financing_payments (
    id       INTEGER PRIMARY KEY,
    cell_id  INTEGER NOT NULL REFERENCES financing_cells (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    year     INTEGER NOT NULL,
    share    TEXT NOT NULL DEFAULT '',
    UNIQUE (cell_id, position)
) STRICT;

-- A financing table's SUM row as printed; one row where the plan printed one.
CREATE TABLE financing_printed_totals (
    id           INTEGER PRIMARY KEY,
    financing_id INTEGER NOT NULL UNIQUE REFERENCES financing_tables (id) ON DELETE CASCADE,
    total        INTEGER,
    minimum      INTEGER NOT NULL DEFAULT 0 CHECK (minimum IN (0, 1))
) STRICT;

CREATE TABLE financing_printed_sources (
    id         INTEGER PRIMARY KEY,
    printed_id INTEGER NOT NULL REFERENCES financing_printed_totals (id) ON DELETE CASCADE,
    source_id  INTEGER REFERENCES funding_sources (id),
    amount     INTEGER NOT NULL,
    UNIQUE (printed_id, source_id)
) STRICT;
CREATE INDEX financing_printed_sources_source ON financing_printed_sources (source_id);

-- Footnote marks printed by a source's total.
CREATE TABLE financing_printed_marks (
    id         INTEGER PRIMARY KEY,
    printed_id INTEGER NOT NULL REFERENCES financing_printed_totals (id) ON DELETE CASCADE,
    source_id  INTEGER REFERENCES funding_sources (id),
    mark       TEXT NOT NULL,
    UNIQUE (printed_id, source_id)
) STRICT;
CREATE INDEX financing_printed_marks_source ON financing_printed_marks (source_id);

-- Footnotes of a budget or of a financing table: exactly one owner is set.
-- Two foreign keys rather than an owner kind and id, so that the database
-- itself keeps them to their table and deletes them with it.
CREATE TABLE footnotes (
    id           INTEGER PRIMARY KEY,
    budget_id    INTEGER REFERENCES budgets (id) ON DELETE CASCADE,
    financing_id INTEGER REFERENCES financing_tables (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    mark         TEXT NOT NULL DEFAULT '',
    text         TEXT NOT NULL DEFAULT '',
    CHECK ((budget_id IS NULL) <> (financing_id IS NULL)),
    UNIQUE (budget_id, position),
    UNIQUE (financing_id, position)
) STRICT;

CREATE TABLE plan_anchoring (
    id                  INTEGER PRIMARY KEY,
    plan_id             INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,
    organisation_id     INTEGER REFERENCES organisations (id),
    executive_committee TEXT CHECK (executive_committee GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    council             TEXT CHECK (council GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    note                TEXT NOT NULL DEFAULT '',
    UNIQUE (plan_id, position)
) STRICT;
CREATE INDEX plan_anchoring_organisation ON plan_anchoring (organisation_id);

CREATE TABLE plan_approvals (
    id              INTEGER PRIMARY KEY,
    plan_id         INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    organisation_id INTEGER REFERENCES organisations (id),
    date            TEXT CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    body            TEXT NOT NULL DEFAULT '',
    note            TEXT NOT NULL DEFAULT '',
    UNIQUE (plan_id, position)
) STRICT;
CREATE INDEX plan_approvals_organisation ON plan_approvals (organisation_id);

CREATE TABLE plan_references (
    id       INTEGER PRIMARY KEY,
    plan_id  INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title    TEXT NOT NULL,
    year     INTEGER,
    url      TEXT NOT NULL DEFAULT '',
    note     TEXT NOT NULL DEFAULT '',
    UNIQUE (plan_id, position)
) STRICT;

-- +goose Down
DROP TABLE plan_references;
DROP TABLE plan_approvals;
DROP TABLE plan_anchoring;
DROP TABLE footnotes;
DROP TABLE financing_printed_marks;
DROP TABLE financing_printed_sources;
DROP TABLE financing_printed_totals;
DROP TABLE financing_payments;
DROP TABLE financing_cells;
DROP TABLE financing_rows;
DROP TABLE financing_columns;
DROP TABLE financing_tables;
DROP TABLE budget_printed_years;
DROP TABLE budget_printed_totals;
DROP TABLE budget_amounts;
DROP TABLE budget_lines;
DROP TABLE budget_years;
DROP TABLE budget_covers;
DROP TABLE budgets;
DROP TABLE funding_sources;
DROP TABLE plan_targets;
DROP TABLE special_efforts;
DROP TABLE section_blocks;
DROP TABLE section_figures;
DROP TABLE sections;
DROP TABLE measure_actors;
DROP TABLE measures;
DROP TABLE goals;
DROP TABLE plan_organisations;
DROP TABLE plans;
DROP TABLE capacity_indicators;
DROP TABLE capacity_dimensions;
DROP TABLE capacity_frameworks;
DROP TABLE programme_targets;
DROP TABLE programme_references;
DROP TABLE programme_sdgs;
DROP TABLE programme_goals;
DROP TABLE programme_municipalities;
DROP TABLE programme_parties;
DROP TABLE programmes;
DROP TABLE organisation_members;
DROP TABLE organisations;
