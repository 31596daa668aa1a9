package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"planverk/plan"
	"planverk/scheme"
	"planverk/store"
)

// schemeColumns are the columns scanSchemeRecord reads, from
// scheme_revisions r joined to schemes s and users u.
const schemeColumns = `r.revision, r.data, r.deleted, r.saved_at, coalesce(r.author_id, 0), coalesce(u.name, ''), r.summary`

const schemeFrom = `scheme_revisions r JOIN schemes s ON s.id = r.scheme_id LEFT JOIN users u ON u.id = r.author_id`

func scanSchemeRecord(sc interface{ Scan(...any) error }) (store.SchemeRecord, error) {
	var rec store.SchemeRecord
	var data []byte
	var at any
	if err := sc.Scan(&rec.Revision, &data, &rec.Deleted, &at, &rec.Author, &rec.AuthorName, &rec.Summary); err != nil {
		return rec, err
	}
	if err := json.Unmarshal(data, &rec.Scheme); err != nil {
		return rec, fmt.Errorf("stored scheme: %w", err)
	}
	var err error
	rec.SavedAt, err = timeOf(at)
	return rec, err
}

// Schemes lists the latest revision of every scheme that is not deleted.
func (s *Store) Schemes(ctx context.Context) ([]store.SchemeRecord, error) {
	var out []store.SchemeRecord
	err := s.read(ctx, func(r *reader) error {
		return r.each(`SELECT `+schemeColumns+` FROM `+schemeFrom+`
			WHERE r.revision = (SELECT max(q.revision) FROM scheme_revisions q WHERE q.scheme_id = r.scheme_id)
			AND NOT r.deleted`, nil,
			func(rows *sql.Rows) error {
				rec, err := scanSchemeRecord(rows)
				out = append(out, rec)
				return err
			})
	})
	if err != nil {
		return nil, fmt.Errorf("list schemes: %w", err)
	}
	return out, nil
}

// SchemeRevisions lists every revision of one scheme, newest first.
func (s *Store) SchemeRevisions(ctx context.Context, id string) ([]store.SchemeRecord, error) {
	var out []store.SchemeRecord
	err := s.read(ctx, func(r *reader) error {
		return r.each(`SELECT `+schemeColumns+` FROM `+schemeFrom+` WHERE s.key = ? ORDER BY r.revision DESC`,
			[]any{id}, func(rows *sql.Rows) error {
				rec, err := scanSchemeRecord(rows)
				out = append(out, rec)
				return err
			})
	})
	if err != nil {
		return nil, fmt.Errorf("revisions of scheme %s: %w", id, err)
	}
	if len(out) == 0 {
		return nil, plan.Errorf(plan.ENotFound, "no scheme %q", id)
	}
	return out, nil
}

// latestScheme reads a scheme's row and latest revision; ok is false where
// no scheme has the id.
func (r *reader) latestScheme(id string) (row int64, rec store.SchemeRecord, ok bool, err error) {
	err = r.row(`SELECT id FROM schemes WHERE key = ?`, id).Scan(&row)
	if err == sql.ErrNoRows {
		return 0, rec, false, nil
	}
	if err != nil {
		return 0, rec, false, err
	}
	rec, err = scanSchemeRecord(r.row(`SELECT `+schemeColumns+` FROM `+schemeFrom+`
		WHERE r.scheme_id = ? ORDER BY r.revision DESC LIMIT 1`, row))
	return row, rec, err == nil, err
}

// schemeSubmitted returns the revision a submission made, if any.
func (r *reader) schemeSubmitted(submission string) (store.SchemeRecord, bool, error) {
	rec, ok, err := found(scanSchemeRecord(r.row(`SELECT `+schemeColumns+` FROM `+schemeFrom+` WHERE r.submission = ?`, submission)))
	rec.Repeated = ok
	return rec, ok, err
}

