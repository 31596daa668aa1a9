package sqlstore

import (
	"database/sql"
	"fmt"

	"planverk/plan"
)

// Actor roles in measure_actors.
const (
	roleLead    = "lead"
	rolePartner = "partner"
)

// saveMeasures stores one list of measures (a goal's, or the plan's not
// placed under a goal) under the goal row; lp is the list's owner's path.
func (s *saver) saveMeasures(goalID int64, lp string, measures []plan.Measure) error {
	if err := s.checkMeasures(lp, measures); err != nil {
		return err
	}
	for i, m := range measures {
		if err := s.saveMeasure(goalID, i, fmt.Sprintf("%s.measures[%d]", lp, i), m); err != nil {
			return err
		}
	}
	return nil
}

// checkMeasures refuses a list that gives a number to two measures, or a
// plan that gives one identity to two.
func (s *saver) checkMeasures(lp string, measures []plan.Measure) error {
	numbers := map[int]bool{}
	for _, m := range measures {
		if numbers[m.Number] && m.Number != 0 {
			return invalid(s.f, "%s has measure number %d twice", lp, m.Number)
		}
		numbers[m.Number] = true
		if m.ID != "" {
			if s.measureIDs[m.ID] {
				return invalid(s.f, "the plan has measure ID %q twice", m.ID)
			}
			s.measureIDs[m.ID] = true
		}
	}
	return nil
}

// saveMeasure stores one measure at its place i in the list under the
// goal row, with its leads, partners, sections, people and schemes.
func (s *saver) saveMeasure(goalID int64, i int, path string, m plan.Measure) error {
	tf := m.TimeFrame
	id, err := s.insert(`
		INSERT INTO measures (goal_id, position, key, number, label, title, summary, partners_and_others,
			time_from, time_to, time_next_revision, time_text, priority, status)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		goalID, i, m.ID, storedNumber(m.Number, i), m.Label, m.Title, string(m.Summary), m.PartnersAndOthers,
		nullInt(tf.From), nullInt(tf.To), tf.NextRevision, tf.Text, string(m.Priority), string(m.Status))
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := s.saveActors(id, roleLead, m.Leads, path+".leads"); err != nil {
		return err
	}
	if err := s.saveActors(id, rolePartner, m.Partners, path+".partners"); err != nil {
		return err
	}
	if err := s.saveSections("measure_id", id, m.Sections, path+".sections"); err != nil {
		return err
	}
	if err := s.savePeople("measure_id", id, m.People, path+".people"); err != nil {
		return err
	}
	for j, key := range m.Schemes {
		if err := s.exec(`INSERT INTO measure_schemes (measure_id, position, scheme_key) VALUES (?, ?, ?)`, id, j, key); err != nil {
			return fmt.Errorf("%s.schemes[%d]: %w", path, j, err)
		}
	}
	return nil
}

func (s *saver) saveActors(measureID int64, role string, actors []plan.Actor, path string) error {
	for i, a := range actors {
		org, err := s.org(a.Org, fmt.Sprintf("%s[%d].org", path, i))
		if err != nil {
			return err
		}
		if err := s.exec(`INSERT INTO measure_actors (measure_id, role, position, organisation_id, written_as, text) VALUES (?, ?, ?, ?, ?, ?)`,
			measureID, role, i, org, a.As, a.Text); err != nil {
			return fmt.Errorf("%s[%d]: %w", path, i, err)
		}
	}
	return nil
}

// measuresOfPlan is the FROM … WHERE clause that selects a plan's measures as m.
const measuresOfPlan = `FROM measures m JOIN goals g ON g.id = m.goal_id WHERE g.plan_id = ?`

// loadMeasures reads all of a plan's measures, grouped by goal row.
func (r *reader) loadMeasures(planID int64) (map[int64][]plan.Measure, error) {
	out := map[int64][]plan.Measure{}
	type at struct {
		goal int64
		i    int
	}
	where := map[int64]at{}
	args := []any{planID}
	err := r.each(`
		SELECT m.id, m.goal_id, m.key, m.number, m.label, m.title, m.summary, m.partners_and_others,
			m.time_from, m.time_to, m.time_next_revision, m.time_text, m.priority, m.status
		`+measuresOfPlan+` ORDER BY m.position`, args,
		func(rows *sql.Rows) error {
			var id, goal int64
			var m plan.Measure
			var from, to sql.NullInt64
			err := rows.Scan(&id, &goal, &m.ID, &m.Number, &m.Label, &m.Title, &m.Summary, &m.PartnersAndOthers,
				&from, &to, &m.TimeFrame.NextRevision, &m.TimeFrame.Text, &m.Priority, &m.Status)
			m.Number = numberOf(m.Number)
			m.TimeFrame.From, m.TimeFrame.To = intOf(from), intOf(to)
			where[id] = at{goal, len(out[goal])}
			out[goal] = append(out[goal], m)
			return err
		})
	if err != nil || len(where) == 0 {
		return out, err
	}
	measure := func(id int64) *plan.Measure {
		a := where[id]
		return &out[a.goal][a.i]
	}
	err = r.each(`
		SELECT a.measure_id, a.role, coalesce(o.key, ''), a.written_as, a.text
		FROM measure_actors a JOIN measures m ON m.id = a.measure_id JOIN goals g ON g.id = m.goal_id
			LEFT JOIN organisations o ON o.id = a.organisation_id
		WHERE g.plan_id = ? ORDER BY a.measure_id, a.role, a.position`, args,
		func(rows *sql.Rows) error {
			var id int64
			var role string
			var a plan.Actor
			if err := rows.Scan(&id, &role, &a.Org, &a.As, &a.Text); err != nil {
				return err
			}
			m := measure(id)
			switch role {
			case roleLead:
				m.Leads = append(m.Leads, a)
			case rolePartner:
				m.Partners = append(m.Partners, a)
			default:
				return fmt.Errorf("measure actor with unknown role %q", role)
			}
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	err = r.each(`
		SELECT ms.measure_id, ms.scheme_key
		FROM measure_schemes ms JOIN measures m ON m.id = ms.measure_id JOIN goals g ON g.id = m.goal_id
		WHERE g.plan_id = ? ORDER BY ms.measure_id, ms.position`, args,
		func(rows *sql.Rows) error {
			var id int64
			var key string
			if err := rows.Scan(&id, &key); err != nil {
				return err
			}
			m := measure(id)
			m.Schemes = append(m.Schemes, key)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("schemes: %w", err)
	}
	sections, err := r.loadSections(`FROM sections s JOIN measures m ON m.id = s.measure_id
		JOIN goals g ON g.id = m.goal_id WHERE g.plan_id = ?`, planID)
	if err != nil {
		return nil, fmt.Errorf("sections: %w", err)
	}
	for id, secs := range sections {
		measure(id).Sections = secs
	}
	err = r.each(`
		SELECT p.measure_id, p.name, p.role, coalesce(o.key, ''), p.note
		FROM people p JOIN measures m ON m.id = p.measure_id JOIN goals g ON g.id = m.goal_id
			LEFT JOIN organisations o ON o.id = p.organisation_id
		WHERE g.plan_id = ? ORDER BY p.measure_id, p.position`, args,
		func(rows *sql.Rows) error {
			var id int64
			var p plan.Person
			if err := rows.Scan(&id, &p.Name, &p.Role, &p.Organisation, &p.Note); err != nil {
				return err
			}
			m := measure(id)
			m.People = append(m.People, p)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("people: %w", err)
	}
	return out, nil
}
