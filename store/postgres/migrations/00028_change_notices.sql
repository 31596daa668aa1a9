-- +goose Up
-- Every copy of planverk keeps the support-scheme catalogue and the public
-- releases' pages in memory. A change to either is told to every copy
-- listening when its transaction commits (pg_notify waits for the commit,
-- and is dropped with a rollback), so each can forget what it kept at once
-- instead of asking the database on every request.
-- +goose StatementBegin
CREATE FUNCTION planverk_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify(TG_ARGV[0], '');
	RETURN NULL;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER scheme_revisions_notify AFTER INSERT ON scheme_revisions
	FOR EACH STATEMENT EXECUTE FUNCTION planverk_notify('planverk_catalogue');
CREATE TRIGGER glossary_revisions_notify AFTER INSERT ON glossary_revisions
	FOR EACH STATEMENT EXECUTE FUNCTION planverk_notify('planverk_catalogue');
CREATE TRIGGER plan_releases_notify AFTER INSERT OR UPDATE OR DELETE ON plan_releases
	FOR EACH STATEMENT EXECUTE FUNCTION planverk_notify('planverk_releases');
CREATE TRIGGER plan_publications_notify AFTER INSERT OR UPDATE OR DELETE ON plan_publications
	FOR EACH STATEMENT EXECUTE FUNCTION planverk_notify('planverk_releases');
CREATE TRIGGER programmes_notify AFTER DELETE ON programmes
	FOR EACH STATEMENT EXECUTE FUNCTION planverk_notify('planverk_releases');

-- +goose Down
DROP TRIGGER programmes_notify ON programmes;
DROP TRIGGER plan_publications_notify ON plan_publications;
DROP TRIGGER plan_releases_notify ON plan_releases;
DROP TRIGGER glossary_revisions_notify ON glossary_revisions;
DROP TRIGGER scheme_revisions_notify ON scheme_revisions;
DROP FUNCTION planverk_notify();
