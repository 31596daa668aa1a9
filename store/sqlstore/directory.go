package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"strings"

	"planverk/cycle"
	"planverk/plan"
	"planverk/store"
)

// ProgrammeDirectory returns one page of the programmes a person may see
// (see store.Store). It reads in five queries whatever the number of
// programmes: the count and the page of the programmes' own rows, filtered
// and ordered by the database (by the stored collation key of the name,
// programmes.sort_key), then the municipalities, the drafts and the public
// releases of the page's programmes only.
func (s *Store) ProgrammeDirectory(ctx context.Context, q store.DirectoryQuery) (store.Directory, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = store.DefaultDirectoryLimit
	}
	offset := max(q.Offset, 0)
	var dir store.Directory
	if q.Only != nil && len(q.Only) == 0 {
		return dir, nil
	}
	// Whose drafts the person reads: every programme's, their own, or none.
	drafts := "1 = 0"
	var draftArgs []any
	switch {
	case q.All:
		drafts = "1 = 1"
	case len(q.Members) > 0:
		drafts = "pr.key IN (" + placeholders(len(q.Members)) + ")"
		for _, m := range q.Members {
			draftArgs = append(draftArgs, m)
		}
	}
	where := []string{"(" + drafts + " OR EXISTS (SELECT 1 FROM plan_publications o WHERE o.programme_id = pr.id))"}
	args := append([]any{}, draftArgs...)
	if q.Only != nil {
		keys := slices.Sorted(maps.Keys(q.Only))
		where = append(where, "pr.key IN ("+placeholders(len(keys))+")")
		for _, k := range keys {
			args = append(args, k)
		}
	}
	if len(q.Kinds) > 0 {
		where = append(where, "pr.kind IN ("+placeholders(len(q.Kinds))+")")
		for _, k := range q.Kinds {
			args = append(args, string(k))
		}
	}
	cond := strings.Join(where, " AND ")
	err := s.read(ctx, func(r *reader) error {
		type row struct {
			id     int64
			p      plan.Programme
			drafts bool
		}
		if err := r.row(`SELECT count(*) FROM programmes pr WHERE `+cond, args...).Scan(&dir.Total); err != nil {
			return fmt.Errorf("count programmes: %w", err)
		}
		if offset >= dir.Total {
			return nil
		}
		var page []row
		err := r.each(`
			SELECT pr.id, pr.key, pr.kind, pr.name, pr.short_name, pr.period_from, pr.period_to, pr.period_note,
				CASE WHEN `+drafts+` THEN 1 ELSE 0 END
			FROM programmes pr WHERE `+cond+`
			ORDER BY pr.sort_key, pr.key LIMIT ? OFFSET ?`, append(append(append([]any{}, draftArgs...), args...), limit, offset),
			func(rows *sql.Rows) error {
				var x row
				var d int
				err := rows.Scan(&x.id, &x.p.ID, &x.p.Kind, &x.p.Name, &x.p.ShortName,
					&x.p.Period.From, &x.p.Period.To, &x.p.Period.Note, &d)
				x.drafts = d == 1
				page = append(page, x)
				return err
			})
		if err != nil {
			return fmt.Errorf("programmes: %w", err)
		}
		if len(page) == 0 {
			return nil
		}
		at := map[int64]int{}
		var draftIDs, publicIDs []any
		for i, x := range page {
			at[x.id] = i
			dir.Entries = append(dir.Entries, store.DirectoryEntry{Programme: x.p})
			if x.drafts {
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
