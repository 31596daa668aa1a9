package sqlstore

import (
	"database/sql"

	"planverk/plan"
)

// A programme's references and a plan's live in tables of the same shape,
// each owned by its programme or plan.

func (s *saver) saveReferences(table, owner string, ownerID int64, refs []plan.Reference) error {
	for i, ref := range refs {
		if err := s.exec(`INSERT INTO `+table+` (`+owner+`, position, title, year, url, note) VALUES (?, ?, ?, ?, ?, ?)`,
			ownerID, i, ref.Title, nullInt(ref.Year), ref.URL, ref.Note); err != nil {
			return err
		}
	}
	return nil
}

func (r *reader) loadReferences(table, owner string, ownerID int64) ([]plan.Reference, error) {
	var out []plan.Reference
	err := r.each(`SELECT title, year, url, note FROM `+table+` WHERE `+owner+` = ? ORDER BY position`, []any{ownerID},
		func(rows *sql.Rows) error {
			var ref plan.Reference
			var year sql.NullInt64
			err := rows.Scan(&ref.Title, &year, &ref.URL, &ref.Note)
			ref.Year = intOf(year)
			out = append(out, ref)
			return err
		})
	return out, err
}
