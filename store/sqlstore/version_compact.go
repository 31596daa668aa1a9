package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
)

// CompactVersions gives every earlier version of a plan that still has
// its content in the tables (a database made before migration 00029) its
// stored form, and drops its rows: what every save now does for the
// version it follows. Each plan is compacted in a transaction of its own,
// from its newest earlier version back; a database with nothing to do
// costs one query.
func (s *Store) CompactVersions(ctx context.Context) error {
	type plan struct {
		programme   string
		programmeID int64
		year        int
	}
	var todo []plan
	err := s.read(ctx, func(r *reader) error {
		return r.each(`
			SELECT DISTINCT pr.key, p.programme_id, p.year FROM plans p JOIN programmes pr ON pr.id = p.programme_id
			WHERE p.stored_kind = ''
			AND p.version < (SELECT max(q.version) FROM plans q WHERE q.programme_id = p.programme_id AND q.year = p.year)
			ORDER BY pr.key, p.year`, nil, func(rows *sql.Rows) error {
			var p plan
			err := rows.Scan(&p.programme, &p.programmeID, &p.year)
			todo = append(todo, p)
			return err
		})
	})
	if err != nil {
		return fmt.Errorf("find versions to compact: %w", err)
	}
	for _, p := range todo {
		err := s.write(ctx, func(w *writer) error { return w.compactPlan(p.programmeID, p.year) })
		if err != nil {
			return fmt.Errorf("compact the versions of plan %s %d: %w", p.programme, p.year, err)
		}
	}
	return nil
}

// compactPlan compacts one plan's earlier versions, newest first, so that
// each is compared with the version after it as that version was saved.
func (w *writer) compactPlan(programmeID int64, year int) error {
	r := w.reader()
	var rows []planRow
	err := r.each(`SELECT `+planColumns+` FROM `+planFrom+`
		WHERE p.programme_id = ? AND p.year = ? ORDER BY p.version DESC`, []any{programmeID, year},
		func(sc *sql.Rows) error {
			row, err := scanPlanRow(sc)
			rows = append(rows, row)
			return err
		})
	if err != nil {
		return err
	}
	next, err := r.loadVersion(rows[0])
	if err != nil {
		return fmt.Errorf("version %d: %w", rows[0].version.Version, err)
	}
	for _, row := range rows[1:] {
		f, err := r.loadVersion(row)
		if err != nil {
			return fmt.Errorf("version %d: %w", row.version.Version, err)
		}
		if row.form == formRows {
			deltas, narrow := measureChanges(f, next)
			kind, form := storedForm(f, row.version.Version, deltas, narrow)
			if err := w.exec(`UPDATE plans SET stored_kind = ?, stored = ? WHERE id = ?`, kind, form, row.id); err != nil {
				return err
			}
			sv := newSaver(w, f)
			if err := sv.dropRows(row.id); err != nil {
				return fmt.Errorf("version %d: %w", row.version.Version, err)
			}
		}
		next = f
	}
	return nil
}
