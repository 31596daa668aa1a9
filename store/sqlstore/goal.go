package sqlstore

import (
	"database/sql"
	"fmt"

	"planverk/plan"
)

// A goal or a measure named by its label only has no number, but the
// number columns are NOT NULL and unique: such a row stores minus its
// position plus one, which no real number is, and reads back as 0.
func storedNumber(number, position int) int {
	if number == 0 {
		return -(position + 1)
	}
	return number
}

func numberOf(stored int) int { return max(stored, 0) }

func (s *saver) saveGoals(planID int64) error {
	for i, g := range s.f.Plan.Goals {
		if _, dup := s.goals[g.Number]; dup && g.Number != 0 {
			return invalid(s.f, "goal number %d is used twice", g.Number)
		}
		id, err := s.insert(`
			INSERT INTO goals (plan_id, position, number, label, title, heading, description, main_goal, weight,
				measures_intro, measures_caption, notes)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			planID, i, storedNumber(g.Number, i), g.Label, g.Title, g.Heading, string(g.Description), g.MainGoal, string(g.Weight),
			string(g.MeasuresIntro), g.MeasuresCaption, string(g.Notes))
		if err != nil {
			return fmt.Errorf("goal %s: %w", g.Name(), err)
		}
		if g.Number != 0 {
			s.goals[g.Number] = id
		}
		if err := s.saveMeasures(id, fmt.Sprintf("plan.goals[%d]", i), g.Measures); err != nil {
			return err
		}
	}
	if len(s.f.Plan.Measures) == 0 {
		return nil
	}
	// The measures not placed under a goal stand under a goal row of their
	// own, marked unplaced, which is never read as a goal.
	id, err := s.insert(`INSERT INTO goals (plan_id, position, number, title, unplaced) VALUES (?, ?, 0, '', ?)`,
		planID, len(s.f.Plan.Goals), true)
	if err != nil {
		return fmt.Errorf("measures not under a goal: %w", err)
	}
	return s.saveMeasures(id, "plan", s.f.Plan.Measures)
}

// goal returns the row of the goal a number names, for a foreign key; 0 (no
// goal) is NULL.
func (s *saver) goal(number int, path string) (any, error) {
	if number == 0 {
		return nil, nil
	}
	id, ok := s.goals[number]
	if !ok {
		return nil, invalid(s.f, "%s names goal %d, which the plan does not have", path, number)
	}
	return id, nil
}

// loadGoals reads a plan's goals with their measures, and the measures
// not placed under a goal.
func (r *reader) loadGoals(planID int64) ([]plan.Goal, []plan.Measure, error) {
	var goals []plan.Goal
	var ids []int64
	var unplaced int64
	err := r.each(`
		SELECT id, unplaced, number, label, title, heading, description, main_goal, weight, measures_intro, measures_caption, notes
		FROM goals WHERE plan_id = ? ORDER BY position`, []any{planID},
		func(rows *sql.Rows) error {
			var id int64
			var isUnplaced bool
			var g plan.Goal
			err := rows.Scan(&id, &isUnplaced, &g.Number, &g.Label, &g.Title, &g.Heading, &g.Description, &g.MainGoal, &g.Weight,
				&g.MeasuresIntro, &g.MeasuresCaption, &g.Notes)
			if isUnplaced {
				unplaced = id
				return err
			}
			g.Number = numberOf(g.Number)
			ids = append(ids, id)
			goals = append(goals, g)
			return err
		})
	if err != nil || len(ids) == 0 && unplaced == 0 {
		return goals, nil, err
	}
	measures, err := r.loadMeasures(planID)
	if err != nil {
		return nil, nil, fmt.Errorf("measures: %w", err)
	}
	for i, id := range ids {
		goals[i].Measures = measures[id]
	}
	return goals, measures[unplaced], nil
}
