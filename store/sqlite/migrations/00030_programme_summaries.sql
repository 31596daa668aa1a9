-- +goose Up
-- The overview of every programme reads, per programme and audience (what
-- everyone sees, what the programme's members see), a summary of its money
-- and jobs instead of every plan and project. A programme's data version
-- counts the writes to what the summaries are computed from; the triggers
-- below raise it in the same transaction as the write, whichever code
-- writes, so a summary computed from an older version is known to be stale.
-- The version has no foreign key: a child row deleted with its programme
-- still raises it, and a key reused by a new programme goes on counting.
CREATE TABLE programme_data_versions (
    programme_id INTEGER PRIMARY KEY,
    version      INTEGER NOT NULL
) STRICT;
INSERT INTO programme_data_versions (programme_id, version) SELECT id, 1 FROM programmes;

-- What the overview shows of a programme for one audience, as computed from
-- data_version of its data. readable is 0 where the audience may read no
-- plan of the programme; jobs and counted are the jobs targets and the jobs
-- counted against them, as JSON.
CREATE TABLE programme_summaries (
    programme_id   INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    audience       TEXT NOT NULL CHECK (audience IN ('public', 'members')),
    data_version   INTEGER NOT NULL,
    readable       INTEGER NOT NULL CHECK (readable IN (0, 1)),
    has_financed   INTEGER NOT NULL CHECK (has_financed IN (0, 1)),
    financed       INTEGER NOT NULL,
    committed      INTEGER NOT NULL,
    paid           INTEGER NOT NULL,
    left_to_commit INTEGER NOT NULL,
    findings       INTEGER NOT NULL,
    samples        INTEGER NOT NULL,
    jobs           TEXT NOT NULL,
    counted        TEXT NOT NULL,
    computed_at    TEXT NOT NULL,
    PRIMARY KEY (programme_id, audience)
) STRICT;

-- Every table a summary is computed from raises its programme's version:
-- the programme and its targets, the plans (a saved version or edit adds a
-- row to plans), releases, publications and steps, and the projects with
-- their measures, commitments, payments, tranches, reports and results.
-- +goose StatementBegin
CREATE TRIGGER programmes_insert_data_version AFTER INSERT ON programmes BEGIN
    INSERT INTO programme_data_versions (programme_id, version) VALUES (NEW.id, 1)
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER programme_targets_insert_data_version AFTER INSERT ON programme_targets BEGIN
    INSERT INTO programme_data_versions (programme_id, version) VALUES (NEW.programme_id, 1)
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER plans_insert_data_version AFTER INSERT ON plans BEGIN
    INSERT INTO programme_data_versions (programme_id, version) VALUES (NEW.programme_id, 1)
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER plan_releases_insert_data_version AFTER INSERT ON plan_releases BEGIN
    INSERT INTO programme_data_versions (programme_id, version) VALUES (NEW.programme_id, 1)
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER plan_publications_insert_data_version AFTER INSERT ON plan_publications BEGIN
    INSERT INTO programme_data_versions (programme_id, version) VALUES (NEW.programme_id, 1)
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER plan_decisions_insert_data_version AFTER INSERT ON plan_decisions BEGIN
    INSERT INTO programme_data_versions (programme_id, version) VALUES (NEW.programme_id, 1)
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER projects_insert_data_version AFTER INSERT ON projects BEGIN
    INSERT INTO programme_data_versions (programme_id, version) VALUES (NEW.programme_id, 1)
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER project_measures_insert_data_version AFTER INSERT ON project_measures BEGIN
    INSERT INTO programme_data_versions (programme_id, version)
        SELECT p.programme_id, 1 FROM projects p WHERE p.id = NEW.project_id
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER commitments_insert_data_version AFTER INSERT ON commitments BEGIN
    INSERT INTO programme_data_versions (programme_id, version)
        SELECT p.programme_id, 1 FROM projects p WHERE p.id = NEW.project_id
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER reports_insert_data_version AFTER INSERT ON reports BEGIN
    INSERT INTO programme_data_versions (programme_id, version)
        SELECT p.programme_id, 1 FROM projects p WHERE p.id = NEW.project_id
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER payments_insert_data_version AFTER INSERT ON payments BEGIN
    INSERT INTO programme_data_versions (programme_id, version)
        SELECT p.programme_id, 1 FROM commitments c JOIN projects p ON p.id = c.project_id WHERE c.id = NEW.commitment_id
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER commitment_tranches_insert_data_version AFTER INSERT ON commitment_tranches BEGIN
    INSERT INTO programme_data_versions (programme_id, version)
        SELECT p.programme_id, 1 FROM commitments c JOIN projects p ON p.id = c.project_id WHERE c.id = NEW.commitment_id
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER report_results_insert_data_version AFTER INSERT ON report_results BEGIN
    INSERT INTO programme_data_versions (programme_id, version)
        SELECT p.programme_id, 1 FROM reports rp JOIN projects p ON p.id = rp.project_id WHERE rp.id = NEW.report_id
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER programmes_update_data_version AFTER UPDATE ON programmes BEGIN
    INSERT INTO programme_data_versions (programme_id, version) VALUES (NEW.id, 1)
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
    INSERT INTO programme_data_versions (programme_id, version) VALUES (OLD.id, 1)
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER programme_targets_update_data_version AFTER UPDATE ON programme_targets BEGIN
    INSERT INTO programme_data_versions (programme_id, version) VALUES (NEW.programme_id, 1)
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
    INSERT INTO programme_data_versions (programme_id, version) VALUES (OLD.programme_id, 1)
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER plans_update_data_version AFTER UPDATE ON plans BEGIN
    INSERT INTO programme_data_versions (programme_id, version) VALUES (NEW.programme_id, 1)
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
    INSERT INTO programme_data_versions (programme_id, version) VALUES (OLD.programme_id, 1)
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER plan_releases_update_data_version AFTER UPDATE ON plan_releases BEGIN
    INSERT INTO programme_data_versions (programme_id, version) VALUES (NEW.programme_id, 1)
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
    INSERT INTO programme_data_versions (programme_id, version) VALUES (OLD.programme_id, 1)
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER plan_publications_update_data_version AFTER UPDATE ON plan_publications BEGIN
    INSERT INTO programme_data_versions (programme_id, version) VALUES (NEW.programme_id, 1)
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
    INSERT INTO programme_data_versions (programme_id, version) VALUES (OLD.programme_id, 1)
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER plan_decisions_update_data_version AFTER UPDATE ON plan_decisions BEGIN
    INSERT INTO programme_data_versions (programme_id, version) VALUES (NEW.programme_id, 1)
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
    INSERT INTO programme_data_versions (programme_id, version) VALUES (OLD.programme_id, 1)
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER projects_update_data_version AFTER UPDATE ON projects BEGIN
    INSERT INTO programme_data_versions (programme_id, version) VALUES (NEW.programme_id, 1)
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
    INSERT INTO programme_data_versions (programme_id, version) VALUES (OLD.programme_id, 1)
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER project_measures_update_data_version AFTER UPDATE ON project_measures BEGIN
    INSERT INTO programme_data_versions (programme_id, version)
        SELECT p.programme_id, 1 FROM projects p WHERE p.id = NEW.project_id
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
    INSERT INTO programme_data_versions (programme_id, version)
        SELECT p.programme_id, 1 FROM projects p WHERE p.id = OLD.project_id
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER commitments_update_data_version AFTER UPDATE ON commitments BEGIN
    INSERT INTO programme_data_versions (programme_id, version)
        SELECT p.programme_id, 1 FROM projects p WHERE p.id = NEW.project_id
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
    INSERT INTO programme_data_versions (programme_id, version)
        SELECT p.programme_id, 1 FROM projects p WHERE p.id = OLD.project_id
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER reports_update_data_version AFTER UPDATE ON reports BEGIN
    INSERT INTO programme_data_versions (programme_id, version)
        SELECT p.programme_id, 1 FROM projects p WHERE p.id = NEW.project_id
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
    INSERT INTO programme_data_versions (programme_id, version)
        SELECT p.programme_id, 1 FROM projects p WHERE p.id = OLD.project_id
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER payments_update_data_version AFTER UPDATE ON payments BEGIN
    INSERT INTO programme_data_versions (programme_id, version)
        SELECT p.programme_id, 1 FROM commitments c JOIN projects p ON p.id = c.project_id WHERE c.id = NEW.commitment_id
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
    INSERT INTO programme_data_versions (programme_id, version)
        SELECT p.programme_id, 1 FROM commitments c JOIN projects p ON p.id = c.project_id WHERE c.id = OLD.commitment_id
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER commitment_tranches_update_data_version AFTER UPDATE ON commitment_tranches BEGIN
    INSERT INTO programme_data_versions (programme_id, version)
        SELECT p.programme_id, 1 FROM commitments c JOIN projects p ON p.id = c.project_id WHERE c.id = NEW.commitment_id
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
    INSERT INTO programme_data_versions (programme_id, version)
        SELECT p.programme_id, 1 FROM commitments c JOIN projects p ON p.id = c.project_id WHERE c.id = OLD.commitment_id
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER report_results_update_data_version AFTER UPDATE ON report_results BEGIN
    INSERT INTO programme_data_versions (programme_id, version)
        SELECT p.programme_id, 1 FROM reports rp JOIN projects p ON p.id = rp.project_id WHERE rp.id = NEW.report_id
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
    INSERT INTO programme_data_versions (programme_id, version)
        SELECT p.programme_id, 1 FROM reports rp JOIN projects p ON p.id = rp.project_id WHERE rp.id = OLD.report_id
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER programmes_delete_data_version AFTER DELETE ON programmes BEGIN
    INSERT INTO programme_data_versions (programme_id, version) VALUES (OLD.id, 1)
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER programme_targets_delete_data_version AFTER DELETE ON programme_targets BEGIN
    INSERT INTO programme_data_versions (programme_id, version) VALUES (OLD.programme_id, 1)
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER plans_delete_data_version AFTER DELETE ON plans BEGIN
    INSERT INTO programme_data_versions (programme_id, version) VALUES (OLD.programme_id, 1)
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER plan_releases_delete_data_version AFTER DELETE ON plan_releases BEGIN
    INSERT INTO programme_data_versions (programme_id, version) VALUES (OLD.programme_id, 1)
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER plan_publications_delete_data_version AFTER DELETE ON plan_publications BEGIN
    INSERT INTO programme_data_versions (programme_id, version) VALUES (OLD.programme_id, 1)
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER plan_decisions_delete_data_version AFTER DELETE ON plan_decisions BEGIN
    INSERT INTO programme_data_versions (programme_id, version) VALUES (OLD.programme_id, 1)
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER projects_delete_data_version AFTER DELETE ON projects BEGIN
    INSERT INTO programme_data_versions (programme_id, version) VALUES (OLD.programme_id, 1)
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER project_measures_delete_data_version AFTER DELETE ON project_measures BEGIN
    INSERT INTO programme_data_versions (programme_id, version)
        SELECT p.programme_id, 1 FROM projects p WHERE p.id = OLD.project_id
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER commitments_delete_data_version AFTER DELETE ON commitments BEGIN
    INSERT INTO programme_data_versions (programme_id, version)
        SELECT p.programme_id, 1 FROM projects p WHERE p.id = OLD.project_id
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER reports_delete_data_version AFTER DELETE ON reports BEGIN
    INSERT INTO programme_data_versions (programme_id, version)
        SELECT p.programme_id, 1 FROM projects p WHERE p.id = OLD.project_id
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER payments_delete_data_version AFTER DELETE ON payments BEGIN
    INSERT INTO programme_data_versions (programme_id, version)
        SELECT p.programme_id, 1 FROM commitments c JOIN projects p ON p.id = c.project_id WHERE c.id = OLD.commitment_id
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER commitment_tranches_delete_data_version AFTER DELETE ON commitment_tranches BEGIN
    INSERT INTO programme_data_versions (programme_id, version)
        SELECT p.programme_id, 1 FROM commitments c JOIN projects p ON p.id = c.project_id WHERE c.id = OLD.commitment_id
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER report_results_delete_data_version AFTER DELETE ON report_results BEGIN
    INSERT INTO programme_data_versions (programme_id, version)
        SELECT p.programme_id, 1 FROM reports rp JOIN projects p ON p.id = rp.project_id WHERE rp.id = OLD.report_id
        ON CONFLICT (programme_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd


-- +goose Down
DROP TRIGGER report_results_delete_data_version;
DROP TRIGGER commitment_tranches_delete_data_version;
DROP TRIGGER payments_delete_data_version;
DROP TRIGGER reports_delete_data_version;
DROP TRIGGER commitments_delete_data_version;
DROP TRIGGER project_measures_delete_data_version;
DROP TRIGGER projects_delete_data_version;
DROP TRIGGER plan_decisions_delete_data_version;
DROP TRIGGER plan_publications_delete_data_version;
DROP TRIGGER plan_releases_delete_data_version;
DROP TRIGGER plans_delete_data_version;
DROP TRIGGER programme_targets_delete_data_version;
DROP TRIGGER programmes_delete_data_version;
DROP TRIGGER report_results_update_data_version;
DROP TRIGGER commitment_tranches_update_data_version;
DROP TRIGGER payments_update_data_version;
DROP TRIGGER reports_update_data_version;
DROP TRIGGER commitments_update_data_version;
DROP TRIGGER project_measures_update_data_version;
DROP TRIGGER projects_update_data_version;
DROP TRIGGER plan_decisions_update_data_version;
DROP TRIGGER plan_publications_update_data_version;
DROP TRIGGER plan_releases_update_data_version;
DROP TRIGGER plans_update_data_version;
DROP TRIGGER programme_targets_update_data_version;
DROP TRIGGER programmes_update_data_version;
DROP TRIGGER report_results_insert_data_version;
DROP TRIGGER commitment_tranches_insert_data_version;
DROP TRIGGER payments_insert_data_version;
DROP TRIGGER reports_insert_data_version;
DROP TRIGGER commitments_insert_data_version;
DROP TRIGGER project_measures_insert_data_version;
DROP TRIGGER projects_insert_data_version;
DROP TRIGGER plan_decisions_insert_data_version;
DROP TRIGGER plan_publications_insert_data_version;
DROP TRIGGER plan_releases_insert_data_version;
DROP TRIGGER plans_insert_data_version;
DROP TRIGGER programme_targets_insert_data_version;
DROP TRIGGER programmes_insert_data_version;
DROP TABLE programme_summaries;
DROP TABLE programme_data_versions;
