package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"planverk/assessment"
	"planverk/plan"
	"planverk/store"
)

// Assessments lists a programme's assessments, newest year first.
func (s *Store) Assessments(ctx context.Context, programmeID string) ([]assessment.Assessment, error) {
	var out []assessment.Assessment
	err := s.read(ctx, func(r *reader) error {
		id, err := r.programmeRow(programmeID)
		if err != nil {
			return err
		}
		years, err := r.years(`SELECT year FROM assessments WHERE programme_id = ? ORDER BY year DESC`, id)
		if err != nil {
			return err
		}
		for _, y := range years {
			a, err := r.assessment(id, programmeID, y)
			if err != nil {
				return err
			}
			out = append(out, a)
		}
		return nil
	})
	return out, wrapPlanErr(err, "assessments of %s", programmeID)
}

// Assessment returns a programme's assessment of a year.
func (s *Store) Assessment(ctx context.Context, programmeID string, year int) (assessment.Assessment, error) {
	var a assessment.Assessment
	err := s.read(ctx, func(r *reader) error {
		id, err := r.programmeRow(programmeID)
		if err != nil {
			return err
		}
		a, err = r.assessment(id, programmeID, year)
		return err
	})
	return a, wrapPlanErr(err, "assessment %d of %s", year, programmeID)
}

func (r *reader) assessment(programme int64, programmeID string, year int) (assessment.Assessment, error) {
	a := assessment.Assessment{ProgrammeID: programmeID, Year: year, Scores: map[string]assessment.Score{}}
	var id int64
	var src string
	var updated any
	err := r.row(`
		SELECT a.id, a.set_source, a.version, a.updated_at, coalesce(a.updated_by, 0), coalesce(u.name, '')
		FROM assessments a LEFT JOIN users u ON u.id = a.updated_by
		WHERE a.programme_id = ? AND a.year = ?`, programme, year).
		Scan(&id, &src, &a.Version, &updated, &a.UpdatedBy, &a.UpdatedByName)
	if err == sql.ErrNoRows {
		return a, plan.Errorf(plan.ENotFound, "programme %q has no assessment of %d", programmeID, year)
	}
	if err != nil {
		return a, err
	}
	a.SetSource = []byte(src)
	if a.UpdatedAt, err = timeOf(updated); err != nil {
		return a, err
	}
	err = r.each(`SELECT indicator, score, comment FROM assessment_scores WHERE assessment_id = ?`, []any{id},
		func(rows *sql.Rows) error {
			var k string
			var sc assessment.Score
			err := rows.Scan(&k, &sc.Value, &sc.Comment)
			a.Scores[k] = sc
			return err
		})
	if err != nil {
		return a, fmt.Errorf("scores: %w", err)
	}
	err = r.each(`SELECT name, role FROM assessment_members WHERE assessment_id = ? ORDER BY position`, []any{id},
		func(rows *sql.Rows) error {
			var m assessment.Member
			err := rows.Scan(&m.Name, &m.Role)
			a.Team = append(a.Team, m)
			return err
		})
	if err != nil {
		return a, fmt.Errorf("team: %w", err)
	}
	err = r.each(`SELECT text, measure_id, taken_up, taken_up_in FROM assessment_proposals
		WHERE assessment_id = ? ORDER BY position`, []any{id},
		func(rows *sql.Rows) error {
			var p assessment.Proposal
			var taken int
			err := rows.Scan(&p.Text, &p.Measure, &taken, &p.TakenUpIn)
			p.TakenUp = taken == 1
			a.Proposals = append(a.Proposals, p)
			return err
		})
	if err != nil {
		return a, fmt.Errorf("proposals: %w", err)
	}
	return a, nil
}

