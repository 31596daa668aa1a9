package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

// ProgrammesNaming lists the programmes that name any of the organisations
// (see store.Store). Each arm of the union starts from an index on the
// organisation column, so the cost follows how often the organisations are
// named, not how many programmes and plans the installation holds.
func (s *Store) ProgrammesNaming(ctx context.Context, organisations []string) ([]string, error) {
	if len(organisations) == 0 {
		return nil, nil
	}
	orgs := `(SELECT id FROM organisations WHERE key IN (` + placeholders(len(organisations)) + `))`
	arms := []string{
		`SELECT programme_id FROM programme_parties WHERE organisation_id IN ` + orgs,
		`SELECT programme_id FROM programme_municipalities WHERE organisation_id IN ` + orgs,
		`SELECT p.programme_id FROM plan_organisations x JOIN plans p ON p.id = x.plan_id WHERE x.organisation_id IN ` + orgs,
		`SELECT p.programme_id FROM measure_actors x JOIN measures m ON m.id = x.measure_id
			JOIN goals g ON g.id = m.goal_id JOIN plans p ON p.id = g.plan_id WHERE x.organisation_id IN ` + orgs,
		`SELECT p.programme_id FROM funding_sources x JOIN plans p ON p.id = x.plan_id WHERE x.organisation_id IN ` + orgs,
		`SELECT p.programme_id FROM plan_anchoring x JOIN plans p ON p.id = x.plan_id WHERE x.organisation_id IN ` + orgs,
		`SELECT p.programme_id FROM plan_approvals x JOIN plans p ON p.id = x.plan_id WHERE x.organisation_id IN ` + orgs,
		`SELECT p.programme_id FROM communication_responsible x JOIN communication_activities a ON a.id = x.activity_id
			JOIN plans p ON p.id = a.plan_id WHERE x.organisation_id IN ` + orgs,
	}
	var args []any
	for range arms {
		for _, o := range organisations {
			args = append(args, o)
		}
	}
	var out []string
	err := s.read(ctx, func(r *reader) error {
		return r.each(`SELECT key FROM programmes WHERE id IN (`+strings.Join(arms, " UNION ")+`)`, args,
			func(rows *sql.Rows) error {
				var key string
				err := rows.Scan(&key)
				out = append(out, key)
				return err
			})
	})
	if err != nil {
		return nil, fmt.Errorf("programmes naming %s: %w", strings.Join(organisations, ", "), err)
	}
	slices.Sort(out)
	return out, nil
}
