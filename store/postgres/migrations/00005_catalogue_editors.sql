-- Catalogue editors: people who maintain the support-scheme catalogue and
-- its glossary for the whole installation (a county's business adviser, say)
-- without being system administrators. Like system_admin it is a mark on the
-- user, not a role in a programme, since the catalogue belongs to no
-- programme; an invitation can give it.

-- +goose Up
ALTER TABLE users ADD COLUMN catalogue_editor boolean NOT NULL DEFAULT false;
ALTER TABLE invitations ADD COLUMN catalogue_editor boolean NOT NULL DEFAULT false;

-- +goose Down
ALTER TABLE invitations DROP COLUMN catalogue_editor;
ALTER TABLE users DROP COLUMN catalogue_editor;
