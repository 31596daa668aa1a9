-- The glossary is edited in the browser: each revision gets its number,
-- counted from 1 as a scheme's are, so that a form can say which revision
-- it was opened on, and the form or request that made it, so that a form
-- sent twice saves once. The revisions saved so far are numbered in the
-- order they were saved.

-- +goose Up
ALTER TABLE glossary_revisions ADD COLUMN revision bigint;
UPDATE glossary_revisions g SET revision = n.number
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS number FROM glossary_revisions) n
    WHERE n.id = g.id;
ALTER TABLE glossary_revisions
    ALTER COLUMN revision SET NOT NULL,
    ADD CONSTRAINT glossary_revisions_revision_check CHECK (revision > 0),
    ADD CONSTRAINT glossary_revisions_revision_key UNIQUE (revision),
    ADD COLUMN submission text UNIQUE;

-- +goose Down
ALTER TABLE glossary_revisions DROP COLUMN submission, DROP COLUMN revision;
