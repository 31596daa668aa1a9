-- +goose Up
-- Every copy of planverk keeps the support-scheme catalogue in memory. A
-- change to it (a scheme or a glossary revision) is told to every copy
-- listening on planverk_catalogue when its transaction commits, so each can
-- build its catalogue again at once instead of asking every second.
-- +goose StatementBegin
CREATE FUNCTION planverk_catalogue_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('planverk_catalogue', '');
	RETURN NULL;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER scheme_revisions_notify AFTER INSERT ON scheme_revisions
	FOR EACH STATEMENT EXECUTE FUNCTION planverk_catalogue_changed();
CREATE TRIGGER glossary_revisions_notify AFTER INSERT ON glossary_revisions
	FOR EACH STATEMENT EXECUTE FUNCTION planverk_catalogue_changed();

-- +goose Down
DROP TRIGGER glossary_revisions_notify ON glossary_revisions;
DROP TRIGGER scheme_revisions_notify ON scheme_revisions;
DROP FUNCTION planverk_catalogue_changed();
