-- The programme status assessment (programstatusvurdering): one a year per
-- programme, scored by the indicator set kept with it (a copy, so that a
-- later set changes none of its scores), with the team's score and comment
-- per indicator, the team, and its improvement proposals, each of which
-- may later be marked as taken up in next year's plan.
--
-- overall is the weighted total in hundredths as computed when saved (NULL
-- until every dimension has a score), so that an overview of every
-- programme reads it in one query.

-- +goose Up
CREATE TABLE assessments (
    id             INTEGER PRIMARY KEY,
    programme_id   INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    year           INTEGER NOT NULL,
    set_source     TEXT NOT NULL CHECK (set_source <> ''),
    version        INTEGER NOT NULL,
    overall        INTEGER,
    updated_at     TEXT NOT NULL,
    updated_by     INTEGER REFERENCES users (id),
    UNIQUE (programme_id, year)
) STRICT;

CREATE TABLE assessment_scores (
    assessment_id  INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    indicator      TEXT NOT NULL CHECK (indicator <> ''),
    score          INTEGER NOT NULL,
    comment        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (assessment_id, indicator)
) STRICT;

CREATE TABLE assessment_members (
    assessment_id  INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    name           TEXT NOT NULL CHECK (name <> ''),
    role           TEXT NOT NULL CHECK (role <> ''),
    PRIMARY KEY (assessment_id, position)
) STRICT;

CREATE TABLE assessment_proposals (
    assessment_id  INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    text           TEXT NOT NULL CHECK (text <> ''),
    measure_id     TEXT NOT NULL DEFAULT '',
    taken_up       INTEGER NOT NULL DEFAULT 0 CHECK (taken_up IN (0, 1)),
    taken_up_in    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (assessment_id, position)
) STRICT;

-- +goose Down
DROP TABLE assessment_proposals;
DROP TABLE assessment_members;
DROP TABLE assessment_scores;
DROP TABLE assessments;
