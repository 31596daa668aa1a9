-- Lists that stay flat from two programmes to five hundred (issue 14).
--
-- programmes.sort_key is the collation key of the programme's name, the
-- Norwegian order every list uses (see sqlstore/order.go), written with
-- the name; the database orders and pages by it, comparing bytes, without
-- reading every programme. NULL until the store fills it at open.
--
-- organisation_uses is where each programme and plan names an organisation
-- in a part it has (plan.File.Uses): party or municipality of the programme
-- (year 0, rewritten with the programme), or lead, partner, funder,
-- anchoring or approval in the latest version of one year's plan
-- (rewritten with that plan). organisation_use_plans says which plan
-- version each year's rows were made from: the page reads that version's
-- title and language, and the store tells at open which plans a database
-- made before this index still lacks, and fills them in.

-- +goose Up
ALTER TABLE programmes ADD COLUMN sort_key BLOB;
CREATE INDEX programmes_sort_key ON programmes (sort_key, key);

CREATE TABLE organisation_use_plans (
    programme_id INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    year         INTEGER NOT NULL,
    plan_id      INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    PRIMARY KEY (programme_id, year)
);

CREATE TABLE organisation_uses (
    programme_id     INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    year             INTEGER NOT NULL,
    position         INTEGER NOT NULL,
    organisation_key TEXT NOT NULL,
    kind             TEXT NOT NULL,
    role             TEXT NOT NULL DEFAULT '',
    goal             INTEGER NOT NULL DEFAULT 0,
    measure          INTEGER NOT NULL DEFAULT 0,
    measure_key      TEXT NOT NULL DEFAULT '',
    detail           TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (programme_id, year, position)
);
CREATE INDEX organisation_uses_organisation ON organisation_uses (organisation_key, programme_id);

-- +goose Down
DROP TABLE organisation_uses;
DROP TABLE organisation_use_plans;
DROP INDEX programmes_sort_key;
ALTER TABLE programmes DROP COLUMN sort_key;
