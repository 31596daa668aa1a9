package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"golang.org/x/text/collate"

	"planverk/plan"
	"planverk/store"
)

// sortKey is the collation key of a name (see order.go): keys compare as
// bytes in the order sortByName puts the names, so the database can order
// and page a list by them on either engine.
func sortKey(name string) []byte {
	collatorMu.Lock()
	defer collatorMu.Unlock()
	var buf collate.Buffer
	return append([]byte{}, collator.KeyFromString(&buf, name)...)
}

// indexUses rewrites the index of the uses of organisations (00027) for
// the programme and the plan version just saved: the programme's own uses
// (year 0, where withProgramme is set) and those of the plan's year, as
// plan.File.Uses finds them. A save runs it in its own transaction, so
// the index never lags a plan.
func (s *saver) indexUses(programmeID, planID int64, withProgramme bool) error {
	year := s.f.Plan.Year
	if err := s.exec(`DELETE FROM organisation_uses WHERE programme_id = ? AND year = ?`, programmeID, year); err != nil {
		return err
	}
	if err := s.exec(`DELETE FROM organisation_use_plans WHERE programme_id = ? AND year = ?`, programmeID, year); err != nil {
		return err
	}
	if withProgramme {
		if err := s.exec(`DELETE FROM organisation_uses WHERE programme_id = ? AND year = 0`, programmeID); err != nil {
			return err
		}
	}
	var rows [][]any
	pos := map[bool]int{}
	for _, u := range s.f.Uses() {
		y := year
		if u.Programme {
			if !withProgramme {
				continue
			}
			y = 0
		}
		rows = append(rows, []any{programmeID, y, pos[u.Programme], u.Org, string(u.Kind), string(u.Role),
			u.Goal, u.Measure, u.MeasureID, u.Detail})
		pos[u.Programme]++
	}
	// Rows go in batches of fixed sizes, so that the statements stay few
	// and are prepared once.
	for len(rows) > 0 {
		n := 32
		for n > len(rows) {
			n /= 2
		}
		var args []any
		for _, r := range rows[:n] {
			args = append(args, r...)
		}
		values := strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?), ", n), ", ")
		if err := s.exec(`INSERT INTO organisation_uses (programme_id, year, position, organisation_key, kind, role,
			goal, measure, measure_key, detail) VALUES `+values, args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return s.exec(`INSERT INTO organisation_use_plans (programme_id, year, plan_id) VALUES (?, ?, ?)`,
		programmeID, year, planID)
}

// BackfillIndexes fills what a database made before migration 00027 lacks:
// the sort keys of its programmes' names, and the uses of organisations in
// the latest version of every plan whose index is missing or older. Each
// plan is indexed in a transaction of its own, from its latest version as
// it is then; a database whose index is complete costs two queries.
func (s *Store) BackfillIndexes(ctx context.Context) error {
	type unsorted struct {
		id   int64
		name string
	}
	var names []unsorted
	type unindexed struct {
		programme string
		year      int
	}
	var todo []unindexed
	err := s.read(ctx, func(r *reader) error {
		err := r.each(`SELECT id, name FROM programmes WHERE sort_key IS NULL`, nil, func(rows *sql.Rows) error {
			var u unsorted
			err := rows.Scan(&u.id, &u.name)
			names = append(names, u)
			return err
		})
		if err != nil {
			return err
		}
		return r.each(`
			SELECT pr.key, p.year FROM plans p JOIN programmes pr ON pr.id = p.programme_id
			WHERE p.version = (SELECT max(q.version) FROM plans q WHERE q.programme_id = p.programme_id AND q.year = p.year)
			AND NOT EXISTS (SELECT 1 FROM organisation_use_plans i
				WHERE i.programme_id = p.programme_id AND i.year = p.year AND i.plan_id = p.id)
			ORDER BY pr.key, p.year`, nil, func(rows *sql.Rows) error {
			var u unindexed
			err := rows.Scan(&u.programme, &u.year)
			todo = append(todo, u)
			return err
		})
	})
	if err != nil {
		return fmt.Errorf("find what the indexes lack: %w", err)
	}
	if len(names) > 0 {
		err := s.write(ctx, func(w *writer) error {
			for _, u := range names {
				if err := w.exec(`UPDATE programmes SET sort_key = ? WHERE id = ?`, sortKey(u.name), u.id); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("sort keys of programmes: %w", err)
		}
	}
	for _, u := range todo {
		err := s.write(ctx, func(w *writer) error {
			f, row, err := w.reader().latest(u.programme, u.year)
			if err != nil {
				return err
			}
			var latest int
			if err := w.reader().row(`SELECT max(year) FROM plans WHERE programme_id = ?`, row.programmeID).Scan(&latest); err != nil {
				return err
			}
			// The programme's own uses come from its latest year's file,
			// as a save leaves them.
			return newSaver(w, f).indexUses(row.programmeID, row.id, u.year == latest)
		})
		if err != nil {
			return fmt.Errorf("index the uses of organisations in %s %d: %w", u.programme, u.year, err)
		}
	}
	return nil
}

// OrganisationUses returns one page of the uses of organisations (see
// store.Store) from the index, in two queries whatever the number of
// programmes: the page, and its total.
func (s *Store) OrganisationUses(ctx context.Context, q store.OrganisationUsesQuery) (store.OrganisationUses, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = store.DefaultOrganisationUsesLimit
	}
	offset := max(q.Offset, 0)
	var out store.OrganisationUses
	if len(q.Organisations) == 0 {
		return out, nil
	}
	orgs := placeholders(len(q.Organisations))
	var orgArgs []any
	for _, o := range q.Organisations {
		orgArgs = append(orgArgs, o)
	}
	// Which year a programme is read in: its latest for a member, else its
	// latest open to everyone (none, and so no use, where it has none).
	member := "1 = 0"
	var memberArgs []any
	switch {
	case q.All:
		member = "1 = 1"
	case len(q.Members) > 0:
		member = "pr.key IN (" + placeholders(len(q.Members)) + ")"
		for _, m := range q.Members {
			memberArgs = append(memberArgs, m)
		}
	}
	// A programme whose municipalities hold the organisation and one of
	// its groups is one use, as it is one programme: the first of them.
	// hits are the uses on every page, narrow enough to count and sort
	// cheaply; only the page's are then joined to what the page shows.
	with := `
		WITH seen AS MATERIALIZED (
			SELECT pr.id, pr.key, pr.sort_key,
				CASE WHEN ` + member + `
					THEN (SELECT max(q.year) FROM plans q WHERE q.programme_id = pr.id)
					ELSE (SELECT max(o.year) FROM plan_publications o WHERE o.programme_id = pr.id) END AS year
			FROM programmes pr
			WHERE pr.id IN (SELECT x.programme_id FROM organisation_uses x WHERE x.organisation_key IN (` + orgs + `))
		), hits AS (
			SELECT s.id, s.key, s.sort_key, s.year AS plan_year, u.year AS use_year, u.position AS use_position
			FROM seen s JOIN organisation_uses u ON u.programme_id = s.id AND u.year IN (0, s.year)
			WHERE s.year IS NOT NULL AND u.organisation_key IN (` + orgs + `)
			AND NOT (u.kind = 'municipality' AND EXISTS (SELECT 1 FROM organisation_uses e
				WHERE e.programme_id = u.programme_id AND e.year = 0 AND e.kind = 'municipality'
				AND e.position < u.position AND e.organisation_key IN (` + orgs + `)))
		)`
	args := append(append(append(append([]any{}, memberArgs...), orgArgs...), orgArgs...), orgArgs...)
	err := s.read(ctx, func(r *reader) error {
		if err := r.row(with+` SELECT count(*) FROM hits`, args...).Scan(&out.Total); err != nil {
			return fmt.Errorf("count: %w", err)
		}
		if offset >= out.Total {
			return nil
		}
		return r.each(with+`, page AS (
				SELECT * FROM hits ORDER BY sort_key, key, use_year, use_position LIMIT ? OFFSET ?
			)
			SELECT pr.key, pr.name, pr.short_name, g.plan_year, p.title, p.language,
				u.year = 0, u.organisation_key, u.kind, u.role, u.goal, u.measure, u.measure_key, u.detail
			FROM page g
			JOIN organisation_uses u ON u.programme_id = g.id AND u.year = g.use_year AND u.position = g.use_position
			JOIN programmes pr ON pr.id = g.id
			JOIN organisation_use_plans ip ON ip.programme_id = g.id AND ip.year = g.plan_year
			JOIN plans p ON p.id = ip.plan_id
			ORDER BY g.sort_key, g.key, g.use_year, g.use_position`, append(args, limit, offset),
			func(rows *sql.Rows) error {
				var u store.OrganisationUse
				if err := rows.Scan(&u.ProgrammeID, &u.ProgrammeName, &u.ProgrammeShortName, &u.Year, &u.PlanTitle,
					&u.Language, &u.Programme, &u.Org, &u.Kind, &u.Role, &u.Goal, &u.Measure, &u.MeasureID, &u.Detail); err != nil {
					return err
				}
				out.Uses = append(out.Uses, u)
				return nil
			})
	})
	if err != nil {
		return store.OrganisationUses{}, fmt.Errorf("uses of %s: %w", strings.Join(q.Organisations, ", "), err)
	}
	return out, nil
}

// ClearIndexes empties what migration 00027 keeps on write, the uses of
// organisations and the programmes' sort keys, leaving the database as
// one made before it: for the tests of BackfillIndexes, which fills them
// again at the next open.
func (s *Store) ClearIndexes(ctx context.Context) error {
	return s.write(ctx, func(w *writer) error {
		for _, q := range []string{`DELETE FROM organisation_uses`, `DELETE FROM organisation_use_plans`,
			`UPDATE programmes SET sort_key = NULL`} {
			if err := w.exec(q); err != nil {
				return fmt.Errorf("clear indexes: %w", err)
			}
		}
		return nil
	})
}

// OrganisationRelations returns the groups an organisation belongs to, by
// name, and its own members, in its order (see store.Store): what its page
// shows beside its uses, without reading every organisation.
func (s *Store) OrganisationRelations(ctx context.Context, id string) (groups, members []plan.Organisation, err error) {
	err = s.read(ctx, func(r *reader) error {
		var err error
		groups, err = r.loadOrganisations(`SELECT `+organisationColumns+` FROM organisations o
			WHERE o.id IN (SELECT m.organisation_id FROM organisation_members m
				JOIN organisations x ON x.id = m.member_id WHERE x.key = ?)`, id)
		if err != nil {
			return err
		}
		members, err = r.loadOrganisations(`SELECT `+organisationColumns+` FROM organisations o
			JOIN organisation_members m ON m.member_id = o.id
			JOIN organisations x ON x.id = m.organisation_id
			WHERE x.key = ? ORDER BY m.position`, id)
		return err
	})
	if err != nil {
		return nil, nil, fmt.Errorf("groups and members of %s: %w", id, err)
	}
	sortByName(groups, func(o plan.Organisation) string { return o.Name }, func(o plan.Organisation) string { return o.ID })
	return groups, members, nil
}
