package sqlstore

import (
	"database/sql"

	"planverk/plan"
)

// Footnotes belong to a budget or to a financing table; owner names the
// column ("budget_id" or "financing_id").

func (s *saver) saveFootnotes(owner string, ownerID int64, notes []plan.Footnote) error {
	for i, n := range notes {
		if err := s.exec(`INSERT INTO footnotes (`+owner+`, position, mark, text) VALUES (?, ?, ?, ?)`,
			ownerID, i, n.Mark, string(n.Text)); err != nil {
			return err
		}
	}
	return nil
}

// loadFootnotes reads the footnotes of all of a plan's budgets or financing
// tables, grouped by owner row. table is the owners' table.
func (r *reader) loadFootnotes(owner, table string, planID int64) (map[int64][]plan.Footnote, error) {
	out := map[int64][]plan.Footnote{}
	err := r.each(`SELECT n.`+owner+`, n.mark, n.text FROM footnotes n JOIN `+table+` t ON t.id = n.`+owner+`
		WHERE t.plan_id = ? ORDER BY n.`+owner+`, n.position`, []any{planID},
		func(rows *sql.Rows) error {
			var id int64
			var n plan.Footnote
			err := rows.Scan(&id, &n.Mark, &n.Text)
			out[id] = append(out[id], n)
			return err
		})
	return out, err
}
