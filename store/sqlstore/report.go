package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"planverk/followup"
	"planverk/plan"
	"planverk/store"
)

const reportColumns = `r.id, r.project_id, r.kind, r.period_from, r.period_from_precision, r.period_to, r.period_to_precision,
	r.progress, r.account, r.spent, r.jobs_created, r.jobs_secured, r.new_businesses, r.state, r.comment,
	coalesce(su.name, ''), r.submitted_at, coalesce(du.name, ''), r.decided_at, r.version, r.updated_at, coalesce(uu.name, '')`

const reportJoins = ` LEFT JOIN users su ON su.id = r.submitted_by LEFT JOIN users du ON du.id = r.decided_by
	LEFT JOIN users uu ON uu.id = r.updated_by`

// ProjectReports lists a project's reports, oldest period first.
func (s *Store) ProjectReports(ctx context.Context, programmeID string, projectID int64) ([]followup.Report, error) {
	var out []followup.Report
	err := s.read(ctx, func(r *reader) error {
		if _, err := r.projectRow(programmeID, projectID); err != nil {
			return err
		}
		var err error
		out, err = r.reports(programmeID, `WHERE r.project_id = ? ORDER BY r.period_to, r.period_from, r.id`, projectID)
		return err
	})
	return out, wrapPlanErr(err, "reports of project %d of %s", projectID, programmeID)
}

// Report returns one report of a project.
func (s *Store) Report(ctx context.Context, programmeID string, projectID, id int64) (followup.Report, error) {
	var out followup.Report
	err := s.read(ctx, func(r *reader) error {
		var err error
		out, err = r.report(programmeID, projectID, id)
		return err
	})
	return out, wrapPlanErr(err, "report %d of project %d of %s", id, projectID, programmeID)
}

// projectRow checks that the programme has the project.
func (r *reader) projectRow(programmeID string, projectID int64) (int64, error) {
	prog, err := r.programmeRow(programmeID)
	if err != nil {
		return 0, err
	}
	var id int64
	err = r.row(`SELECT id FROM projects WHERE id = ? AND programme_id = ?`, projectID, prog).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, plan.Errorf(plan.ENotFound, "programme %q has no project %d", programmeID, projectID)
	}
	return id, err
}

func (r *reader) report(programmeID string, projectID, id int64) (followup.Report, error) {
	if _, err := r.projectRow(programmeID, projectID); err != nil {
		return followup.Report{}, err
	}
	rs, err := r.reports(programmeID, `WHERE r.id = ? AND r.project_id = ?`, id, projectID)
	if err != nil {
		return followup.Report{}, err
	}
	if len(rs) == 0 {
		return followup.Report{}, plan.Errorf(plan.ENotFound, "project %d has no report %d", projectID, id)
	}
	return rs[0], nil
}

