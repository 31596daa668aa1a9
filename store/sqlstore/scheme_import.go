package sqlstore

import (
	"context"
	"errors"
	"fmt"

	"planverk/plan"
	"planverk/scheme"
	"planverk/store"
)

// ImportSchemes stores an import in one transaction (see store.Catalogue):
// the version it was previewed against is compared inside it, so no change
// can land between the check and the storing, and an error stores nothing.
func (s *Store) ImportSchemes(ctx context.Context, schemes []scheme.Scheme, e store.Edit, version int64) ([]string, bool, error) {
	var outcomes []string
	var repeated bool
	err := s.write(ctx, func(w *writer) error {
		outcomes, repeated = make([]string, len(schemes)), false
		r := w.reader()
		if e.Submission != "" {
			for i, sc := range schemes {
				rec, ok, err := r.schemeSubmitted(store.ImportSubmission(e.Submission, sc.ID))
				if err != nil {
					return err
				}
				if !ok {
					// Not stored by that import: it was the same already.
					outcomes[i] = store.ImportUnchanged
					continue
				}
				repeated = true
				// New, as the first time said, where the revision before
				// was none or a deletion.
				var wasLive bool
				if rec.Revision > 1 {
					if err := r.row(`SELECT NOT r.deleted FROM `+schemeFrom+` WHERE s.key = ? AND r.revision = ?`,
						sc.ID, rec.Revision-1).Scan(&wasLive); err != nil {
						return err
					}
				}
				outcomes[i] = store.ImportNew
				if wasLive {
					outcomes[i] = store.ImportChanged
				}
			}
			if repeated {
				return nil
			}
		}
		if version >= 0 {
			now, err := r.catalogueVersion()
			if err != nil {
				return err
			}
			if now != version {
				return plan.Errorf(plan.EConflict, "the catalogue has changed since the import was checked (version %d, now %d)", version, now)
			}
		}
		for i, sc := range schemes {
			row, cur, exists, err := r.latestScheme(sc.ID)
			if err != nil {
				return err
			}
			live := exists && !cur.Deleted
			if live && store.SameScheme(cur.Scheme, sc) {
				outcomes[i] = store.ImportUnchanged
				continue
			}
			edit := e
			edit.Submission = store.ImportSubmission(e.Submission, sc.ID)
			if _, err := w.saveSchemeRevision(row, sc.ID, cur.Revision+1, sc, false, edit); err != nil {
				return fmt.Errorf("scheme %s: %w", sc.ID, err)
			}
			outcomes[i] = store.ImportChanged
			if !live {
				outcomes[i] = store.ImportNew
			}
		}
		return nil
	})
	if err != nil {
		var pe *plan.Error
		if errors.As(err, &pe) {
			return nil, false, err
		}
		return nil, false, fmt.Errorf("import %d schemes: %w", len(schemes), err)
	}
	return outcomes, repeated, nil
}
