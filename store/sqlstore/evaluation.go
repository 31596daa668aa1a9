package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"planverk/evaluation"
	"planverk/plan"
	"planverk/store"
)

// EvaluationTemplates lists the uploaded templates, latest first.
func (s *Store) EvaluationTemplates(ctx context.Context) ([]store.EvaluationTemplate, error) {
	var out []store.EvaluationTemplate
	err := s.read(ctx, func(r *reader) error {
		return r.each(`
			SELECT t.name, t.funder, t.version, t.source, t.uploaded_at, coalesce(t.uploaded_by, 0), coalesce(u.name, '')
			FROM evaluation_templates t LEFT JOIN users u ON u.id = t.uploaded_by
			ORDER BY t.uploaded_at DESC, t.id DESC`, nil,
			func(rows *sql.Rows) error {
				var t store.EvaluationTemplate
				var src string
				var at any
				if err := rows.Scan(&t.Name, &t.Funder, &t.Version, &src, &at, &t.UploadedBy, &t.UploadedByName); err != nil {
					return err
				}
				t.Source = []byte(src)
				var err error
				t.UploadedAt, err = timeOf(at)
				out = append(out, t)
				return err
			})
	})
	if err != nil {
		return nil, fmt.Errorf("evaluation templates: %w", err)
	}
	return out, nil
}

// SaveEvaluationTemplate stores a template in place of the one of its name.
func (s *Store) SaveEvaluationTemplate(ctx context.Context, t store.EvaluationTemplate) (store.EvaluationTemplate, error) {
	parsed, err := evaluation.ParseTemplate(t.Source)
	if err != nil {
		return t, plan.Errorf(plan.EInvalid, "evaluation template: %v", err)
	}
	t.Name, t.Funder, t.Version = parsed.Name, parsed.Funder, parsed.Version
	t.UploadedAt = time.Now().UTC().Truncate(time.Microsecond)
	err = s.write(ctx, func(w *writer) error {
		return w.exec(`
			INSERT INTO evaluation_templates (name, funder, version, source, uploaded_at, uploaded_by)
			VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (name) DO UPDATE SET funder = excluded.funder, version = excluded.version,
				source = excluded.source, uploaded_at = excluded.uploaded_at, uploaded_by = excluded.uploaded_by`,
			t.Name, t.Funder, t.Version, string(t.Source), t.UploadedAt.Format(savedAtFormat), nullID(t.UploadedBy))
	})
	if err != nil {
		return t, fmt.Errorf("save evaluation template %s: %w", t.Name, err)
	}
	return t, nil
}

// Evaluation returns a programme's evaluation.
func (s *Store) Evaluation(ctx context.Context, programmeID string) (evaluation.Evaluation, error) {
	var ev evaluation.Evaluation
	err := s.read(ctx, func(r *reader) error {
		id, err := r.programmeRow(programmeID)
		if err != nil {
			return err
		}
		ev, err = r.evaluation(id, programmeID)
		return err
	})
	return ev, wrapPlanErr(err, "evaluation of %s", programmeID)
}

func (r *reader) evaluation(programme int64, programmeID string) (evaluation.Evaluation, error) {
	ev := evaluation.Evaluation{ProgrammeID: programmeID, Sections: map[string]plan.Markdown{}, Achieved: map[string]int64{}}
	var src string
	var created, updated, completed any
	err := r.row(`
		SELECT e.template_name, e.template_version, e.template_source, e.status,
			e.created_at, coalesce(e.created_by, 0), coalesce(c.name, ''),
			e.updated_at, coalesce(e.updated_by, 0), coalesce(u.name, ''),
			e.completed_at, coalesce(e.completed_by, 0), coalesce(d.name, '')
		FROM evaluations e LEFT JOIN users c ON c.id = e.created_by LEFT JOIN users u ON u.id = e.updated_by
			LEFT JOIN users d ON d.id = e.completed_by
		WHERE e.programme_id = ?`, programme).Scan(&ev.TemplateName, &ev.TemplateVersion, &src, &ev.Status,
		&created, &ev.CreatedBy, &ev.CreatedByName, &updated, &ev.UpdatedBy, &ev.UpdatedByName,
		&completed, &ev.CompletedBy, &ev.CompletedByName)
	if err == sql.ErrNoRows {
		return ev, plan.Errorf(plan.ENotFound, "programme %q has no evaluation", programmeID)
	}
	if err != nil {
		return ev, err
	}
	ev.TemplateSource = []byte(src)
	if ev.CreatedAt, err = timeOf(created); err != nil {
		return ev, err
	}
	if ev.UpdatedAt, err = timeOf(updated); err != nil {
		return ev, err
	}
	if completed != nil {
		at, err := timeOf(completed)
		if err != nil {
			return ev, err
		}
		ev.CompletedAt = &at
	}
	err = r.each(`SELECT section_key, text FROM evaluation_sections WHERE programme_id = ?`, []any{programme},
		func(rows *sql.Rows) error {
			var k, text string
			err := rows.Scan(&k, &text)
			ev.Sections[k] = plan.Markdown(text)
			return err
		})
	if err != nil {
		return ev, fmt.Errorf("sections: %w", err)
	}
	err = r.each(`SELECT target_key, achieved FROM evaluation_achievements WHERE programme_id = ?`, []any{programme},
		func(rows *sql.Rows) error {
			var k string
			var n int64
			err := rows.Scan(&k, &n)
			ev.Achieved[k] = n
			return err
		})
	if err != nil {
		return ev, fmt.Errorf("achieved figures: %w", err)
	}
	return ev, nil
}

