package sqlstore

import (
	"database/sql"
	"fmt"

	"planverk/plan"
)

// savePeople stores the people of a programme or a measure: owner is the
// column that names which ("programme_id" or "measure_id").
func (s *saver) savePeople(owner string, id int64, people []plan.Person, path string) error {
	for i, p := range people {
		org, err := s.org(p.Organisation, fmt.Sprintf("%s[%d].organisation", path, i))
		if err != nil {
			return err
		}
		if err := s.exec(`INSERT INTO people (`+owner+`, position, name, role, organisation_id, note) VALUES (?, ?, ?, ?, ?, ?)`,
			id, i, p.Name, string(p.Role), org, p.Note); err != nil {
			return fmt.Errorf("%s[%d]: %w", path, i, err)
		}
	}
	return nil
}

// loadPeople reads the people of one programme or measure.
func (r *reader) loadPeople(owner string, id int64) ([]plan.Person, error) {
	var out []plan.Person
	err := r.each(`
		SELECT p.name, p.role, coalesce(o.key, ''), p.note
		FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id
		WHERE p.`+owner+` = ? ORDER BY p.position`, []any{id},
		func(rows *sql.Rows) error {
			var p plan.Person
			err := rows.Scan(&p.Name, &p.Role, &p.Organisation, &p.Note)
			out = append(out, p)
			return err
		})
	return out, err
}
