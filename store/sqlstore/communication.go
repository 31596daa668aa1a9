package sqlstore

import (
	"database/sql"
	"fmt"

	"planverk/plan"
)

// The communication plan: one row per activity in the plan's order, and
// its responsible beside it as a measure's leads are stored.

func (s *saver) saveCommunication(planID int64) error {
	for i, a := range s.f.Plan.Communication {
		path := fmt.Sprintf("plan.communication[%d]", i)
		id, err := s.insert(`
			INSERT INTO communication_activities (plan_id, position, activity, target_group, channel,
				date_from, from_precision, date_to, to_precision, time_text, status)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			planID, i, a.Activity, a.TargetGroup, a.Channel, nullDate(a.From), precisionOf(a.From),
			nullDate(a.To), precisionOf(a.To), a.When, string(a.Status))
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		for j, r := range a.Responsible {
			org, err := s.org(r.Org, fmt.Sprintf("%s.responsible[%d].org", path, j))
			if err != nil {
				return err
			}
			if err := s.exec(`INSERT INTO communication_responsible (activity_id, position, organisation_id, written_as, text) VALUES (?, ?, ?, ?, ?)`,
				id, j, org, r.As, r.Text); err != nil {
				return fmt.Errorf("%s.responsible[%d]: %w", path, j, err)
			}
		}
	}
	return nil
}

func (r *reader) loadCommunication(planID int64) ([]plan.Activity, error) {
	var out []plan.Activity
	at := map[int64]int{}
	err := r.each(`
		SELECT id, activity, target_group, channel, date_from, from_precision, date_to, to_precision, time_text, status
		FROM communication_activities WHERE plan_id = ? ORDER BY position`, []any{planID},
		func(rows *sql.Rows) error {
			var id int64
			var a plan.Activity
			var from, to sql.NullString
			var fromPrec, toPrec int
			if err := rows.Scan(&id, &a.Activity, &a.TargetGroup, &a.Channel, &from, &fromPrec, &to, &toPrec, &a.When, &a.Status); err != nil {
				return err
			}
			var err error
			if a.From, err = datePrecision(from, fromPrec); err != nil {
				return err
			}
			if a.To, err = datePrecision(to, toPrec); err != nil {
				return err
			}
			at[id] = len(out)
			out = append(out, a)
			return nil
		})
	if err != nil || len(out) == 0 {
		return out, err
	}
	err = r.each(`
		SELECT x.activity_id, coalesce(o.key, ''), x.written_as, x.text
		FROM communication_responsible x JOIN communication_activities a ON a.id = x.activity_id
			LEFT JOIN organisations o ON o.id = x.organisation_id
		WHERE a.plan_id = ? ORDER BY a.position, x.position`, []any{planID},
		func(rows *sql.Rows) error {
			var id int64
			var p plan.Actor
			if err := rows.Scan(&id, &p.Org, &p.As, &p.Text); err != nil {
				return err
			}
			a := &out[at[id]]
			a.Responsible = append(a.Responsible, p)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("responsible: %w", err)
	}
	return out, nil
}
