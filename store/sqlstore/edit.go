package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"planverk/plan"
	"planverk/store"
)

// EditPlan changes the latest version of a plan and saves the result as the
// next version, recording who changed what (see store.Store).
func (s *Store) EditPlan(ctx context.Context, programmeID string, year int, e store.Edit, change func(*plan.File) error) (store.PlanVersion, error) {
	var v store.PlanVersion
	// The version saved, kept in the cache once committed: the next edit
	// and the pages that follow it read it without loading it again.
	var saved *plan.File
	var savedKey versionKey
	err := s.writePlan(ctx, programmeID, year, func(w *writer) error {
		saved = nil
		r := w.reader()
		if e.Submission != "" {
			seen, ok, err := r.submitted(e.Submission)
			if err != nil || ok {
				v = seen
				return err
			}
		}
		before, row, err := r.latestShared(programmeID, year)
		if err != nil {
			return err
		}
		// A deep copy: the plan change alters is then certainly not the
		// one the differences are taken against.
		after := before.Clone()
		if err := change(after); err != nil {
			return err
		}
		// A measure a form or request rebuilt keeps its identity by its
		// place; a new one gets a new identity.
		plan.AssignMeasureIDs(after, before)
		if after.Programme.ID != programmeID || after.Plan.Year != year {
			return plan.Errorf(plan.EInvalid, "an edit of plan %s %d cannot move it to %s %d",
				programmeID, year, after.Programme.ID, after.Plan.Year)
		}
		changes := plan.Diff(before, after)
		if len(changes) == 0 {
			v = row.version
			return nil
		}
		v = store.PlanVersion{ProgrammeID: programmeID, Year: year, Title: after.Plan.Title,
			Status: after.Plan.Status, Language: after.Plan.Language,
			SavedAt: time.Now().UTC().Truncate(time.Microsecond), Author: e.Author, Summary: e.Summary,
			Published: row.version.Published}
		sv := newSaver(w, after).withBefore(before, row)
		version, planID, err := sv.save(v.SavedAt)
		if err != nil {
			return err
		}
		v.Version = version
		if err := w.recordEdit(planID, e, changes); err != nil {
			return err
		}
		saved, savedKey = after, versionKey{programme: row.programmeID, year: year, version: version, savedAt: v.SavedAt}
		v.AuthorName, err = r.authorName(e.Author)
		return err
	})
	if err != nil {
		var pe *plan.Error
		if errors.As(err, &pe) {
			return store.PlanVersion{}, err
		}
		return store.PlanVersion{}, fmt.Errorf("edit plan %s %d: %w", programmeID, year, err)
	}
	if saved != nil {
		s.keepVersion(savedKey, saved)
	}
	return v, nil
}

// reader reads inside the write transaction, so that an edit sees its own
// writes and nothing another transaction has not committed.
func (w *writer) reader() *reader {
	return &reader{ctx: w.ctx, tx: w.tx, dialect: w.dialect, stmts: w.cache, versions: w.versions}
}

// latest loads the latest version of a plan and its row.
func (r *reader) latest(programmeID string, year int) (*plan.File, planRow, error) {
	row, err := r.latestRow(programmeID, year)
	if err != nil {
		return nil, row, err
	}
	f, err := r.loadVersion(row)
	return f, row, err
}

// latestShared is latest, with a plan the caller must not change (see
// loadVersionShared): the plan an edit is compared with.
func (r *reader) latestShared(programmeID string, year int) (*plan.File, planRow, error) {
	row, err := r.latestRow(programmeID, year)
	if err != nil {
		return nil, row, err
	}
	f, _, err := r.loadVersionShared(row)
	return f, row, err
}

// latestRow reads the row of a plan's latest version.
func (r *reader) latestRow(programmeID string, year int) (planRow, error) {
	row, err := scanPlanRow(r.row(`
		SELECT `+planColumns+` FROM `+planFrom+`
		WHERE pr.key = ? AND p.year = ?
		ORDER BY p.version DESC LIMIT 1`, programmeID, year))
	if err == sql.ErrNoRows {
		return row, r.notFound(programmeID, year, 0)
	}
	return row, err
}

// latestBefore loads the latest version of a programme's latest plan for
// a year before year; nil where it has none.
func (r *reader) latestBefore(programmeID string, year int) (*plan.File, error) {
	var prev int
	err := r.row(`
		SELECT coalesce(max(p.year), 0) FROM plans p JOIN programmes pr ON pr.id = p.programme_id
		WHERE pr.key = ? AND p.year < ?`, programmeID, year).Scan(&prev)
	if err != nil || prev == 0 {
		return nil, err
	}
	f, _, err := r.latest(programmeID, prev)
	return f, err
}

// submitted returns the version a submission made, if it made one.
func (r *reader) submitted(submission string) (store.PlanVersion, bool, error) {
	row, ok, err := found(scanPlanRow(r.row(`
		SELECT `+planColumns+` FROM `+planFrom+` WHERE e.submission = ?`, submission)))
	row.version.Repeated = ok
	return row.version, ok, err
}

// recordEdit notes who made a version and why, and how it differs from the
// version before.
func (w *writer) recordEdit(planID int64, e store.Edit, changes []plan.Change) error {
	if e.Author != 0 || e.Summary != "" || e.Submission != "" {
		if err := w.exec(`INSERT INTO plan_edits (plan_id, author_id, summary, submission) VALUES (?, ?, ?, ?)`,
			planID, nullID(e.Author), e.Summary, nullString(e.Submission)); err != nil {
			return fmt.Errorf("record edit: %w", err)
		}
	}
	for i, c := range changes {
		if err := w.exec(`
			INSERT INTO plan_changes (plan_id, position, path, kind, before, after, goal_number, measure_number)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			planID, i, c.Path, c.Kind, c.Before, c.After, nullInt(c.Goal), nullInt(c.Measure)); err != nil {
			return fmt.Errorf("record change %s: %w", c.Path, err)
		}
	}
	return nil
}

// authorName is the name of the user who saves a change, "" for none.
func (r *reader) authorName(id int64) (string, error) {
	if id == 0 {
		return "", nil
	}
	var name string
	if err := r.row(`SELECT name FROM users WHERE id = ?`, id).Scan(&name); err != nil {
		return "", fmt.Errorf("author %d: %w", id, err)
	}
	return name, nil
}