// EditScheme changes or makes a scheme (see store.Catalogue).
func (s *Store) EditScheme(ctx context.Context, id string, e store.Edit, change func(*scheme.Scheme, bool) error) (store.SchemeRecord, error) {
	var out store.SchemeRecord
	err := s.write(ctx, func(w *writer) error {
		r := w.reader()
		if e.Submission != "" {
			seen, ok, err := r.schemeSubmitted(e.Submission)
			if err != nil || ok {
				out = seen
				return err
			}
		}
		row, cur, exists, err := r.latestScheme(id)
		if err != nil {
			return err
		}
		var next scheme.Scheme
		if exists {
			// change must not reach the record it is compared with.
			if next, err = deepCopy(cur.Scheme); err != nil {
				return err
			}
		} else {
			next.ID = id
		}
		if err := change(&next, exists && !cur.Deleted); err != nil {
			return err
		}
		if next.ID != id {
			return plan.Errorf(plan.EInvalid, "an edit of scheme %s cannot change its id to %s", id, next.ID)
		}
		if exists && !cur.Deleted && store.SameScheme(cur.Scheme, next) {
			out = cur
			return nil
		}
		out, err = w.saveSchemeRevision(row, id, cur.Revision+1, next, false, e)
		return err
	})
	if err != nil {
		var pe *plan.Error
		if errors.As(err, &pe) {
			return store.SchemeRecord{}, err
		}
		return store.SchemeRecord{}, fmt.Errorf("edit scheme %s: %w", id, err)
	}
	return out, nil
}

// DeleteScheme takes a scheme out of the catalogue, keeping its content.
func (s *Store) DeleteScheme(ctx context.Context, id string, e store.Edit) error {
	return s.markScheme(ctx, id, true, e)
}

// RestoreScheme puts a deleted scheme back as it was.
func (s *Store) RestoreScheme(ctx context.Context, id string, e store.Edit) error {
	return s.markScheme(ctx, id, false, e)
}

func (s *Store) markScheme(ctx context.Context, id string, deleted bool, e store.Edit) error {
	err := s.write(ctx, func(w *writer) error {
		row, cur, exists, err := w.reader().latestScheme(id)
		if err != nil {
			return err
		}
		if !exists {
			return plan.Errorf(plan.ENotFound, "no scheme %q", id)
		}
		if cur.Deleted == deleted {
			return nil // already so: a second click changes nothing
		}
		_, err = w.saveSchemeRevision(row, id, cur.Revision+1, cur.Scheme, deleted, e)
		return err
	})
	if err != nil {
		var pe *plan.Error
		if errors.As(err, &pe) {
			return err
		}
		return fmt.Errorf("delete or restore scheme %s: %w", id, err)
	}
	return nil
}

// saveSchemeRevision inserts a revision, and the scheme's row where it has
// none (row 0).
func (w *writer) saveSchemeRevision(row int64, id string, revision int, sc scheme.Scheme, deleted bool, e store.Edit) (store.SchemeRecord, error) {
	var err error
	if row == 0 {
		if row, err = w.insert(`INSERT INTO schemes (key) VALUES (?)`, id); err != nil {
			return store.SchemeRecord{}, err
		}
	}
	data, err := json.Marshal(sc)
	if err != nil {
		return store.SchemeRecord{}, err
	}
	rec := store.SchemeRecord{Scheme: sc, Revision: revision, Deleted: deleted,
		SavedAt: time.Now().UTC().Truncate(time.Microsecond), Author: e.Author, Summary: e.Summary}
	if err := w.exec(`
		INSERT INTO scheme_revisions (scheme_id, revision, data, deleted, saved_at, author_id, summary, submission)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		row, revision, string(data), deleted, rec.SavedAt.Format(savedAtFormat), nullID(e.Author), e.Summary, nullString(e.Submission)); err != nil {
		return rec, err
	}
	rec.AuthorName, err = w.reader().authorName(e.Author)
	return rec, err
}

// CatalogueVersion changes with every revision of a scheme or the glossary.
func (s *Store) CatalogueVersion(ctx context.Context) (int64, error) {
	var v int64
	err := s.read(ctx, func(r *reader) error {
		var err error
		v, err = r.catalogueVersion()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("catalogue version: %w", err)
	}
	return v, nil
}

// catalogueVersion counts the catalogue's revisions: they are only ever
// added, so the count grows with every change and never comes back to an
// earlier value.
func (r *reader) catalogueVersion() (int64, error) {
	var v int64
	err := r.row(`SELECT (SELECT count(*) FROM scheme_revisions) + (SELECT count(*) FROM glossary_revisions)`).Scan(&v)
	return v, err
}
