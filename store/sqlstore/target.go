package sqlstore

import (
	"database/sql"
	"fmt"

	"planverk/plan"
)

// Targets of a programme and of a plan share their columns but not how they
// name a goal: a plan's target refers to its goal row, a programme's only to
// a goal number (see the migration).

const targetColumns = `kind, label, value, unit, period_from, period_to, year, gross, note, period_note`

// targetValues are a target's values in the order of the INSERTs' columns,
// with goal, however the table names it, before note, and the period's
// note last.
func targetValues(t plan.Target, goal any) []any {
	var from, to any
	var periodNote string
	if t.Period != nil {
		from, to, periodNote = t.Period.From, t.Period.To, t.Period.Note
	}
	return []any{string(t.Kind), t.Label, t.Value, t.Unit, from, to, nullInt(t.Year), t.Gross, goal, string(t.Note), periodNote}
}

// scanTarget reads targetColumns followed by the goal column.
func scanTarget(rows *sql.Rows, goal any) (plan.Target, error) {
	var t plan.Target
	var from, to, year sql.NullInt64
	var periodNote string
	err := rows.Scan(&t.Kind, &t.Label, &t.Value, &t.Unit, &from, &to, &year, &t.Gross, &t.Note, &periodNote, goal)
	if from.Valid || to.Valid {
		t.Period = &plan.Period{From: intOf(from), To: intOf(to), Note: periodNote}
	}
	t.Year = intOf(year)
	return t, err
}

func (s *saver) saveTargets(planID int64) error {
	for i, t := range s.f.Plan.Targets {
		goal, err := s.goal(t.Goal, fmt.Sprintf("plan.targets[%d].goal", i))
		if err != nil {
			return err
		}
		if err := s.exec(`
			INSERT INTO plan_targets (plan_id, position, kind, label, value, unit,
				period_from, period_to, year, gross, goal_id, note, period_note)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			append([]any{planID, i}, targetValues(t, goal)...)...); err != nil {
			return fmt.Errorf("target %d: %w", i, err)
		}
	}
	return nil
}

func (r *reader) loadTargets(planID int64) ([]plan.Target, error) {
	var out []plan.Target
	err := r.each(`
		SELECT `+qualify("t", targetColumns)+`, g.number
		FROM plan_targets t LEFT JOIN goals g ON g.id = t.goal_id
		WHERE t.plan_id = ? ORDER BY t.position`, []any{planID},
		func(rows *sql.Rows) error {
			var goal sql.NullInt64
			t, err := scanTarget(rows, &goal)
			t.Goal = intOf(goal)
			out = append(out, t)
			return err
		})
	return out, err
}
