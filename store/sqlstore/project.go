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

// publicProjects is the SQL of followup.Project.Public.
const publicProjects = `(p.status IN ('granted', 'underway', 'finished')
	OR p.status = 'cancelled' AND EXISTS (SELECT 1 FROM commitments c WHERE c.project_id = p.id))`

// Projects lists a page of a programme's projects.
func (s *Store) Projects(ctx context.Context, programmeID string, q store.ProjectQuery) ([]followup.Project, int, error) {
	var out []followup.Project
	var total int
	err := s.read(ctx, func(r *reader) error {
		prog, err := r.programmeRow(programmeID)
		if err != nil {
			return err
		}
		where := `p.programme_id = ?`
		if q.Public {
			where += ` AND ` + publicProjects
		}
		if err := r.row(`SELECT count(*) FROM projects p WHERE `+where, prog).Scan(&total); err != nil {
			return fmt.Errorf("count: %w", err)
		}
		query := `SELECT p.id FROM projects p WHERE ` + where + ` ORDER BY p.id`
		args := []any{prog}
		if q.Limit > 0 {
			query += ` LIMIT ? OFFSET ?`
			args = append(args, q.Limit, q.Offset)
		}
		var ids []int64
		err = r.each(query, args, func(rows *sql.Rows) error {
			var id int64
			err := rows.Scan(&id)
			ids = append(ids, id)
			return err
		})
		if err != nil {
			return err
		}
		for _, id := range ids {
			p, err := r.project(prog, programmeID, id)
			if err != nil {
				return err
			}
			out = append(out, p)
		}
		return nil
	})
	return out, total, wrapPlanErr(err, "projects of %s", programmeID)
}

// Project returns one project of a programme.
func (s *Store) Project(ctx context.Context, programmeID string, id int64) (followup.Project, error) {
	var p followup.Project
	err := s.read(ctx, func(r *reader) error {
		prog, err := r.programmeRow(programmeID)
		if err != nil {
			return err
		}
		p, err = r.project(prog, programmeID, id)
		return err
	})
	return p, wrapPlanErr(err, "project %d of %s", id, programmeID)
}

