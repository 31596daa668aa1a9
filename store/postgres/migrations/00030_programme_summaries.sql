-- +goose Up
-- The overview of every programme reads, per programme and audience (what
-- everyone sees, what the programme's members see), a summary of its money
-- and jobs instead of every plan and project. A programme's data version
-- counts the writes to what the summaries are computed from; the triggers
-- below raise it in the same transaction as the write, whichever code (and
-- whichever copy of planverk) writes, so a summary computed from an older
-- version is known to be stale.
-- The version has no foreign key: a child row deleted with its programme
-- still raises it.
CREATE TABLE programme_data_versions (
    programme_id bigint PRIMARY KEY,
    version      bigint NOT NULL
);
INSERT INTO programme_data_versions (programme_id, version) SELECT id, 1 FROM programmes;

-- What the overview shows of a programme for one audience, as computed from
-- data_version of its data. readable is 0 where the audience may read
-- no plan of the programme; jobs and counted are the jobs targets and the
-- jobs counted against them, as JSON.
CREATE TABLE programme_summaries (
    programme_id   bigint NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    audience       text NOT NULL CHECK (audience IN ('public', 'members')),
    data_version   bigint NOT NULL,
    readable       integer NOT NULL CHECK (readable IN (0, 1)),
    has_financed   integer NOT NULL CHECK (has_financed IN (0, 1)),
    financed       bigint NOT NULL,
    committed      bigint NOT NULL,
    paid           bigint NOT NULL,
    left_to_commit bigint NOT NULL,
    findings       integer NOT NULL,
    samples        integer NOT NULL,
    jobs           text NOT NULL,
    counted        text NOT NULL,
    computed_at    timestamptz NOT NULL,
    PRIMARY KEY (programme_id, audience)
);

-- planverk_raise_data_version raises a programme's data version; the
-- trigger functions after it find the programme of a row: the programme's
-- own, the row's programme_id, or through its project, commitment or
-- report. They name the columns rather than read the whole row, which for
-- a plan may hold a stored form of its content. A row whose parent is gone
-- was deleted with it, and the parent raised the version.
-- +goose StatementBegin
CREATE FUNCTION planverk_raise_data_version(prog bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	IF prog IS NOT NULL THEN
		INSERT INTO programme_data_versions (programme_id, version) VALUES (prog, 1)
		ON CONFLICT (programme_id) DO UPDATE SET version = programme_data_versions.version + 1;
	END IF;
END;
$$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION planverk_programme_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'DELETE' THEN
		PERFORM planverk_raise_data_version(NEW.id);
	END IF;
	IF TG_OP <> 'INSERT' THEN
		PERFORM planverk_raise_data_version(OLD.id);
	END IF;
	RETURN NULL;
END;
$$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION planverk_programme_row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'DELETE' THEN
		PERFORM planverk_raise_data_version(NEW.programme_id);
	END IF;
	IF TG_OP <> 'INSERT' THEN
		PERFORM planverk_raise_data_version(OLD.programme_id);
	END IF;
	RETURN NULL;
END;
$$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION planverk_project_row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'DELETE' THEN
		PERFORM planverk_raise_data_version((SELECT p.programme_id FROM projects p WHERE p.id = NEW.project_id));
	END IF;
	IF TG_OP <> 'INSERT' THEN
		PERFORM planverk_raise_data_version((SELECT p.programme_id FROM projects p WHERE p.id = OLD.project_id));
	END IF;
	RETURN NULL;
END;
$$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION planverk_commitment_row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'DELETE' THEN
		PERFORM planverk_raise_data_version((SELECT p.programme_id FROM commitments c JOIN projects p ON p.id = c.project_id WHERE c.id = NEW.commitment_id));
	END IF;
	IF TG_OP <> 'INSERT' THEN
		PERFORM planverk_raise_data_version((SELECT p.programme_id FROM commitments c JOIN projects p ON p.id = c.project_id WHERE c.id = OLD.commitment_id));
	END IF;
	RETURN NULL;
END;
$$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION planverk_report_row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'DELETE' THEN
		PERFORM planverk_raise_data_version((SELECT p.programme_id FROM reports rp JOIN projects p ON p.id = rp.project_id WHERE rp.id = NEW.report_id));
	END IF;
	IF TG_OP <> 'INSERT' THEN
		PERFORM planverk_raise_data_version((SELECT p.programme_id FROM reports rp JOIN projects p ON p.id = rp.project_id WHERE rp.id = OLD.report_id));
	END IF;
	RETURN NULL;
END;
$$;
-- +goose StatementEnd

-- Every table a summary is computed from raises its programme's version:
-- the programme and its targets, the plans (a saved version or edit adds a
-- row to plans), releases, publications and steps, and the projects with
-- their measures, commitments, payments, tranches, reports and results.
CREATE TRIGGER programmes_data_version AFTER INSERT OR UPDATE OR DELETE ON programmes
	FOR EACH ROW EXECUTE FUNCTION planverk_programme_changed();
CREATE TRIGGER programme_targets_data_version AFTER INSERT OR UPDATE OR DELETE ON programme_targets
	FOR EACH ROW EXECUTE FUNCTION planverk_programme_row_changed();
CREATE TRIGGER plans_data_version AFTER INSERT OR UPDATE OR DELETE ON plans
	FOR EACH ROW EXECUTE FUNCTION planverk_programme_row_changed();
CREATE TRIGGER plan_releases_data_version AFTER INSERT OR UPDATE OR DELETE ON plan_releases
	FOR EACH ROW EXECUTE FUNCTION planverk_programme_row_changed();
CREATE TRIGGER plan_publications_data_version AFTER INSERT OR UPDATE OR DELETE ON plan_publications
	FOR EACH ROW EXECUTE FUNCTION planverk_programme_row_changed();
CREATE TRIGGER plan_decisions_data_version AFTER INSERT OR UPDATE OR DELETE ON plan_decisions
	FOR EACH ROW EXECUTE FUNCTION planverk_programme_row_changed();
CREATE TRIGGER projects_data_version AFTER INSERT OR UPDATE OR DELETE ON projects
	FOR EACH ROW EXECUTE FUNCTION planverk_programme_row_changed();
CREATE TRIGGER project_measures_data_version AFTER INSERT OR UPDATE OR DELETE ON project_measures
	FOR EACH ROW EXECUTE FUNCTION planverk_project_row_changed();
CREATE TRIGGER commitments_data_version AFTER INSERT OR UPDATE OR DELETE ON commitments
	FOR EACH ROW EXECUTE FUNCTION planverk_project_row_changed();
CREATE TRIGGER reports_data_version AFTER INSERT OR UPDATE OR DELETE ON reports
	FOR EACH ROW EXECUTE FUNCTION planverk_project_row_changed();
CREATE TRIGGER payments_data_version AFTER INSERT OR UPDATE OR DELETE ON payments
	FOR EACH ROW EXECUTE FUNCTION planverk_commitment_row_changed();
CREATE TRIGGER commitment_tranches_data_version AFTER INSERT OR UPDATE OR DELETE ON commitment_tranches
	FOR EACH ROW EXECUTE FUNCTION planverk_commitment_row_changed();
CREATE TRIGGER report_results_data_version AFTER INSERT OR UPDATE OR DELETE ON report_results
	FOR EACH ROW EXECUTE FUNCTION planverk_report_row_changed();

-- +goose Down
DROP TRIGGER report_results_data_version ON report_results;
DROP TRIGGER commitment_tranches_data_version ON commitment_tranches;
DROP TRIGGER payments_data_version ON payments;
DROP TRIGGER reports_data_version ON reports;
DROP TRIGGER commitments_data_version ON commitments;
DROP TRIGGER project_measures_data_version ON project_measures;
DROP TRIGGER projects_data_version ON projects;
DROP TRIGGER plan_decisions_data_version ON plan_decisions;
DROP TRIGGER plan_publications_data_version ON plan_publications;
DROP TRIGGER plan_releases_data_version ON plan_releases;
DROP TRIGGER plans_data_version ON plans;
DROP TRIGGER programme_targets_data_version ON programme_targets;
DROP TRIGGER programmes_data_version ON programmes;
DROP FUNCTION planverk_report_row_changed();
DROP FUNCTION planverk_commitment_row_changed();
DROP FUNCTION planverk_project_row_changed();
DROP FUNCTION planverk_programme_row_changed();
DROP FUNCTION planverk_programme_changed();
DROP FUNCTION planverk_raise_data_version(bigint);
DROP TABLE programme_summaries;
DROP TABLE programme_data_versions;