// SaveAssessment starts or changes an assessment.
func (s *Store) SaveAssessment(ctx context.Context, a assessment.Assessment, e store.Edit) (assessment.Assessment, error) {
	now := time.Now().UTC().Truncate(time.Microsecond).Format(savedAtFormat)
	var out assessment.Assessment
	err := s.write(ctx, func(w *writer) error {
		r := w.reader()
		programme, err := r.programmeRow(a.ProgrammeID)
		if err != nil {
			return err
		}
		var from int
		if err := r.row(`SELECT period_from FROM programmes WHERE id = ?`, programme).Scan(&from); err != nil {
			return err
		}
		old, err := r.assessment(programme, a.ProgrammeID, a.Year)
		had := err == nil
		if err != nil && plan.ErrorCode(err) != plan.ENotFound {
			return err
		}
		switch {
		case had && a.Version != old.Version:
			return plan.Errorf(plan.EConflict, "the assessment was changed since version %d (now %d)", a.Version, old.Version)
		case !had && a.Version != 0:
			return plan.Errorf(plan.EConflict, "the assessment of version %d is no longer there", a.Version)
		}
		src := a.SetSource
		if had {
			// The set stays the one the assessment was started on.
			src = old.SetSource
		}
		set, err := assessment.ParseSet(src)
		if err != nil {
			return plan.Errorf(plan.EInvalid, "assessment's indicator set: %v", err)
		}
		if ps := assessment.Check(set, a); len(ps) > 0 {
			return plan.Errorf(plan.EInvalid, "assessment: %d problems, the first a %s (%s)", len(ps), ps[0].Kind, ps[0].Key)
		}
		res := assessment.Compute(set, a.Scores, assessment.ProgrammeYear(from, a.Year))
		var overall any
		if res.Complete {
			overall = assessment.Hundredths(res.Overall)
		}
		var id int64
		if had {
			id, _, err = w.queryID(`SELECT id FROM assessments WHERE programme_id = ? AND year = ?`, programme, a.Year)
			if err == nil {
				err = w.exec(`UPDATE assessments SET version = version + 1, overall = ?, updated_at = ?, updated_by = ?
					WHERE id = ?`, overall, now, nullID(e.Author), id)
			}
		} else {
			id, err = w.insert(`INSERT INTO assessments (programme_id, year, set_source, version, overall, updated_at, updated_by)
				VALUES (?, ?, ?, 1, ?, ?, ?)`, programme, a.Year, string(src), overall, now, nullID(e.Author))
		}
		if err != nil {
			return fmt.Errorf("assessment: %w", err)
		}
		for _, q := range []string{`DELETE FROM assessment_scores WHERE assessment_id = ?`,
			`DELETE FROM assessment_members WHERE assessment_id = ?`, `DELETE FROM assessment_proposals WHERE assessment_id = ?`} {
			if err := w.exec(q, id); err != nil {
				return err
			}
		}
		for _, ind := range set.Indicators() {
			sc, ok := a.Scores[ind.Key]
			if !ok || sc == (assessment.Score{}) {
				continue
			}
			if err := w.exec(`INSERT INTO assessment_scores (assessment_id, indicator, score, comment) VALUES (?, ?, ?, ?)`,
				id, ind.Key, sc.Value, sc.Comment); err != nil {
				return fmt.Errorf("score of %s: %w", ind.Key, err)
			}
		}
		for i, m := range a.Team {
			if err := w.exec(`INSERT INTO assessment_members (assessment_id, position, name, role) VALUES (?, ?, ?, ?)`,
				id, i, m.Name, m.Role); err != nil {
				return fmt.Errorf("team member %d: %w", i+1, err)
			}
		}
		// A proposal kept through an edit keeps its mark: the marks belong
		// to next year's plan, not to the form that changes the text.
		marks := map[string]assessment.Proposal{}
		for _, p := range old.Proposals {
			marks[p.Text] = p
		}
		for i, p := range a.Proposals {
			if m, ok := marks[p.Text]; ok {
				p.TakenUp, p.TakenUpIn = m.TakenUp, m.TakenUpIn
			}
			taken := 0
			if p.TakenUp {
				taken = 1
			}
			if err := w.exec(`INSERT INTO assessment_proposals (assessment_id, position, text, measure_id, taken_up, taken_up_in)
				VALUES (?, ?, ?, ?, ?, ?)`, id, i, p.Text, p.Measure, taken, p.TakenUpIn); err != nil {
				return fmt.Errorf("proposal %d: %w", i+1, err)
			}
		}
		out, err = r.assessment(programme, a.ProgrammeID, a.Year)
		return err
	})
	return out, wrapPlanErr(err, "save assessment %d of %s", a.Year, a.ProgrammeID)
}

// MarkProposals says which proposals were taken up.
func (s *Store) MarkProposals(ctx context.Context, programmeID string, year int, marks []store.ProposalMark, e store.Edit) error {
	now := time.Now().UTC().Truncate(time.Microsecond).Format(savedAtFormat)
	err := s.write(ctx, func(w *writer) error {
		programme, err := w.reader().programmeRow(programmeID)
		if err != nil {
			return err
		}
		id, ok, err := w.queryID(`SELECT id FROM assessments WHERE programme_id = ? AND year = ?`, programme, year)
		if err != nil {
			return err
		}
		if !ok {
			return plan.Errorf(plan.ENotFound, "programme %q has no assessment of %d", programmeID, year)
		}
		for i, m := range marks {
			taken, in := 0, ""
			if m.TakenUp {
				taken, in = 1, m.In
			}
			if err := w.exec(`UPDATE assessment_proposals SET taken_up = ?, taken_up_in = ?
				WHERE assessment_id = ? AND position = ?`, taken, in, id, i); err != nil {
				return fmt.Errorf("proposal %d: %w", i+1, err)
			}
		}
		// The marks show in the assessment, so its ETag must change.
		return w.exec(`UPDATE assessments SET version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?`,
			now, nullID(e.Author), id)
	})
	return wrapPlanErr(err, "mark proposals of assessment %d of %s", year, programmeID)
}

// LatestAssessments returns each programme's latest assessment in a line.
func (s *Store) LatestAssessments(ctx context.Context, programmeIDs []string) (map[string]store.AssessmentSummary, error) {
	out := map[string]store.AssessmentSummary{}
	if len(programmeIDs) == 0 {
		return out, nil
	}
	args := make([]any, len(programmeIDs))
	for i, id := range programmeIDs {
		args[i] = id
	}
	err := s.read(ctx, func(r *reader) error {
		return r.each(`
			SELECT p.key, a.year, a.overall
			FROM assessments a JOIN programmes p ON p.id = a.programme_id
			WHERE p.key IN (`+placeholders(len(args))+`)
				AND a.year = (SELECT max(b.year) FROM assessments b WHERE b.programme_id = a.programme_id)`, args,
			func(rows *sql.Rows) error {
				var key string
				var sum store.AssessmentSummary
				var overall sql.NullInt64
				if err := rows.Scan(&key, &sum.Year, &overall); err != nil {
					return err
				}
				sum.Overall, sum.Complete = overall.Int64, overall.Valid
				out[key] = sum
				return nil
			})
	})
	if err != nil {
		return nil, fmt.Errorf("latest assessments: %w", err)
	}
	return out, nil
}
