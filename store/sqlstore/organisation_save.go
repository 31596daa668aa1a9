package sqlstore

import (
	"context"
	"errors"
	"fmt"

	"planverk/plan"
)

// SaveOrganisation adds an organisation, or updates the one stored under
// the same id, outside any plan: an organisation is a record of its own,
// and one that no plan names yet must still be possible to add and correct.
// Its members are replaced by o.Members, each of which must be stored
// already; an unknown member is plan.EInvalid.
func (s *Store) SaveOrganisation(ctx context.Context, o plan.Organisation) error {
	return s.putOrganisation(ctx, o, false)
}

// CreateOrganisation adds an organisation whose id no organisation has; a
// taken id is plan.EConflict. The check and the insert are one
// transaction, so of two copies of planverk creating the same id at once,
// one creates it and the other is told it is taken.
func (s *Store) CreateOrganisation(ctx context.Context, o plan.Organisation) error {
	return s.putOrganisation(ctx, o, true)
}

func (s *Store) putOrganisation(ctx context.Context, o plan.Organisation, create bool) error {
	if o.ID == "" {
		return plan.Errorf(plan.EInvalid, "an organisation needs an id")
	}
	err := s.write(ctx, func(w *writer) error {
		if create {
			taken, err := w.exists(`SELECT 1 FROM organisations WHERE key = ?`, o.ID)
			if err != nil {
				return err
			}
			if taken {
				return plan.Errorf(plan.EConflict, "there is already an organisation with the id %s", o.ID)
			}
		}
		id, _, err := w.queryID(`
			INSERT INTO organisations (key, name, kind, number, municipality_number, website)
			VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (key) DO UPDATE SET
				name = excluded.name, kind = excluded.kind, number = excluded.number,
				municipality_number = excluded.municipality_number, website = excluded.website
			RETURNING id`,
			o.ID, o.Name, string(o.Kind), o.Number, o.MunicipalityNumber, o.Website)
		if err != nil {
			return err
		}
		// Members are looked up before any is written, so that an unknown
		// one leaves the record as it was (the transaction rolls back).
		members := make([]int64, len(o.Members))
		for i, m := range o.Members {
			mid, ok, err := w.queryID(`SELECT id FROM organisations WHERE key = ?`, m)
			if err != nil {
				return err
			}
			if !ok {
				return plan.Errorf(plan.EInvalid, "organisation %q names the member %q, which is not stored", o.ID, m)
			}
			members[i] = mid
		}
		if err := w.exec(`DELETE FROM organisation_members WHERE organisation_id = ?`, id); err != nil {
			return err
		}
		for i, mid := range members {
			if err := w.exec(`INSERT INTO organisation_members (organisation_id, position, member_id) VALUES (?, ?, ?)`,
				id, i, mid); err != nil {
				return err
			}
		}
		return nil
	})
	var pe *plan.Error
	if err != nil && !errors.As(err, &pe) {
		return fmt.Errorf("save organisation %s: %w", o.ID, err)
	}
	return err
}
