package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"planverk/store"
)

// PlansOf lists, as Plans does, the latest version of each plan of each of
// the programmes, newest year first, in one query (see store.Store).
func (s *Store) PlansOf(ctx context.Context, programmeIDs []string) (map[string][]store.PlanVersion, error) {
	out := map[string][]store.PlanVersion{}
	if len(programmeIDs) == 0 {
		return out, nil
	}
	args := make([]any, len(programmeIDs))
	for i, id := range programmeIDs {
		args[i] = id
	}
	err := s.read(ctx, func(r *reader) error {
		return r.each(`
			SELECT `+planColumns+` FROM `+planFrom+`
			WHERE pr.key IN (`+placeholders(len(args))+`) AND p.version = (
				SELECT max(version) FROM plans q WHERE q.programme_id = p.programme_id AND q.year = p.year)
			ORDER BY p.programme_id, p.year DESC`, args,
			func(rows *sql.Rows) error {
				row, err := scanPlanRow(rows)
				if err != nil {
					return err
				}
				out[row.version.ProgrammeID] = append(out[row.version.ProgrammeID], row.version)
				return nil
			})
	})
	if err != nil {
		return nil, fmt.Errorf("list plans of %d programmes: %w", len(programmeIDs), err)
	}
	return out, nil
}
