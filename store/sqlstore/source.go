package sqlstore

import (
	"database/sql"
	"fmt"

	"planverk/plan"
)

func (s *saver) saveSources(planID int64) error {
	for i, src := range s.f.Plan.Sources {
		if _, dup := s.sources[src.ID]; dup {
			return invalid(s.f, "funding source %q is in the plan twice", src.ID)
		}
		org, err := s.org(src.Org, fmt.Sprintf("plan.sources[%d].org", i))
		if err != nil {
			return err
		}
		id, err := s.insert(`INSERT INTO funding_sources (plan_id, position, key, name, organisation_id, budget_ref) VALUES (?, ?, ?, ?, ?, ?)`,
			planID, i, src.ID, src.Name, org, src.BudgetRef)
		if err != nil {
			return fmt.Errorf("source %s: %w", src.ID, err)
		}
		s.sources[src.ID] = id
	}
	return nil
}

// source returns the row of the funding source an id names, for a foreign
// key; an empty id is NULL.
func (s *saver) source(key, path string) (any, error) {
	if key == "" {
		return nil, nil
	}
	id, ok := s.sources[key]
	if !ok {
		return nil, invalid(s.f, "%s names funding source %q, which the plan does not have", path, key)
	}
	return id, nil
}

func (r *reader) loadSources(planID int64) ([]plan.FundingSource, error) {
	var out []plan.FundingSource
	err := r.each(`
		SELECT s.key, s.name, coalesce(o.key, ''), s.budget_ref
		FROM funding_sources s LEFT JOIN organisations o ON o.id = s.organisation_id
		WHERE s.plan_id = ? ORDER BY s.position`, []any{planID},
		func(rows *sql.Rows) error {
			var src plan.FundingSource
			err := rows.Scan(&src.ID, &src.Name, &src.Org, &src.BudgetRef)
			out = append(out, src)
			return err
		})
	return out, err
}
