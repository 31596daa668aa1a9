package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"planverk/cycle"
	"planverk/plan"
	"planverk/store"
)

// ProgrammeDirectory returns one page of the programmes a person may see
// (see store.Store). It reads in four queries whatever the number of
// programmes: the programmes' own rows, small enough to sort and filter
// in full with the collation every list uses, then the municipalities,
// the drafts and the public releases of the page's programmes only.
func (s *Store) ProgrammeDirectory(ctx context.Context, q store.DirectoryQuery) (store.Directory, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = store.DefaultDirectoryLimit
	}
	offset := max(q.Offset, 0)
	var dir store.Directory
	err := s.read(ctx, func(r *reader) error {
		type row struct {
			id        int64
			p         plan.Programme
			published bool
		}
		var all []row
		err := r.each(`
			SELECT pr.id, pr.key, pr.kind, pr.name, pr.short_name, pr.period_from, pr.period_to, pr.period_note,
				EXISTS (SELECT 1 FROM plan_publications o WHERE o.programme_id = pr.id)
			FROM programmes pr`, nil,
			func(rows *sql.Rows) error {
				var x row
				err := rows.Scan(&x.id, &x.p.ID, &x.p.Kind, &x.p.Name, &x.p.ShortName,
					&x.p.Period.From, &x.p.Period.To, &x.p.Period.Note, &x.published)
				all = append(all, x)
				return err
			})
		if err != nil {
			return fmt.Errorf("programmes: %w", err)
		}
		drafts := func(x row) bool { return q.All || slices.Contains(q.Members, x.p.ID) }
		seen := all[:0]
		for _, x := range all {
			if q.Only != nil && !q.Only[x.p.ID] || len(q.Kinds) > 0 && !slices.Contains(q.Kinds, x.p.Kind) {
				continue
			}
			if drafts(x) || x.published {
				seen = append(seen, x)
			}
		}
		sortByName(seen, func(x row) string { return x.p.Name }, func(x row) string { return x.p.ID })
		dir.Total = len(seen)
		page := seen[min(offset, len(seen)):min(offset+limit, len(seen))]
		if len(page) == 0 {
			return nil
		}
		at := map[int64]int{}
		var draftIDs, publicIDs []any
		for i, x := range page {
			at[x.id] = i
			dir.Entries = append(dir.Entries, store.DirectoryEntry{Programme: x.p})
			if drafts(x) {
				draftIDs = append(draftIDs, x.id)
			} else {
				publicIDs = append(publicIDs, x.id)
			}
		}
		ids := append(append([]any{}, draftIDs...), publicIDs...)
		err = r.each(`
			SELECT pm.programme_id, coalesce(o.key, ''), coalesce(o.name, '')
			FROM programme_municipalities pm LEFT JOIN organisations o ON o.id = pm.organisation_id
			WHERE pm.programme_id IN (`+placeholders(len(ids))+`) ORDER BY pm.programme_id, pm.position`, ids,
			func(rows *sql.Rows) error {
				var id int64
				var key, name string
				if err := rows.Scan(&id, &key, &name); err != nil {
					return err
				}
				e := &dir.Entries[at[id]]
				e.Programme.Municipalities = append(e.Programme.Municipalities, key)
				e.MunicipalityNames = append(e.MunicipalityNames, name)
				return nil
			})
		if err != nil {
			return fmt.Errorf("municipalities: %w", err)
		}
		if len(draftIDs) > 0 {
			err = r.each(`
				SELECT `+planColumns+` FROM `+planFrom+`
				WHERE p.programme_id IN (`+placeholders(len(draftIDs))+`)
				  AND p.year = (SELECT max(q.year) FROM plans q WHERE q.programme_id = p.programme_id)
				  AND p.version = (SELECT max(q.version) FROM plans q WHERE q.programme_id = p.programme_id AND q.year = p.year)`,
				draftIDs, func(rows *sql.Rows) error {
					pr, err := scanPlanRow(rows)
					if err != nil {
						return err
					}
					v := pr.version
					dir.Entries[at[pr.programmeID]].Current = &v
					return nil
				})
			if err != nil {
				return fmt.Errorf("current drafts: %w", err)
			}
		}
		if len(publicIDs) > 0 {
			// The latest year open to everyone, and its latest release:
			// what a visitor reads of the programme.
			err = r.each(`
				SELECT r.programme_id, r.year, `+releaseColumns+` FROM plan_releases r
				LEFT JOIN users u ON u.id = r.released_by
				WHERE r.programme_id IN (`+placeholders(len(publicIDs))+`)
				  AND r.year = (SELECT max(o.year) FROM plan_publications o WHERE o.programme_id = r.programme_id)
				  AND r.number = (SELECT max(q.number) FROM plan_releases q WHERE q.programme_id = r.programme_id AND q.year = r.year)`,
				publicIDs, func(rows *sql.Rows) error {
					var id int64
					var year int
					rel := cycle.Release{}
					var at2 any
					if err := rows.Scan(&id, &year, &rel.Number, &rel.Kind, &rel.Version, &rel.Digest, &at2, &rel.By,
						&rel.ByName, &rel.Note, &rel.Title, &rel.Language); err != nil {
						return err
					}
					var err error
					if rel.At, err = timeOf(at2); err != nil {
						return err
					}
					e := &dir.Entries[at[id]]
					rel.ProgrammeID, rel.Year = e.Programme.ID, year
					e.Current = &store.PlanVersion{ProgrammeID: rel.ProgrammeID, Year: year, Version: rel.Version,
						Title: rel.Title, Status: rel.Kind.Status(), Language: rel.Language, SavedAt: rel.At,
						Published: true, Release: &rel}
					return nil
				})
			if err != nil {
				return fmt.Errorf("current releases: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return store.Directory{}, fmt.Errorf("list programmes: %w", err)
	}
	return dir, nil
}