// reports reads the reports a WHERE clause picks, with their results. The
// programme is the caller's: every report picked belongs to it.
func (r *reader) reports(programmeID, where string, args ...any) ([]followup.Report, error) {
	var out []followup.Report
	err := r.each(`SELECT `+reportColumns+` FROM reports r`+reportJoins+` `+where, args, func(rows *sql.Rows) error {
		rep, err := scanReport(rows)
		rep.ProgrammeID = programmeID
		out = append(out, rep)
		return err
	})
	if err != nil {
		return nil, err
	}
	for i := range out {
		if err := r.reportResults(&out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (r *reader) reportResults(rep *followup.Report) error {
	return r.each(`SELECT label, result_count FROM report_results WHERE report_id = ? ORDER BY position`, []any{rep.ID},
		func(rows *sql.Rows) error {
			var res followup.Result
			err := rows.Scan(&res.Label, &res.Count)
			rep.Results = append(rep.Results, res)
			return err
		})
}

// scanReport reads a row of reportColumns.
func scanReport(rows *sql.Rows) (followup.Report, error) {
	var rep followup.Report
	var from, to sql.NullString
	var fromP, toP int
	var spent sql.NullInt64
	var submitted, decided, updated any
	if err := rows.Scan(&rep.ID, &rep.ProjectID, &rep.Kind, &from, &fromP, &to, &toP, &rep.Progress, &rep.Account, &spent,
		&rep.JobsCreated, &rep.JobsSecured, &rep.NewBusinesses, &rep.State, &rep.Comment, &rep.SubmittedBy, &submitted,
		&rep.DecidedBy, &decided, &rep.Version, &updated, &rep.UpdatedByName); err != nil {
		return rep, err
	}
	f, err := datePrecision(from, fromP)
	if err != nil {
		return rep, err
	}
	t, err := datePrecision(to, toP)
	if err != nil {
		return rep, err
	}
	if f != nil {
		rep.From = *f
	}
	if t != nil {
		rep.To = *t
	}
	rep.Spent = amountOf(spent)
	if rep.UpdatedAt, err = timeOf(updated); err != nil {
		return rep, err
	}
	if rep.SubmittedAt, err = nullTimeOf(submitted); err != nil {
		return rep, err
	}
	rep.DecidedAt, err = nullTimeOf(decided)
	return rep, err
}

// SaveReport registers a report or replaces a stored one's contents.
func (s *Store) SaveReport(ctx context.Context, rep followup.Report, e store.Edit) (followup.Report, error) {
	if err := rep.Check(); err != nil {
		return rep, plan.Errorf(plan.EInvalid, "%v", err)
	}
	if rep.State != followup.ReportDraft && rep.State != followup.ReportSubmitted {
		return rep, plan.Errorf(plan.EInvalid, "a report is saved as a draft or submitted, not %s", rep.State)
	}
	now := time.Now().UTC().Truncate(time.Microsecond).Format(savedAtFormat)
	var out followup.Report
	err := s.write(ctx, func(w *writer) error {
		r := w.reader()
		if _, err := r.projectRow(rep.ProgrammeID, rep.ProjectID); err != nil {
			return err
		}
		var submittedBy, submittedAt any
		if rep.State == followup.ReportSubmitted {
			submittedBy, submittedAt = nullID(e.Author), now
		}
		cols := []any{string(rep.Kind), nullDate(&rep.From), precisionOf(&rep.From), nullDate(&rep.To), precisionOf(&rep.To),
			rep.To.Year, string(rep.Progress), rep.Account, nullAmount(rep.Spent), rep.JobsCreated, rep.JobsSecured,
			rep.NewBusinesses, string(rep.State), submittedBy, submittedAt, now, nullID(e.Author)}
		id := rep.ID
		if id == 0 && e.Submission != "" {
			var seen int64
			err := r.row(`SELECT id FROM reports WHERE submission = ? AND project_id = ?`, e.Submission, rep.ProjectID).Scan(&seen)
			if err == nil {
				out, err = r.report(rep.ProgrammeID, rep.ProjectID, seen)
				return err
			}
			if err != sql.ErrNoRows {
				return fmt.Errorf("submission: %w", err)
			}
		}
		if id == 0 {
			var err error
			id, err = w.insert(`
				INSERT INTO reports (kind, period_from, period_from_precision, period_to, period_to_precision, to_year,
					progress, account, spent, jobs_created, jobs_secured, new_businesses, state, submitted_by, submitted_at,
					updated_at, updated_by, project_id, submission, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
				append(cols, rep.ProjectID, nullString(e.Submission))...)
			if err != nil {
				return fmt.Errorf("report: %w", err)
			}
		} else {
			var version int
			var state followup.ReportState
			err := r.row(`SELECT version, state FROM reports WHERE id = ? AND project_id = ?`, id, rep.ProjectID).Scan(&version, &state)
			if err == sql.ErrNoRows {
				return plan.Errorf(plan.ENotFound, "project %d has no report %d", rep.ProjectID, id)
			}
			if err != nil {
				return err
			}
			// Decided in the transaction that writes, so that of two
			// saves from the same version only the first is saved.
			if version != rep.Version {
				return plan.Errorf(plan.EConflict, "report %d was saved by someone else (version %d, not %d)", id, version, rep.Version)
			}
			if !state.Editable() {
				return plan.Errorf(plan.EConflict, "report %d is %s and can no longer be changed", id, state)
			}
			// A returned report saved again keeps the programme's comment
			// until it is decided anew.
			err = w.exec(`
				UPDATE reports SET kind = ?, period_from = ?, period_from_precision = ?, period_to = ?, period_to_precision = ?,
					to_year = ?, progress = ?, account = ?, spent = ?, jobs_created = ?, jobs_secured = ?, new_businesses = ?,
					state = ?, submitted_by = ?, submitted_at = ?, updated_at = ?, updated_by = ?, version = version + 1
				WHERE id = ? AND project_id = ?`, append(cols, id, rep.ProjectID)...)
			if err != nil {
				return fmt.Errorf("report: %w", err)
			}
			if err := w.exec(`DELETE FROM report_results WHERE report_id = ?`, id); err != nil {
				return err
			}
		}
		for i, res := range rep.Results {
			if err := w.exec(`INSERT INTO report_results (report_id, position, label, result_count) VALUES (?, ?, ?, ?)`,
				id, i, res.Label, res.Count); err != nil {
				return fmt.Errorf("result %d: %w", i+1, err)
			}
		}
		var err error
		out, err = r.report(rep.ProgrammeID, rep.ProjectID, id)
		return err
	})
	return out, wrapPlanErr(err, "save report of project %d of %s", rep.ProjectID, rep.ProgrammeID)
}

// DecideReport accepts or returns a submitted report.
func (s *Store) DecideReport(ctx context.Context, d store.ReportDecision, e store.Edit) (followup.Report, error) {
	state := followup.ReportReturned
	if d.Accept {
		state, d.Comment = followup.ReportAccepted, ""
	}
	now := time.Now().UTC().Truncate(time.Microsecond).Format(savedAtFormat)
	var out followup.Report
	err := s.write(ctx, func(w *writer) error {
		r := w.reader()
		stored, err := r.report(d.ProgrammeID, d.ProjectID, d.ID)
		if err != nil {
			return err
		}
		if stored.Version != d.Version {
			return plan.Errorf(plan.EConflict, "report %d was saved by someone else (version %d, not %d)", d.ID, stored.Version, d.Version)
		}
		if stored.State != followup.ReportSubmitted {
			return plan.Errorf(plan.EConflict, "report %d is %s, not submitted", d.ID, stored.State)
		}
		err = w.exec(`UPDATE reports SET state = ?, comment = ?, decided_by = ?, decided_at = ?, updated_at = ?, updated_by = ?,
			version = version + 1 WHERE id = ? AND project_id = ?`,
			string(state), d.Comment, nullID(e.Author), now, now, nullID(e.Author), d.ID, d.ProjectID)
		if err != nil {
			return fmt.Errorf("decide: %w", err)
		}
		out, err = r.report(d.ProgrammeID, d.ProjectID, d.ID)
		return err
	})
	return out, wrapPlanErr(err, "decide report %d of project %d of %s", d.ID, d.ProjectID, d.ProgrammeID)
}

// AcceptedReports reads the accepted reports of many programmes in three
// queries: the programmes, their projects, and the reports with their
// results.
func (s *Store) AcceptedReports(ctx context.Context, programmeIDs []string) (map[string]store.ReportSet, error) {
	out := map[string]store.ReportSet{}
	if len(programmeIDs) == 0 {
		return out, nil
	}
	err := s.read(ctx, func(r *reader) error {
		keys := make([]any, len(programmeIDs))
		for i, id := range programmeIDs {
			keys[i] = id
		}
		projects := map[int64]string{}
		err := r.each(`
			SELECT p.id, g.key, p.title, p.label,
				CASE WHEN EXISTS (SELECT 1 FROM commitments c WHERE c.project_id = p.id AND c.amount - coalesce(c.released, 0) > 0)
					THEN 1 ELSE 0 END,
				CASE WHEN `+publicProjects+` THEN 1 ELSE 0 END, p.sample
			FROM projects p JOIN programmes g ON g.id = p.programme_id
			WHERE g.key IN (`+placeholders(len(keys))+`)`, keys, func(rows *sql.Rows) error {
			var id int64
			var prog, title, label string
			var supported, public, sample int
			if err := rows.Scan(&id, &prog, &title, &label, &supported, &public, &sample); err != nil {
				return err
			}
			set, ok := out[prog]
			if !ok {
				set = store.ReportSet{Supported: map[int64]bool{}, Public: map[int64]bool{}, Names: map[int64]string{}}
			}
			set.Supported[id], set.Public[id] = supported == 1, public == 1
			set.Names[id] = followup.Project{Title: title, Label: label}.Name()
			if sample == 1 {
				if set.Sample == nil {
					set.Sample = map[int64]bool{}
				}
				set.Sample[id] = true
			}
			out[prog] = set
			projects[id] = prog
			return nil
		})
		if err != nil {
			return fmt.Errorf("projects: %w", err)
		}
		for _, id := range programmeIDs {
			if _, ok := out[id]; !ok {
				out[id] = store.ReportSet{Supported: map[int64]bool{}, Public: map[int64]bool{}, Names: map[int64]string{}}
			}
		}
		var reps []followup.Report
		byID := map[int64]int{}
		err = r.each(`SELECT `+reportColumns+` FROM reports r JOIN projects p ON p.id = r.project_id
			JOIN programmes g ON g.id = p.programme_id`+reportJoins+`
			WHERE r.state = 'accepted' AND g.key IN (`+placeholders(len(keys))+`)
			ORDER BY r.period_to, r.period_from, r.id`, keys, func(rows *sql.Rows) error {
			rep, err := scanReport(rows)
			rep.ProgrammeID = projects[rep.ProjectID]
			byID[rep.ID] = len(reps)
			reps = append(reps, rep)
			return err
		})
		if err != nil {
			return fmt.Errorf("reports: %w", err)
		}
		err = r.each(`SELECT x.report_id, x.label, x.result_count FROM report_results x JOIN reports r ON r.id = x.report_id
			JOIN projects p ON p.id = r.project_id JOIN programmes g ON g.id = p.programme_id
			WHERE r.state = 'accepted' AND g.key IN (`+placeholders(len(keys))+`) ORDER BY x.report_id, x.position`, keys,
			func(rows *sql.Rows) error {
				var id int64
				var res followup.Result
				if err := rows.Scan(&id, &res.Label, &res.Count); err != nil {
					return err
				}
				if i, ok := byID[id]; ok {
					reps[i].Results = append(reps[i].Results, res)
				}
				return nil
			})
		if err != nil {
			return fmt.Errorf("results: %w", err)
		}
		for _, rep := range reps {
			set := out[rep.ProgrammeID]
			set.Reports = append(set.Reports, rep)
			out[rep.ProgrammeID] = set
		}
		return nil
	})
	return out, wrapPlanErr(err, "accepted reports")
}

// ProjectManager returns the account of a project's manager.
func (s *Store) ProjectManager(ctx context.Context, programmeID string, projectID int64) (int64, string, error) {
	var id int64
	var name string
	err := s.read(ctx, func(r *reader) error {
		if _, err := r.projectRow(programmeID, projectID); err != nil {
			return err
		}
		err := r.row(`SELECT u.id, u.name FROM project_managers m JOIN users u ON u.id = m.user_id WHERE m.project_id = ?`,
			projectID).Scan(&id, &name)
		if err == sql.ErrNoRows {
			return nil
		}
		return err
	})
	return id, name, wrapPlanErr(err, "manager of project %d of %s", projectID, programmeID)
}

// SetProjectManager links a project to its manager's account, or unlinks it.
func (s *Store) SetProjectManager(ctx context.Context, programmeID string, projectID, userID int64) error {
	err := s.write(ctx, func(w *writer) error {
		if _, err := w.reader().projectRow(programmeID, projectID); err != nil {
			return err
		}
		if err := w.exec(`DELETE FROM project_managers WHERE project_id = ?`, projectID); err != nil {
			return err
		}
		if userID == 0 {
			return nil
		}
		return w.exec(`INSERT INTO project_managers (project_id, user_id) VALUES (?, ?)`, projectID, userID)
	})
	return wrapPlanErr(err, "set manager of project %d of %s", projectID, programmeID)
}

// ManagedProjects lists the projects whose manager the account is.
func (s *Store) ManagedProjects(ctx context.Context, userID int64) ([]store.ManagedProject, error) {
	var out []store.ManagedProject
	err := s.read(ctx, func(r *reader) error {
		return r.each(`SELECT g.key, g.name, p.id, p.title, p.label FROM project_managers m JOIN projects p ON p.id = m.project_id
			JOIN programmes g ON g.id = p.programme_id WHERE m.user_id = ? ORDER BY g.name, p.id`, []any{userID},
			func(rows *sql.Rows) error {
				var mp store.ManagedProject
				var title, label string
				err := rows.Scan(&mp.ProgrammeID, &mp.ProgrammeName, &mp.ProjectID, &title, &label)
				mp.Title = followup.Project{Title: title, Label: label}.Name()
				out = append(out, mp)
				return err
			})
	})
	return out, wrapPlanErr(err, "projects managed by %d", userID)
}