// SaveEvaluation starts or changes a programme's evaluation.
func (s *Store) SaveEvaluation(ctx context.Context, ev evaluation.Evaluation, e store.Edit) (evaluation.Evaluation, error) {
	if ev.Status != evaluation.StatusDraft && ev.Status != evaluation.StatusCompleted {
		return ev, plan.Errorf(plan.EInvalid, "evaluation status %q", ev.Status)
	}
	now := time.Now().UTC().Truncate(time.Microsecond).Format(savedAtFormat)
	var out evaluation.Evaluation
	err := s.write(ctx, func(w *writer) error {
		id, err := w.reader().programmeRow(ev.ProgrammeID)
		if err != nil {
			return err
		}
		_, had, err := w.queryID(`SELECT programme_id FROM evaluations WHERE programme_id = ?`, id)
		if err != nil {
			return err
		}
		if !had {
			if _, err := evaluation.ParseTemplate(ev.TemplateSource); err != nil {
				return plan.Errorf(plan.EInvalid, "evaluation template: %v", err)
			}
			err = w.exec(`
				INSERT INTO evaluations (programme_id, template_name, template_version, template_source, status,
					created_at, created_by, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				id, ev.TemplateName, ev.TemplateVersion, string(ev.TemplateSource), string(ev.Status),
				now, nullID(e.Author), now, nullID(e.Author))
		} else {
			// The template stays the one the evaluation was started on.
			err = w.exec(`UPDATE evaluations SET status = ?, updated_at = ?, updated_by = ? WHERE programme_id = ?`,
				string(ev.Status), now, nullID(e.Author), id)
		}
		if err != nil {
			return fmt.Errorf("evaluation: %w", err)
		}
		switch ev.Status {
		case evaluation.StatusCompleted:
			err = w.exec(`UPDATE evaluations SET completed_at = ?, completed_by = ?
				WHERE programme_id = ? AND completed_at IS NULL`, now, nullID(e.Author), id)
		default:
			err = w.exec(`UPDATE evaluations SET completed_at = NULL, completed_by = NULL WHERE programme_id = ?`, id)
		}
		if err != nil {
			return fmt.Errorf("evaluation's completion: %w", err)
		}
		if err := w.exec(`DELETE FROM evaluation_sections WHERE programme_id = ?`, id); err != nil {
			return err
		}
		for k, text := range ev.Sections {
			if text == "" {
				continue
			}
			if err := w.exec(`INSERT INTO evaluation_sections (programme_id, section_key, text) VALUES (?, ?, ?)`,
				id, k, string(text)); err != nil {
				return fmt.Errorf("section %s: %w", k, err)
			}
		}
		if err := w.exec(`DELETE FROM evaluation_achievements WHERE programme_id = ?`, id); err != nil {
			return err
		}
		for k, n := range ev.Achieved {
			if err := w.exec(`INSERT INTO evaluation_achievements (programme_id, target_key, achieved) VALUES (?, ?, ?)`,
				id, k, n); err != nil {
				return fmt.Errorf("achieved figure %s: %w", k, err)
			}
		}
		out, err = w.reader().evaluation(id, ev.ProgrammeID)
		return err
	})
	return out, wrapPlanErr(err, "save evaluation of %s", ev.ProgrammeID)
}
