package sqlstore

import (
	"context"
	"errors"
	"fmt"
	"time"

	"planverk/cycle"
	"planverk/plan"
)

// SetPublished opens a plan's releases to everyone, or closes them again;
// a plan that has none is released first, as its status says. Publishing
// a published plan keeps the time it was first published.
func (s *Store) SetPublished(ctx context.Context, programmeID string, year int, published bool, by int64) error {
	err := s.write(ctx, func(w *writer) error {
		id, err := w.reader().planExists(programmeID, year)
		if err != nil {
			return err
		}
		if !published {
			return w.exec(`DELETE FROM plan_publications WHERE programme_id = ? AND year = ?`, id, year)
		}
		// The public reads releases only: a plan never released is
		// released as its status says.
		draft, _, err := w.reader().latest(programmeID, year)
		if err != nil {
			return err
		}
		if _, _, err := w.releaseImported(programmeID, year, cycle.KindOfStatus(draft.Plan.Status)); err != nil {
			return err
		}
		return w.exec(`
			INSERT INTO plan_publications (programme_id, year, published_at, published_by) VALUES (?, ?, ?, ?)
			ON CONFLICT (programme_id, year) DO NOTHING`,
			id, year, time.Now().UTC().Format(savedAtFormat), nullID(by))
	})
	if err != nil {
		var pe *plan.Error
		if errors.As(err, &pe) {
			return err
		}
		return fmt.Errorf("publish plan %s %d: %w", programmeID, year, err)
	}
	return nil
}
