-- Edits that touch what they change (issue 14). Only the latest version of
-- a plan keeps its content in the tables (goals, measures, budgets …); an
-- earlier version keeps a stored form in its own row instead:
--
--   stored_kind ''          the content is in the tables (the latest
--                           version, or one the store has not yet compacted);
--   stored_kind 'snapshot'  stored is the version's whole content;
--   stored_kind 'measures'  stored is how the version's measures differed
--                           from the next version's, which it equals
--                           otherwise.
--
-- stored is compressed JSON (see sqlstore/version_form.go). A measure edit
-- then moves the plan's rows to the new version and rewrites that measure
-- only, and the version before keeps a few hundred bytes.

-- +goose Up
ALTER TABLE plans ADD COLUMN stored_kind text NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN stored bytea;

-- +goose Down
ALTER TABLE plans DROP COLUMN stored;
ALTER TABLE plans DROP COLUMN stored_kind;
