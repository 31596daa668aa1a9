package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"planverk/plan"
)

// saveProgramme adds the file's programme, or updates the stored one with the
// same id and replaces its parties, goals and the rest: the programme is one
// record, as the latest saved plan describes it.
func (s *saver) saveProgramme() (int64, error) {
	p := s.f.Programme
	id, _, err := s.queryID(`
		INSERT INTO programmes (key, kind, name, short_name, period_from, period_to, period_note,
			signed, signed_precision, description, sort_key)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET
			kind = excluded.kind, name = excluded.name, short_name = excluded.short_name, sort_key = excluded.sort_key,
			period_from = excluded.period_from, period_to = excluded.period_to, period_note = excluded.period_note,
			signed = excluded.signed, signed_precision = excluded.signed_precision, description = excluded.description
		RETURNING id`,
		p.ID, string(p.Kind), p.Name, p.ShortName, p.Period.From, p.Period.To, p.Period.Note,
		nullDate(p.Signed), precisionOf(p.Signed), string(p.Description), sortKey(p.Name))
	if err != nil {
		return 0, err
	}
	for _, table := range []string{"programme_parties", "programme_municipalities", "programme_goals",
		"programme_sdgs", "programme_references", "programme_targets", "capacity_frameworks", "people"} {
		if err := s.exec(`DELETE FROM `+table+` WHERE programme_id = ?`, id); err != nil {
			return 0, err
		}
	}
	for i, pa := range p.Parties {
		org, err := s.org(pa.Org, fmt.Sprintf("programme.parties[%d].org", i))
		if err != nil {
			return 0, err
		}
		if err := s.exec(`INSERT INTO programme_parties (programme_id, position, organisation_id, role, note) VALUES (?, ?, ?, ?, ?)`,
			id, i, org, string(pa.Role), pa.Note); err != nil {
			return 0, err
		}
	}
	for i, m := range p.Municipalities {
		org, err := s.org(m, fmt.Sprintf("programme.municipalities[%d]", i))
		if err != nil {
			return 0, err
		}
		if err := s.exec(`INSERT INTO programme_municipalities (programme_id, position, organisation_id) VALUES (?, ?, ?)`,
			id, i, org); err != nil {
			return 0, err
		}
	}
	for i, g := range p.Goals {
		if err := s.exec(`INSERT INTO programme_goals (programme_id, position, text, note) VALUES (?, ?, ?, ?)`,
			id, i, g.Text, string(g.Note)); err != nil {
			return 0, err
		}
	}
	for i, g := range p.SDGs {
		if err := s.exec(`INSERT INTO programme_sdgs (programme_id, position, number, title, text) VALUES (?, ?, ?, ?, ?)`,
			id, i, g.Number, g.Title, g.Text); err != nil {
			return 0, err
		}
	}
	if err := s.saveReferences("programme_references", "programme_id", id, p.References); err != nil {
		return 0, err
	}
	for i, t := range p.Targets {
		if err := s.exec(`
			INSERT INTO programme_targets (programme_id, position, kind, label, value, unit,
				period_from, period_to, year, gross, goal_number, note, period_note)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			append([]any{id, i}, targetValues(t, nullInt(t.Goal))...)...); err != nil {
			return 0, err
		}
	}
	if err := s.savePeople("programme_id", id, p.People, "programme.people"); err != nil {
		return 0, err
	}
	if c := p.Capacity; c != nil {
		fw, err := s.insert(`INSERT INTO capacity_frameworks (programme_id, title, note) VALUES (?, ?, ?)`,
			id, c.Title, string(c.Note))
		if err != nil {
			return 0, err
		}
		for i, d := range c.Dimensions {
			dim, err := s.insert(`INSERT INTO capacity_dimensions (framework_id, position, name) VALUES (?, ?, ?)`, fw, i, d.Name)
			if err != nil {
				return 0, err
			}
			for j, ind := range d.Indicators {
				if err := s.exec(`INSERT INTO capacity_indicators (dimension_id, position, text) VALUES (?, ?, ?)`,
					dim, j, ind); err != nil {
					return 0, err
				}
			}
		}
	}
	return id, nil
}

// loadProgramme reads a programme by its row id.
func (r *reader) loadProgramme(id int64) (plan.Programme, error) {
	var p plan.Programme
	var signed sql.NullString
	var signedPrec int
	err := r.row(`
		SELECT key, kind, name, short_name, period_from, period_to, period_note, signed, signed_precision, description
		FROM programmes WHERE id = ?`, id).
		Scan(&p.ID, &p.Kind, &p.Name, &p.ShortName, &p.Period.From, &p.Period.To, &p.Period.Note, &signed, &signedPrec, &p.Description)
	if err != nil {
		return p, err
	}
	if p.Signed, err = datePrecision(signed, signedPrec); err != nil {
		return p, err
	}
	if p.People, err = r.loadPeople("programme_id", id); err != nil {
		return p, fmt.Errorf("people: %w", err)
	}
	args := []any{id}
	err = r.each(`
		SELECT coalesce(o.key, ''), pp.role, pp.note
		FROM programme_parties pp LEFT JOIN organisations o ON o.id = pp.organisation_id
		WHERE pp.programme_id = ? ORDER BY pp.position`, args,
		func(rows *sql.Rows) error {
			var pa plan.Party
			err := rows.Scan(&pa.Org, &pa.Role, &pa.Note)
			p.Parties = append(p.Parties, pa)
			return err
		})
	if err != nil {
		return p, err
	}
	err = r.each(`
		SELECT coalesce(o.key, '')
		FROM programme_municipalities pm LEFT JOIN organisations o ON o.id = pm.organisation_id
		WHERE pm.programme_id = ? ORDER BY pm.position`, args,
		func(rows *sql.Rows) error {
			var m string
			err := rows.Scan(&m)
			p.Municipalities = append(p.Municipalities, m)
			return err
		})
	if err != nil {
		return p, err
	}
	err = r.each(`SELECT text, note FROM programme_goals WHERE programme_id = ? ORDER BY position`, args,
		func(rows *sql.Rows) error {
			var g plan.ProgrammeGoal
			err := rows.Scan(&g.Text, &g.Note)
			p.Goals = append(p.Goals, g)
			return err
		})
	if err != nil {
		return p, err
	}
	err = r.each(`SELECT number, title, text FROM programme_sdgs WHERE programme_id = ? ORDER BY position`, args,
		func(rows *sql.Rows) error {
			var g plan.SDG
			err := rows.Scan(&g.Number, &g.Title, &g.Text)
			p.SDGs = append(p.SDGs, g)
			return err
		})
	if err != nil {
		return p, err
	}
	if p.References, err = r.loadReferences("programme_references", "programme_id", id); err != nil {
		return p, err
	}
	err = r.each(`
		SELECT `+targetColumns+`, goal_number
		FROM programme_targets WHERE programme_id = ? ORDER BY position`, args,
		func(rows *sql.Rows) error {
			var goal sql.NullInt64
			t, err := scanTarget(rows, &goal)
			t.Goal = intOf(goal)
			p.Targets = append(p.Targets, t)
			return err
		})
	if err != nil {
		return p, err
	}
	p.Capacity, err = r.loadCapacity(id)
	return p, err
}

func (r *reader) loadCapacity(programmeID int64) (*plan.CapacityFramework, error) {
	var c plan.CapacityFramework
	var id int64
	err := r.row(`SELECT id, title, note FROM capacity_frameworks WHERE programme_id = ?`, programmeID).
		Scan(&id, &c.Title, &c.Note)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	index := map[int64]int{}
	err = r.each(`SELECT id, name FROM capacity_dimensions WHERE framework_id = ? ORDER BY position`, []any{id},
		func(rows *sql.Rows) error {
			var did int64
			var d plan.CapacityDimension
			err := rows.Scan(&did, &d.Name)
			index[did] = len(c.Dimensions)
			c.Dimensions = append(c.Dimensions, d)
			return err
		})
	if err != nil {
		return nil, err
	}
	err = r.each(`
		SELECT i.dimension_id, i.text
		FROM capacity_indicators i JOIN capacity_dimensions d ON d.id = i.dimension_id
		WHERE d.framework_id = ? ORDER BY i.dimension_id, i.position`, []any{id},
		func(rows *sql.Rows) error {
			var did int64
			var text string
			if err := rows.Scan(&did, &text); err != nil {
				return err
			}
			d := &c.Dimensions[index[did]]
			d.Indicators = append(d.Indicators, text)
			return nil
		})
	if err != nil {
		return nil, err
	}
	return &c, nil
}

// Programmes lists every programme, ordered by name.
func (s *Store) Programmes(ctx context.Context) ([]plan.Programme, error) {
	var out []plan.Programme
	err := s.read(ctx, func(r *reader) error {
		var ids []int64
		err := r.each(`SELECT id FROM programmes`, nil, func(rows *sql.Rows) error {
			var id int64
			err := rows.Scan(&id)
			ids = append(ids, id)
			return err
		})
		if err != nil {
			return err
		}
		for _, id := range ids {
			p, err := r.loadProgramme(id)
			if err != nil {
				return err
			}
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list programmes: %w", err)
	}
	sortByName(out, func(p plan.Programme) string { return p.Name }, func(p plan.Programme) string { return p.ID })
	return out, nil
}
