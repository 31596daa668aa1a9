-- The development-capacity survey (utviklingsevne): a programme's survey
-- round for a year, asked by the indicator set kept with it (a copy, so
-- that a later set changes none of its answers), its respondent groups,
-- each with the hash of its secret link, and the answers.
--
-- Answers are anonymous: an answer keeps its group, the day it was given
-- and the random key of the form it came from (so that a form sent twice
-- counts once), and nothing of who gave it: no account, no address, no
-- time finer than the day.

-- +goose Up
CREATE TABLE capacity_rounds (
    id             INTEGER PRIMARY KEY,
    programme_id   INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    year           INTEGER NOT NULL,
    set_source     TEXT NOT NULL CHECK (set_source <> ''),
    state          TEXT NOT NULL CHECK (state IN ('open', 'closed')),
    results        TEXT NOT NULL CHECK (results IN ('members', 'public')),
    opened_on      TEXT NOT NULL CHECK (opened_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    UNIQUE (programme_id, year)
) STRICT;

CREATE TABLE capacity_groups (
    id          INTEGER PRIMARY KEY,
    round_id    INTEGER NOT NULL REFERENCES capacity_rounds (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL CHECK (name <> ''),
    token_hash  TEXT NOT NULL UNIQUE,
    UNIQUE (round_id, position)
) STRICT;

CREATE TABLE capacity_answers (
    id           INTEGER PRIMARY KEY,
    group_id     INTEGER NOT NULL REFERENCES capacity_groups (id) ON DELETE CASCADE,
    answered_on  TEXT NOT NULL CHECK (answered_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    submission   TEXT NOT NULL UNIQUE,
    comment      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX capacity_answers_group ON capacity_answers (group_id);

CREATE TABLE capacity_scores (
    answer_id  INTEGER NOT NULL REFERENCES capacity_answers (id) ON DELETE CASCADE,
    indicator  TEXT NOT NULL CHECK (indicator <> ''),
    score      INTEGER NOT NULL,
    PRIMARY KEY (answer_id, indicator)
) STRICT;

-- +goose Down
DROP TABLE capacity_scores;
DROP TABLE capacity_answers;
DROP TABLE capacity_groups;
DROP TABLE capacity_rounds;
