-- Projects that are invented sample data, as the example programmes'
-- projects are (issue 11): every page that shows one says so. An integer
-- (0, 1) as in SQLite, so that the SQL is the same for both engines; the
-- index is for an import, which finds projects by their case reference.

-- +goose Up
ALTER TABLE projects ADD COLUMN sample INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1));
CREATE INDEX projects_case_ref ON projects (programme_id, case_ref);

-- +goose Down
DROP INDEX projects_case_ref;
ALTER TABLE projects DROP COLUMN sample;
