package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"time"

	"planverk/plan"
	"planverk/scheme"
	"planverk/store"
)

// Glossary returns the latest revision of the glossary.
func (s *Store) Glossary(ctx context.Context) (store.GlossaryRecord, error) {
	var out store.GlossaryRecord
	err := s.read(ctx, func(r *reader) error {
		var err error
		out, err = r.latestGlossary()
		return err
	})
	if err != nil {
		return store.GlossaryRecord{}, fmt.Errorf("glossary: %w", err)
	}
	return out, nil
}

// glossaryColumns are the columns scanGlossaryRecord reads, from
// glossary_revisions g joined to users u.
const glossaryColumns = `g.revision, g.data, g.saved_at, coalesce(g.author_id, 0), coalesce(u.name, ''), g.summary`

const glossaryFrom = `glossary_revisions g LEFT JOIN users u ON u.id = g.author_id`

func scanGlossaryRecord(sc interface{ Scan(...any) error }) (store.GlossaryRecord, error) {
	var rec store.GlossaryRecord
	var data []byte
	var at any
	if err := sc.Scan(&rec.Revision, &data, &at, &rec.Author, &rec.AuthorName, &rec.Summary); err != nil {
		return rec, err
	}
	if err := json.Unmarshal(data, &rec.Terms); err != nil {
		return rec, fmt.Errorf("stored glossary revision %d: %w", rec.Revision, err)
	}
	var err error
	rec.SavedAt, err = timeOf(at)
	return rec, err
}

// GlossaryRevisions lists every revision of the glossary, newest first.
func (s *Store) GlossaryRevisions(ctx context.Context) ([]store.GlossaryRecord, error) {
	var out []store.GlossaryRecord
	err := s.read(ctx, func(r *reader) error {
		return r.each(`SELECT `+glossaryColumns+` FROM `+glossaryFrom+` ORDER BY g.revision DESC`, nil,
			func(rows *sql.Rows) error {
				rec, err := scanGlossaryRecord(rows)
				out = append(out, rec)
				return err
			})
	})
	if err != nil {
		return nil, fmt.Errorf("revisions of the glossary: %w", err)
	}
	return out, nil
}

// latestGlossary reads the glossary's latest revision; the zero record
// (revision 0, no terms) where it has none.
func (r *reader) latestGlossary() (store.GlossaryRecord, error) {
	rec, err := scanGlossaryRecord(r.row(`SELECT ` + glossaryColumns + ` FROM ` + glossaryFrom + ` ORDER BY g.revision DESC LIMIT 1`))
	if err == sql.ErrNoRows {
		return store.GlossaryRecord{}, nil
	}
	return rec, err
}

// glossarySubmitted returns the revision a submission made, if any.
func (r *reader) glossarySubmitted(submission string) (store.GlossaryRecord, bool, error) {
	rec, ok, err := found(scanGlossaryRecord(r.row(`SELECT `+glossaryColumns+` FROM `+glossaryFrom+` WHERE g.submission = ?`, submission)))
	rec.Repeated = ok
	return rec, ok, err
}

// EditGlossary changes the glossary and saves it as its next revision (see
// store.Catalogue).
func (s *Store) EditGlossary(ctx context.Context, e store.Edit, change func(*[]scheme.Term) error) (store.GlossaryRecord, error) {
	var out store.GlossaryRecord
	err := s.write(ctx, func(w *writer) error {
		r := w.reader()
		if e.Submission != "" {
			seen, ok, err := r.glossarySubmitted(e.Submission)
			if err != nil || ok {
				out = seen
				return err
			}
		}
		cur, err := r.latestGlossary()
		if err != nil {
			return err
		}
		// change must not reach the terms it is compared with.
		next, err := deepCopy(cur.Terms)
		if err != nil {
			return err
		}
		if err := change(&next); err != nil {
			return err
		}
		if reflect.DeepEqual(scheme.Plain(cur.Terms), scheme.Plain(next)) {
			out = cur
			return nil
		}
		out, err = w.saveGlossaryRevision(cur.Revision+1, next, e)
		return err
	})
	if err != nil {
		var pe *plan.Error
		if errors.As(err, &pe) {
			return store.GlossaryRecord{}, err
		}
		return store.GlossaryRecord{}, fmt.Errorf("edit glossary: %w", err)
	}
	return out, nil
}

// saveGlossaryRevision inserts a revision of the glossary.
func (w *writer) saveGlossaryRevision(revision int, terms []scheme.Term, e store.Edit) (store.GlossaryRecord, error) {
	data, err := json.Marshal(terms)
	if err != nil {
		return store.GlossaryRecord{}, err
	}
	rec := store.GlossaryRecord{Terms: terms, Revision: revision,
		SavedAt: time.Now().UTC().Truncate(time.Microsecond), Author: e.Author, Summary: e.Summary}
	if err := w.exec(`
		INSERT INTO glossary_revisions (revision, data, saved_at, author_id, summary, submission)
		VALUES (?, ?, ?, ?, ?, ?)`,
		revision, string(data), rec.SavedAt.Format(savedAtFormat), nullID(e.Author), e.Summary, nullString(e.Submission)); err != nil {
		return rec, err
	}
	rec.AuthorName, err = w.reader().authorName(e.Author)
	return rec, err
}
