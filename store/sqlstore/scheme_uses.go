package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"planverk/store"
)

// SchemeUses lists the measures that name a scheme, in the latest version
// of every plan. It starts from the index on measure_schemes.scheme_key and
// reaches each plan by primary keys, so a scheme page costs the same however
// many programmes the installation holds.
func (s *Store) SchemeUses(ctx context.Context, schemeID string) ([]store.SchemeUse, error) {
	var out []store.SchemeUse
	err := s.read(ctx, func(r *reader) error {
		return r.each(`
			SELECT pr.key, pr.name, p.year, p.title, p.language, pub.id IS NOT NULL, g.number, m.number, m.title
			FROM measure_schemes ms
			JOIN measures m ON m.id = ms.measure_id
			JOIN goals g ON g.id = m.goal_id
			JOIN plans p ON p.id = g.plan_id
			JOIN programmes pr ON pr.id = p.programme_id
			LEFT JOIN plan_publications pub ON pub.programme_id = p.programme_id AND pub.year = p.year
			WHERE ms.scheme_key = ?
			AND p.version = (SELECT max(q.version) FROM plans q WHERE q.programme_id = p.programme_id AND q.year = p.year)
			ORDER BY p.year DESC, g.number, m.number`, []any{schemeID},
			func(rows *sql.Rows) error {
				var u store.SchemeUse
				if err := rows.Scan(&u.ProgrammeID, &u.ProgrammeName, &u.Year, &u.PlanTitle, &u.Language, &u.Published,
					&u.Goal, &u.Measure, &u.MeasureTitle); err != nil {
					return err
				}
				out = append(out, u)
				return nil
			})
	})
	if err != nil {
		return nil, fmt.Errorf("uses of scheme %s: %w", schemeID, err)
	}
	// Programmes by name the Norwegian way; the query's order (newest year
	// first, then goal and measure) stays within each.
	sortByName(out, func(u store.SchemeUse) string { return u.ProgrammeName }, func(u store.SchemeUse) string { return u.ProgrammeID })
	return out, nil
}