func (r *reader) project(prog int64, programmeID string, id int64) (followup.Project, error) {
	p := followup.Project{ID: id, ProgrammeID: programmeID}
	var from, to sql.NullString
	var fromP, toP int
	var budget, own, other sql.NullInt64
	var updated any
	var sample int
	err := r.row(`
		SELECT p.title, p.label, p.owner, p.manager, p.sponsor, p.period_from, p.period_from_precision, p.period_to,
			p.period_to_precision, p.phase, p.status, p.case_ref, coalesce(p.goal, 0), p.budget, p.own_share, p.other_financing, p.version, p.updated_at, coalesce(u.name, ''), p.sample
		FROM projects p LEFT JOIN users u ON u.id = p.updated_by WHERE p.id = ? AND p.programme_id = ?`, id, prog).Scan(
		&p.Title, &p.Label, &p.Owner, &p.Manager, &p.Sponsor, &from, &fromP, &to, &toP,
		&p.Phase, &p.Status, &p.CaseRef, &p.Goal, &budget, &own, &other, &p.Version, &updated, &p.UpdatedByName, &sample)
	if err == sql.ErrNoRows {
		return p, plan.Errorf(plan.ENotFound, "programme %q has no project %d", programmeID, id)
	}
	if err != nil {
		return p, err
	}
	if p.UpdatedAt, err = timeOf(updated); err != nil {
		return p, err
	}
	p.Sample = sample != 0
	if p.From, err = datePrecision(from, fromP); err != nil {
		return p, err
	}
	if p.To, err = datePrecision(to, toP); err != nil {
		return p, err
	}
	p.Budget, p.OwnShare, p.OtherFinancing = amountOf(budget), amountOf(own), amountOf(other)
	err = r.each(`SELECT measure_key FROM project_measures WHERE project_id = ? ORDER BY position`, []any{id},
		func(rows *sql.Rows) error {
			var k string
			err := rows.Scan(&k)
			p.Measures = append(p.Measures, k)
			return err
		})
	if err != nil {
		return p, fmt.Errorf("measures: %w", err)
	}
	err = r.each(`
		SELECT id, amount, kind, source, share, decided, decided_precision, body, deadline, deadline_precision,
			conditions, released, released_on, released_precision
		FROM commitments WHERE project_id = ? ORDER BY position`, []any{id},
		func(rows *sql.Rows) error {
			var c followup.Commitment
			var share, decided, deadline, releasedOn sql.NullString
			var decP, deadP, relP int
			var amount int64
			var released sql.NullInt64
			if err := rows.Scan(&c.ID, &amount, &c.Kind, &c.Source, &share, &decided, &decP, &c.Body, &deadline, &deadP,
				&c.Conditions, &released, &releasedOn, &relP); err != nil {
				return err
			}
			c.Amount, c.Share, c.Released = plan.Amount(amount), plan.Share(share.String), amountOf(released)
			var err error
			if c.Decided, err = datePrecision(decided, decP); err != nil {
				return err
			}
			if c.Deadline, err = datePrecision(deadline, deadP); err != nil {
				return err
			}
			if c.ReleasedOn, err = datePrecision(releasedOn, relP); err != nil {
				return err
			}
			p.Commitments = append(p.Commitments, c)
			return nil
		})
	if err != nil {
		return p, fmt.Errorf("commitments: %w", err)
	}
	for i := range p.Commitments {
		c := &p.Commitments[i]
		err = r.each(`SELECT year, amount FROM commitment_tranches WHERE commitment_id = ? ORDER BY position`,
			[]any{c.ID}, func(rows *sql.Rows) error {
				var t followup.Tranche
				var amount int64
				err := rows.Scan(&t.Year, &amount)
				t.Amount = plan.Amount(amount)
				c.Schedule = append(c.Schedule, t)
				return err
			})
		if err != nil {
			return p, fmt.Errorf("schedule: %w", err)
		}
		err = r.each(`SELECT id, paid_on, paid_precision, amount FROM payments WHERE commitment_id = ? ORDER BY position`,
			[]any{c.ID}, func(rows *sql.Rows) error {
				var pay followup.Payment
				var on sql.NullString
				var prec int
				var amount int64
				if err := rows.Scan(&pay.ID, &on, &prec, &amount); err != nil {
					return err
				}
				d, err := datePrecision(on, prec)
				if err != nil {
					return err
				}
				pay.Date, pay.Amount = *d, plan.Amount(amount)
				c.Payments = append(c.Payments, pay)
				return nil
			})
		if err != nil {
			return p, fmt.Errorf("payments: %w", err)
		}
	}
	return p, nil
}

