-- The final evaluation: the funders' templates and each programme's
-- evaluation.
--
-- A template is kept as the YAML document it was uploaded as; uploading one
-- of the same name replaces it. An evaluation keeps a copy of the template
-- it was started on (name, version and document), so that a later template
-- never changes the headings of an evaluation already written.

-- +goose Up
CREATE TABLE evaluation_templates (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    funder      TEXT NOT NULL DEFAULT '',
    version     TEXT NOT NULL,
    source      TEXT NOT NULL,
    uploaded_at TEXT NOT NULL,
    uploaded_by INTEGER REFERENCES users (id)
) STRICT;

CREATE TABLE evaluations (
    programme_id     INTEGER PRIMARY KEY REFERENCES programmes (id) ON DELETE CASCADE,
    template_name    TEXT NOT NULL,
    template_version TEXT NOT NULL,
    template_source  TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('draft', 'completed')),
    created_at       TEXT NOT NULL,
    created_by       INTEGER REFERENCES users (id),
    updated_at       TEXT NOT NULL,
    updated_by       INTEGER REFERENCES users (id),
    completed_at     TEXT,
    completed_by     INTEGER REFERENCES users (id)
) STRICT;

-- the programme's text under each of the template's headings
CREATE TABLE evaluation_sections (
    programme_id INTEGER NOT NULL REFERENCES evaluations (programme_id) ON DELETE CASCADE,
    section_key  TEXT NOT NULL,
    text         TEXT NOT NULL,
    PRIMARY KEY (programme_id, section_key)
) STRICT;

-- the figure the programme says it reached, per target (evaluation.TargetKey)
CREATE TABLE evaluation_achievements (
    programme_id INTEGER NOT NULL REFERENCES evaluations (programme_id) ON DELETE CASCADE,
    target_key   TEXT NOT NULL,
    achieved     INTEGER NOT NULL,
    PRIMARY KEY (programme_id, target_key)
) STRICT;

-- +goose Down
DROP TABLE evaluation_achievements;
DROP TABLE evaluation_sections;
DROP TABLE evaluations;
DROP TABLE evaluation_templates;
