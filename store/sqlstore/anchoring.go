package sqlstore

import (
	"database/sql"
	"fmt"

	"planverk/plan"
)

func (s *saver) saveAnchoring(planID int64) error {
	for i, a := range s.f.Plan.Anchoring {
		org, err := s.org(a.Municipality, fmt.Sprintf("plan.anchoring[%d].municipality", i))
		if err != nil {
			return err
		}
		if err := s.exec(`
			INSERT INTO plan_anchoring (plan_id, position, organisation_id, executive_committee, council, note,
				executive_committee_precision, council_precision)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			planID, i, org, nullDate(a.ExecutiveCommittee), nullDate(a.Council), a.Note,
			precisionOf(a.ExecutiveCommittee), precisionOf(a.Council)); err != nil {
			return fmt.Errorf("anchoring %d: %w", i, err)
		}
	}
	return nil
}

func (s *saver) saveApprovals(planID int64) error {
	for i, a := range s.f.Plan.Approvals {
		org, err := s.org(a.Party, fmt.Sprintf("plan.approvals[%d].party", i))
		if err != nil {
			return err
		}
		if err := s.exec(`INSERT INTO plan_approvals (plan_id, position, organisation_id, date, date_precision, body, note) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			planID, i, org, nullDate(a.Date), precisionOf(a.Date), a.Body, a.Note); err != nil {
			return fmt.Errorf("approval %d: %w", i, err)
		}
	}
	return nil
}

func (r *reader) loadAnchoring(planID int64) ([]plan.Anchoring, error) {
	var out []plan.Anchoring
	err := r.each(`
		SELECT coalesce(o.key, ''), a.executive_committee, a.council, a.note,
			a.executive_committee_precision, a.council_precision
		FROM plan_anchoring a LEFT JOIN organisations o ON o.id = a.organisation_id
		WHERE a.plan_id = ? ORDER BY a.position`, []any{planID},
		func(rows *sql.Rows) error {
			var a plan.Anchoring
			var exec, council sql.NullString
			var execPrec, councilPrec int
			err := rows.Scan(&a.Municipality, &exec, &council, &a.Note, &execPrec, &councilPrec)
			if err != nil {
				return err
			}
			if a.ExecutiveCommittee, err = datePrecision(exec, execPrec); err != nil {
				return err
			}
			if a.Council, err = datePrecision(council, councilPrec); err != nil {
				return err
			}
			out = append(out, a)
			return nil
		})
	return out, err
}

func (r *reader) loadApprovals(planID int64) ([]plan.Approval, error) {
	var out []plan.Approval
	err := r.each(`
		SELECT coalesce(o.key, ''), a.date, a.date_precision, a.body, a.note
		FROM plan_approvals a LEFT JOIN organisations o ON o.id = a.organisation_id
		WHERE a.plan_id = ? ORDER BY a.position`, []any{planID},
		func(rows *sql.Rows) error {
			var a plan.Approval
			var date sql.NullString
			var prec int
			err := rows.Scan(&a.Party, &date, &prec, &a.Body, &a.Note)
			if err != nil {
				return err
			}
			if a.Date, err = datePrecision(date, prec); err != nil {
				return err
			}
			out = append(out, a)
			return nil
		})
	return out, err
}
