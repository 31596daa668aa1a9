package sqlstore

import (
	"database/sql"
	"fmt"

	"planverk/plan"
)

func (s *saver) saveGoals(planID int64) error {
	for i, g := range s.f.Plan.Goals {
		if _, dup := s.goals[g.Number]; dup {
			return invalid(s.f, "goal number %d is used twice", g.Number)
		}
		id, err := s.insert(`
			INSERT INTO goals (plan_id, position, number, title, heading, description, main_goal, weight,
				measures_intro, measures_caption, notes)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			planID, i, g.Number, g.Title, g.Heading, string(g.Description), g.MainGoal, string(g.Weight),
			string(g.MeasuresIntro), g.MeasuresCaption, string(g.Notes))
		if err != nil {
			return fmt.Errorf("goal %d: %w", g.Number, err)
		}
		s.goals[g.Number] = id
		if err := s.saveMeasures(id, i, g); err != nil {
			return err
		}
	}
	return nil
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

func (r *reader) loadGoals(planID int64) ([]plan.Goal, error) {
	var goals []plan.Goal
	var ids []int64
	err := r.each(`
		SELECT id, number, title, heading, description, main_goal, weight, measures_intro, measures_caption, notes
		FROM goals WHERE plan_id = ? ORDER BY position`, []any{planID},
		func(rows *sql.Rows) error {
			var id int64
			var g plan.Goal
			err := rows.Scan(&id, &g.Number, &g.Title, &g.Heading, &g.Description, &g.MainGoal, &g.Weight,
				&g.MeasuresIntro, &g.MeasuresCaption, &g.Notes)
			ids = append(ids, id)
			goals = append(goals, g)
			return err
		})
	if err != nil || len(goals) == 0 {
		return goals, err
	}
	measures, err := r.loadMeasures(planID)
	if err != nil {
		return nil, fmt.Errorf("measures: %w", err)
	}
	for i, id := range ids {
		goals[i].Measures = measures[id]
	}
	return goals, nil
}
