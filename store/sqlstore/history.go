package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"planverk/plan"
	"planverk/store"
)

// History lists a plan's recorded changes, newest first.
func (s *Store) History(ctx context.Context, programmeID string, year int, q store.HistoryQuery) ([]store.ChangeRecord, error) {
	var out []store.ChangeRecord
	err := s.read(ctx, func(r *reader) error {
		if _, err := r.programmeRow(programmeID); err != nil {
			return err
		}
		query := `
			SELECT p.version, p.saved_at, coalesce(e.author_id, 0), coalesce(u.name, ''), coalesce(e.summary, ''),
				c.path, c.kind, c.before, c.after, c.goal_number, c.measure_number
			FROM plan_changes c
			JOIN plans p ON p.id = c.plan_id
			JOIN programmes pr ON pr.id = p.programme_id
			LEFT JOIN plan_edits e ON e.plan_id = p.id
			LEFT JOIN users u ON u.id = e.author_id
			WHERE pr.key = ? AND p.year = ?`
		args := []any{programmeID, year}
		measure := ""
		var measureArgs []any
		if q.Goal != 0 && q.Measure != 0 {
			measure = ` AND c.goal_number = ? AND c.measure_number = ?`
			measureArgs = []any{q.Goal, q.Measure}
			query += measure
			args = append(args, measureArgs...)
		}
		if q.Before > 0 {
			query += ` AND p.version < ?`
			args = append(args, q.Before)
		}
		if q.Versions > 0 {
			// The oldest of the page's versions: the Versions-th newest
			// that changed anything asked for, below Before.
			query += ` AND p.version >= (SELECT min(v) FROM (
				SELECT DISTINCT p.version AS v FROM plan_changes c
				JOIN plans p ON p.id = c.plan_id JOIN programmes pr ON pr.id = p.programme_id
				WHERE pr.key = ? AND p.year = ?` + measure + ` AND (? = 0 OR p.version < ?)
				ORDER BY v DESC LIMIT ?) page)`
			args = append(append(append(args, programmeID, year), measureArgs...), q.Before, q.Before, q.Versions)
		}
		query += ` ORDER BY p.version DESC, c.position`
		if q.Limit > 0 {
			query += ` LIMIT ?`
			args = append(args, q.Limit)
		}
		return r.each(query, args, func(rows *sql.Rows) error {
			var c store.ChangeRecord
			var at any
			var goal, measure sql.NullInt64
			if err := rows.Scan(&c.Version, &at, &c.Author, &c.AuthorName, &c.Summary,
				&c.Path, &c.Kind, &c.Before, &c.After, &goal, &measure); err != nil {
				return err
			}
			var err error
			if c.SavedAt, err = timeOf(at); err != nil {
				return err
			}
			c.Goal, c.Measure = intOf(goal), intOf(measure)
			out = append(out, c)
			return nil
		})
	})
	if err != nil {
		var pe *plan.Error
		if errors.As(err, &pe) {
			return nil, err
		}
		return nil, fmt.Errorf("history of plan %s %d: %w", programmeID, year, err)
	}
	return out, nil
}

// programmeRow returns a programme's row id; an unknown key is
// plan.ENotFound.
func (r *reader) programmeRow(key string) (int64, error) {
	var id int64
	err := r.row(`SELECT id FROM programmes WHERE key = ?`, key).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, plan.Errorf(plan.ENotFound, "no programme %q", key)
	}
	return id, err
}

// planExists checks that a programme has a plan for a year.
func (r *reader) planExists(programmeID string, year int) (int64, error) {
	id, err := r.programmeRow(programmeID)
	if err != nil {
		return 0, err
	}
	var n int
	if err := r.row(`SELECT count(*) FROM plans WHERE programme_id = ? AND year = ?`, id, year).Scan(&n); err != nil {
		return 0, err
	}
	if n == 0 {
		return 0, plan.Errorf(plan.ENotFound, "programme %q has no plan for %d", programmeID, year)
	}
	return id, nil
}
