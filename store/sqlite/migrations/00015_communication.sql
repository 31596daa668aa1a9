-- The communication plan (issue 12): a plan's yearly list of activities,
-- each with its target group, channel, time (dates known to the day, the
-- month or the year, as in 00014: the first day it can be and its
-- precision, 0 day, 1 month, 2 year), status, and who is responsible,
-- named as a measure's leads are: an organisation or words.

-- +goose Up
CREATE TABLE communication_activities (
    id             INTEGER PRIMARY KEY,
    plan_id        INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    activity       TEXT NOT NULL,
    target_group   TEXT NOT NULL DEFAULT '',
    channel        TEXT NOT NULL DEFAULT '',
    date_from      TEXT CHECK (date_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    from_precision INTEGER NOT NULL DEFAULT 0 CHECK (from_precision IN (0, 1, 2)),
    date_to        TEXT CHECK (date_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    to_precision   INTEGER NOT NULL DEFAULT 0 CHECK (to_precision IN (0, 1, 2)),
    time_text      TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL DEFAULT '',
    UNIQUE (plan_id, position)
) STRICT;

CREATE TABLE communication_responsible (
    id              INTEGER PRIMARY KEY,
    activity_id     INTEGER NOT NULL REFERENCES communication_activities (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    organisation_id INTEGER REFERENCES organisations (id),
    -- how the plan writes the organisation's name here ("as" in the file)
    written_as      TEXT NOT NULL DEFAULT '',
    text            TEXT NOT NULL DEFAULT '',
    UNIQUE (activity_id, position)
) STRICT;
CREATE INDEX communication_responsible_organisation ON communication_responsible (organisation_id);

-- +goose Down
DROP TABLE communication_responsible;
DROP TABLE communication_activities;
