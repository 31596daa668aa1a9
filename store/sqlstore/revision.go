package sqlstore

import (
	"database/sql"
	"fmt"

	"planverk/plan"
)

// saveRevision saves what people wrote about each measure in the revision;
// the revision's base is a column of the plan's own row.
func (s *saver) saveRevision(planID int64) error {
	rev := s.f.Plan.Revision
	if rev == nil {
		return nil
	}
	for i, d := range rev.Measures {
		if err := s.exec(`
			INSERT INTO plan_dispositions (plan_id, position, measure_key, new_kind, amount, reason, assessment)
			VALUES (?, ?, ?, ?, ?, ?, ?)`,
			planID, i, d.Measure, string(d.New), nullAmount(d.Amount), string(d.Reason), string(d.Assessment)); err != nil {
			return fmt.Errorf("plan.revision.measures[%d]: %w", i, err)
		}
	}
	return nil
}

func (r *reader) loadRevision(planID int64, p *plan.Plan) error {
	return r.each(`
		SELECT measure_key, new_kind, amount, reason, assessment FROM plan_dispositions
		WHERE plan_id = ? ORDER BY position`, []any{planID},
		func(rows *sql.Rows) error {
			var d plan.Disposition
			var amount sql.NullInt64
			if err := rows.Scan(&d.Measure, &d.New, &amount, &d.Reason, &d.Assessment); err != nil {
				return err
			}
			d.Amount = amountOf(amount)
			if p.Revision == nil {
				// A row written without the plan's mark cannot happen;
				// keep what is there rather than lose it.
				p.Revision = &plan.Revision{}
			}
			p.Revision.Measures = append(p.Revision.Measures, d)
			return nil
		})
}