// SaveProject registers a project or replaces a stored one whole.
func (s *Store) SaveProject(ctx context.Context, p followup.Project, e store.Edit) (followup.Project, error) {
	if p.Title == "" {
		return p, plan.Errorf(plan.EInvalid, "a project needs a title")
	}
	if !p.Status.Valid() || !p.Phase.Valid() {
		return p, plan.Errorf(plan.EInvalid, "project status %q, phase %q", p.Status, p.Phase)
	}
	now := time.Now().UTC().Truncate(time.Microsecond).Format(savedAtFormat)
	var out followup.Project
	err := s.write(ctx, func(w *writer) error {
		prog, err := w.reader().programmeRow(p.ProgrammeID)
		if err != nil {
			return err
		}
		cols := []any{p.Title, p.Label, p.Owner, p.Manager, p.Sponsor, nullDate(p.From), precisionOf(p.From),
			nullDate(p.To), precisionOf(p.To), string(p.Phase), string(p.Status), p.CaseRef, nullInt(p.Goal),
			nullAmount(p.Budget), nullAmount(p.OwnShare), nullAmount(p.OtherFinancing), now, nullID(e.Author), sampleOf(p)}
		id := p.ID
		if id == 0 && e.Submission != "" {
			// The same form or request sent twice registers one project:
			// the second gets the first's.
			var seen int64
			err := w.reader().row(`SELECT id FROM projects WHERE submission = ? AND programme_id = ?`, e.Submission, prog).Scan(&seen)
			if err == nil {
				out, err = w.reader().project(prog, p.ProgrammeID, seen)
				out.Repeated = true
				return err
			}
			if err != sql.ErrNoRows {
				return fmt.Errorf("submission: %w", err)
			}
		}
		if id == 0 {
			id, err = w.insert(`
				INSERT INTO projects (title, label, owner, manager, sponsor, period_from, period_from_precision,
					period_to, period_to_precision, phase, status, case_ref, goal, budget, own_share, other_financing,
					updated_at, updated_by, sample, programme_id, submission, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`, append(cols, prog, nullString(e.Submission))...)
			if err != nil {
				return fmt.Errorf("project: %w", err)
			}
		} else {
			var version int
			err := w.reader().row(`SELECT version FROM projects WHERE id = ? AND programme_id = ?`, id, prog).Scan(&version)
			if err == sql.ErrNoRows {
				return plan.Errorf(plan.ENotFound, "programme %q has no project %d", p.ProgrammeID, id)
			}
			if err != nil {
				return err
			}
			// Decided in the transaction that writes, so that of two
			// saves from the same version only the first is saved.
			if version != p.Version {
				return plan.Errorf(plan.EConflict, "project %d was saved by someone else (version %d, not %d)", id, version, p.Version)
			}
			err = w.exec(`
				UPDATE projects SET title = ?, label = ?, owner = ?, manager = ?, sponsor = ?, period_from = ?,
					period_from_precision = ?, period_to = ?, period_to_precision = ?, phase = ?, status = ?,
					case_ref = ?, goal = ?, budget = ?, own_share = ?, other_financing = ?, updated_at = ?, updated_by = ?,
					sample = ?, version = version + 1
				WHERE id = ? AND programme_id = ?`, append(cols, id, prog)...)
			if err != nil {
				return fmt.Errorf("project: %w", err)
			}
			for _, q := range []string{`DELETE FROM project_measures WHERE project_id = ?`, `DELETE FROM commitments WHERE project_id = ?`} {
				if err := w.exec(q, id); err != nil {
					return err
				}
			}
		}
		for i, k := range p.Measures {
			if err := w.exec(`INSERT INTO project_measures (project_id, position, measure_key) VALUES (?, ?, ?)`, id, i, k); err != nil {
				return fmt.Errorf("measure %s: %w", k, err)
			}
		}
		for ci, c := range p.Commitments {
			if err := w.saveCommitment(id, ci, c); err != nil {
				return fmt.Errorf("commitment %d: %w", ci+1, err)
			}
		}
		out, err = w.reader().project(prog, p.ProgrammeID, id)
		return err
	})
	return out, wrapPlanErr(err, "save project %q of %s", p.Title, p.ProgrammeID)
}

// saveCommitment inserts a commitment and its payments, under the IDs
// they had where they had one, so that a page's links to them hold.
func (w *writer) saveCommitment(project int64, position int, c followup.Commitment) error {
	cols := []any{project, position, int64(c.Amount), string(c.Kind), c.Source, nullString(string(c.Share)),
		nullDate(c.Decided), precisionOf(c.Decided), c.Body, nullDate(c.Deadline), precisionOf(c.Deadline),
		c.Conditions, nullAmount(c.Released), nullDate(c.ReleasedOn), precisionOf(c.ReleasedOn)}
	const names = `project_id, position, amount, kind, source, share, decided, decided_precision, body,
		deadline, deadline_precision, conditions, released, released_on, released_precision`
	const marks = `?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?`
	id := c.ID
	var err error
	if id == 0 {
		id, err = w.insert(`INSERT INTO commitments (`+names+`) VALUES (`+marks+`)`, cols...)
	} else {
		err = w.exec(`INSERT INTO commitments (id, `+names+`) VALUES (?, `+marks+`)`, append([]any{id}, cols...)...)
	}
	if err != nil {
		return err
	}
	for ti, t := range c.Schedule {
		if err := w.exec(`INSERT INTO commitment_tranches (commitment_id, position, year, amount) VALUES (?, ?, ?, ?)`,
			id, ti, t.Year, int64(t.Amount)); err != nil {
			return fmt.Errorf("tranche %d: %w", t.Year, err)
		}
	}
	for pi, pay := range c.Payments {
		args := []any{id, pi, nullDate(&pay.Date), precisionOf(&pay.Date), int64(pay.Amount)}
		if pay.ID == 0 {
			_, err = w.insert(`INSERT INTO payments (commitment_id, position, paid_on, paid_precision, amount) VALUES (?, ?, ?, ?, ?)`, args...)
		} else {
			err = w.exec(`INSERT INTO payments (id, commitment_id, position, paid_on, paid_precision, amount) VALUES (?, ?, ?, ?, ?, ?)`,
				append([]any{pay.ID}, args...)...)
		}
		if err != nil {
			return fmt.Errorf("payment %d: %w", pi+1, err)
		}
	}
	return nil
}
