package sqlstore

import (
	"database/sql"
	"fmt"

	"planverk/plan"
)

// Sections belong to a plan or to a measure; owner names the column
// ("plan_id" or "measure_id") and path where they stand in the file.
func (s *saver) saveSections(owner string, ownerID int64, sections []plan.Section, path string) error {
	for i, sec := range sections {
		id, err := s.insert(`INSERT INTO sections (`+owner+`, position, number, title, kind, body, review) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			ownerID, i, sec.Number, sec.Title, sec.Kind, string(sec.Body), sec.Review)
		if err != nil {
			return fmt.Errorf("%s[%d]: %w", path, i, err)
		}
		for j, fig := range sec.Figures {
			if err := s.exec(`INSERT INTO section_figures (section_id, position, label, caption, description) VALUES (?, ?, ?, ?, ?)`,
				id, j, fig.Label, fig.Caption, fig.Description); err != nil {
				return fmt.Errorf("%s[%d].figures[%d]: %w", path, i, j, err)
			}
		}
		for j, b := range sec.Blocks {
			if err := s.exec(`INSERT INTO section_blocks (section_id, position, block) VALUES (?, ?, ?)`,
				id, j, string(b)); err != nil {
				return fmt.Errorf("%s[%d].blocks[%d]: %w", path, i, j, err)
			}
		}
	}
	return nil
}

// loadSections reads the sections that scope selects, grouped by owner (plan
// or measure row). scope is a FROM … WHERE clause over sections aliased s, so
// that the figures and blocks of all of them are read in one query each
// rather than one per section.
func (r *reader) loadSections(scope string, args ...any) (map[int64][]plan.Section, error) {
	out := map[int64][]plan.Section{}
	type at struct {
		owner int64
		i     int
	}
	where := map[int64]at{}
	err := r.each(`SELECT s.id, coalesce(s.plan_id, s.measure_id), s.number, s.title, s.kind, s.body, s.review `+scope+`
		ORDER BY s.position`, args,
		func(rows *sql.Rows) error {
			var id, owner int64
			var sec plan.Section
			if err := rows.Scan(&id, &owner, &sec.Number, &sec.Title, &sec.Kind, &sec.Body, &sec.Review); err != nil {
				return err
			}
			where[id] = at{owner, len(out[owner])}
			out[owner] = append(out[owner], sec)
			return nil
		})
	if err != nil || len(where) == 0 {
		return out, err
	}
	section := func(id int64) *plan.Section {
		a := where[id]
		return &out[a.owner][a.i]
	}
	err = r.each(`SELECT f.section_id, f.label, f.caption, f.description FROM section_figures f
		WHERE f.section_id IN (SELECT s.id `+scope+`) ORDER BY f.section_id, f.position`, args,
		func(rows *sql.Rows) error {
			var id int64
			var fig plan.Figure
			if err := rows.Scan(&id, &fig.Label, &fig.Caption, &fig.Description); err != nil {
				return err
			}
			sec := section(id)
			sec.Figures = append(sec.Figures, fig)
			return nil
		})
	if err != nil {
		return nil, err
	}
	err = r.each(`SELECT b.section_id, b.block FROM section_blocks b
		WHERE b.section_id IN (SELECT s.id `+scope+`) ORDER BY b.section_id, b.position`, args,
		func(rows *sql.Rows) error {
			var id int64
			var b plan.Block
			if err := rows.Scan(&id, &b); err != nil {
				return err
			}
			sec := section(id)
			sec.Blocks = append(sec.Blocks, b)
			return nil
		})
	if err != nil {
		return nil, err
	}
	return out, nil
}
