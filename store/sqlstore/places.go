package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"planverk/store"
)

// ProgrammePlaces reads the municipality and county numbers of every
// programme's municipalities and parties (see store.Store), in one query
// over the two small link tables.
func (s *Store) ProgrammePlaces(ctx context.Context) (store.ProgrammePlaces, error) {
	out := store.ProgrammePlaces{}
	err := s.read(ctx, func(r *reader) error {
		return r.each(`
			SELECT pr.key, o.municipality_number FROM programme_municipalities x
			JOIN programmes pr ON pr.id = x.programme_id JOIN organisations o ON o.id = x.organisation_id
			WHERE o.municipality_number <> ''
			UNION
			SELECT pr.key, o.municipality_number FROM programme_parties x
			JOIN programmes pr ON pr.id = x.programme_id JOIN organisations o ON o.id = x.organisation_id
			WHERE o.municipality_number <> ''
			ORDER BY 1, 2`, nil, func(rows *sql.Rows) error {
			var key, number string
			if err := rows.Scan(&key, &number); err != nil {
				return err
			}
			out[key] = append(out[key], number)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("places of programmes: %w", err)
	}
	return out, nil
}
