-- A release's title and language beside its content, so that a list of
-- plans shows what the public reads (the released title, not the draft's)
-- without reading every release's whole plan file. Releases made before
-- this migration get theirs from their content when the store opens.

-- +goose Up
ALTER TABLE plan_releases ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE plan_releases ADD COLUMN language TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE plan_releases DROP COLUMN language;
ALTER TABLE plan_releases DROP COLUMN title;
