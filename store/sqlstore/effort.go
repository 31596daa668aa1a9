package sqlstore

import (
	"database/sql"
	"fmt"

	"planverk/plan"
)

// Special efforts nest to any depth: each item is a row whose parent is the
// effort it stands under.

func (s *saver) saveEfforts(planID int64) error {
	return s.saveEffortList(planID, nil, s.f.Plan.SpecialEfforts, "plan.special_efforts")
}

func (s *saver) saveEffortList(planID int64, parent any, efforts []plan.Effort, path string) error {
	for i, e := range efforts {
		id, err := s.insert(`INSERT INTO special_efforts (plan_id, parent_id, position, text, note) VALUES (?, ?, ?, ?, ?)`,
			planID, parent, i, e.Text, string(e.Note))
		if err != nil {
			return fmt.Errorf("%s[%d]: %w", path, i, err)
		}
		if err := s.saveEffortList(planID, id, e.Items, fmt.Sprintf("%s[%d].items", path, i)); err != nil {
			return err
		}
	}
	return nil
}

func (r *reader) loadEfforts(planID int64) ([]plan.Effort, error) {
	type row struct {
		id int64
		e  plan.Effort
	}
	// Every effort of the plan in one query, then the tree from the top.
	children := map[int64][]row{}
	err := r.each(`SELECT id, parent_id, text, note FROM special_efforts WHERE plan_id = ? ORDER BY position`,
		[]any{planID}, func(rows *sql.Rows) error {
			var rw row
			var parent sql.NullInt64
			err := rows.Scan(&rw.id, &parent, &rw.e.Text, &rw.e.Note)
			children[parent.Int64] = append(children[parent.Int64], rw)
			return err
		})
	if err != nil {
		return nil, err
	}
	var build func(parent int64) []plan.Effort
	build = func(parent int64) []plan.Effort {
		var out []plan.Effort
		for _, rw := range children[parent] {
			rw.e.Items = build(rw.id)
			out = append(out, rw.e)
		}
		return out
	}
	return build(0), nil
}
