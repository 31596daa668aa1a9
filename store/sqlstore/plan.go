package sqlstore

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"planverk/cycle"
	"planverk/plan"
	"planverk/store"
)

// saver saves one plan file in one write transaction. A plan file refers to
// organisations, goals, funding sources, budgets and budget lines by their
// text ids or numbers; the tables refer to rows. The maps turn the one into
// the other as the rows are inserted, so each part must be saved after what
// it refers to.
type saver struct {
	*writer
	f       *plan.File
	orgs    map[string]int64           // organisation id → row
	goals   map[int]int64              // goal number → row
	sources map[string]int64           // funding-source id → row
	budgets map[string]int64           // budget id → row
	lines   map[int64]map[string]int64 // budget row → line id → row
	// measureIDs are the measure IDs saved so far, each unique in a plan.
	measureIDs map[string]bool
	// before is the latest version as the caller loaded it (withBefore).
	before    *plan.File
	beforeRow *planRow
}

func newSaver(w *writer, f *plan.File) *saver {
	return &saver{writer: w, f: f, orgs: map[string]int64{}, goals: map[int]int64{},
		sources: map[string]int64{}, budgets: map[string]int64{}, lines: map[int64]map[string]int64{},
		measureIDs: map[string]bool{}}
}

// SavePlan stores the file's organisations and programme, adding or updating
// them, and its plan as the next version of the programme's plan for the year.
func (s *Store) SavePlan(ctx context.Context, f *plan.File) (store.PlanVersion, error) {
	if f == nil {
		return store.PlanVersion{}, plan.Errorf(plan.EInvalid, "no plan file to save")
	}
	if f.Programme.ID == "" {
		return store.PlanVersion{}, plan.Errorf(plan.EInvalid, "the plan file's programme has no id")
	}
	v := store.PlanVersion{
		ProgrammeID: f.Programme.ID,
		Year:        f.Plan.Year,
		Title:       f.Plan.Title,
		Status:      f.Plan.Status,
		Language:    f.Plan.Language,
		// Truncating drops the monotonic reading and what PostgreSQL cannot
		// keep (it keeps microseconds), so that the time saved and the time
		// loaded back are equal on both engines.
		SavedAt: time.Now().UTC().Truncate(time.Microsecond),
	}
	err := s.writePlan(ctx, f.Programme.ID, f.Plan.Year, func(w *writer) error {
		sv := newSaver(w, f)
		// The version before, if any, for the changes this save makes.
		before, beforeRow, err := w.reader().latest(f.Programme.ID, f.Plan.Year)
		if err != nil && plan.ErrorCode(err) != plan.ENotFound {
			return err
		}
		prev := before
		if prev == nil {
			// A new year's first version: its measures are most likely
			// last year's, carried on.
			if prev, err = w.reader().latestBefore(f.Programme.ID, f.Plan.Year); err != nil {
				return err
			}
		}
		plan.AssignMeasureIDs(f, prev)
		if before != nil {
			// A new version of a published plan is published too: the
			// publication belongs to the programme's year.
			v.Published = beforeRow.version.Published
			// A file that says what the latest version says, programme and
			// organisations included, makes no new version: importing the
			// same file twice leaves one version, and says so.
			if bytes.Equal(cycle.Encode(before), cycle.Encode(f)) {
				v = beforeRow.version
				v.Unchanged = true
				return nil
			}
		}
		if before != nil {
			sv.withBefore(before, beforeRow)
		}
		version, planID, err := sv.save(v.SavedAt)
		if err != nil {
			return err
		}
		v.Version = version
		var changes []plan.Change
		if before != nil {
			changes = plan.Diff(before, f)
		}
		return w.recordEdit(planID, store.Edit{}, changes)
	})
	if err != nil {
		var pe *plan.Error
		if errors.As(err, &pe) {
			return store.PlanVersion{}, err
		}
		return store.PlanVersion{}, fmt.Errorf("save plan %s %d: %w", f.Programme.ID, f.Plan.Year, err)
	}
	return v, nil
}

// save saves the file as the next version of its plan, and returns the
// version number and the new version's row. The latest version's content
// is in the tables and moves on to the new version: where only measures
// changed, its rows are kept and those measures rewritten; otherwise the
// new version's rows are written whole and the old ones dropped. Either
// way the version before keeps its stored form (version_form.go).
func (s *saver) save(savedAt time.Time) (int, int64, error) {
	prev, err := s.previous()
	if err != nil {
		return 0, 0, err
	}
	var deltas []measureDelta
	narrow := false
	if prev != nil && prev.form == formRows {
		deltas, narrow = measureChanges(prev.f, s.f)
	}
	var programmeID int64
	if narrow {
		// The programme and the organisations are as stored.
		programmeID = prev.programmeID
	} else {
		if err := s.saveOrganisations(); err != nil {
			return 0, 0, err
		}
		if programmeID, err = s.saveProgramme(); err != nil {
			return 0, 0, withContext("programme", err)
		}
	}
	p := s.f.Plan
	version := 1
	if prev != nil {
		version = prev.version + 1
	}
	var hasChecks bool
	var tolerance any
	if p.Checks != nil {
		hasChecks = true
		tolerance = nullShare(p.Checks.WeightTolerance)
	}
	var baseYear, baseRelease any
	if p.Revision != nil && p.Revision.Base != nil {
		baseYear, baseRelease = p.Revision.Base.Year, p.Revision.Base.Release
	}
	cols := []any{s.f.Format, p.Title, p.Subtitle, string(p.Language), string(p.Status),
		p.WeightBasis, hasChecks, tolerance, savedAt.Format(savedAtFormat), p.Revision != nil, baseYear, baseRelease}
	if prev == nil || prev.form != formRows {
		planID, err := s.insert(`
			INSERT INTO plans (programme_id, year, version, format, title, subtitle, language, status,
				weight_basis, has_checks, weight_tolerance, saved_at, has_revision, revision_base_year, revision_base_release)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, append([]any{programmeID, p.Year, version}, cols...)...)
		if err != nil {
			return 0, 0, err
		}
		if err := s.saveRows(planID); err != nil {
			return 0, 0, err
		}
		if err := s.indexUses(programmeID, planID, true); err != nil {
			return 0, 0, withContext("uses of organisations", err)
		}
		return version, planID, nil
	}
	// The latest version's row, with the content under it, becomes the new
	// version; the version before moves to a row of its own with its
	// stored form and its history.
	planID := prev.id
	if err := s.keepPrevious(prev, deltas, narrow); err != nil {
		return 0, 0, withContext("the version before", err)
	}
	if err := s.exec(`
		UPDATE plans SET version = ?, format = ?, title = ?, subtitle = ?, language = ?, status = ?,
			weight_basis = ?, has_checks = ?, weight_tolerance = ?, saved_at = ?, has_revision = ?,
			revision_base_year = ?, revision_base_release = ?
		WHERE id = ?`, append(append([]any{version}, cols...), planID)...); err != nil {
		return 0, 0, err
	}
	if narrow {
		if err := s.saveChangedMeasures(prev, deltas); err != nil {
			return 0, 0, err
		}
		return version, planID, nil
	}
	if err := s.dropRows(planID); err != nil {
		return 0, 0, withContext("the version before", err)
	}
	if err := s.saveRows(planID); err != nil {
		return 0, 0, err
	}
	if err := s.indexUses(programmeID, planID, true); err != nil {
		return 0, 0, withContext("uses of organisations", err)
	}
	return version, planID, nil
}

// saveRows writes the plan's content under the new version's row.
func (s *saver) saveRows(planID int64) error {
	p := s.f.Plan
	steps := []struct {
		what string
		save func(int64) error
	}{
		{"organisations", s.savePlanOrganisations},
		{"sections", func(id int64) error { return s.saveSections("plan_id", id, p.Sections, "plan.sections") }},
		// Goals before the targets and budget lines that name them, sources
		// before the budgets and financing tables that name them, budgets
		// before the financing tables.
		{"goals", s.saveGoals},
		{"special efforts", s.saveEfforts},
		{"targets", s.saveTargets},
		{"sources", s.saveSources},
		{"budgets", s.saveBudgets},
		{"financing", s.saveFinancing},
		{"anchoring", s.saveAnchoring},
		{"approvals", s.saveApprovals},
		{"communication plan", s.saveCommunication},
		{"references", func(id int64) error { return s.saveReferences("plan_references", "plan_id", id, p.References) }},
		{"revision", s.saveRevision},
	}
	for _, st := range steps {
		if err := st.save(planID); err != nil {
			return withContext(st.what, err)
		}
	}
	return nil
}

// withContext says what was being saved when err happened, unless err is a
// *plan.Error: its message is for the user and already says what is wrong.
func withContext(what string, err error) error {
	var pe *plan.Error
	if errors.As(err, &pe) {
		return err
	}
	return fmt.Errorf("%s: %w", what, err)
}

// savedAtFormat writes times in UTC at a fixed width, so that saved_at sorts
// as text in time order (RFC3339Nano drops trailing zeros, and does not).
const savedAtFormat = "2006-01-02T15:04:05.000000000Z07:00"

// planRow is a plan version's own row.
type planRow struct {
	id, programmeID int64
	version         store.PlanVersion
	format          int
	plan            plan.Plan
	// form is where the version's content is (version_form.go).
	form string
}

const planColumns = `p.id, p.programme_id, pr.key, p.year, p.version, p.format, p.title, p.subtitle,
	p.language, p.status, p.weight_basis, p.has_checks, p.weight_tolerance, p.saved_at,
	coalesce(e.author_id, 0), coalesce(u.name, ''), coalesce(e.summary, ''), pub.id IS NOT NULL,
	p.has_revision, p.revision_base_year, p.revision_base_release, p.stored_kind`

// planFrom joins a plan version to its programme, who saved it and whether
// the plan is published, for planColumns.
const planFrom = `plans p
	JOIN programmes pr ON pr.id = p.programme_id
	LEFT JOIN plan_edits e ON e.plan_id = p.id
	LEFT JOIN users u ON u.id = e.author_id
	LEFT JOIN plan_publications pub ON pub.programme_id = p.programme_id AND pub.year = p.year`

func scanPlanRow(sc interface{ Scan(...any) error }) (planRow, error) {
	var r planRow
	var hasChecks bool
	var tolerance sql.NullString
	var savedAt any
	var hasRevision bool
	var baseYear, baseRelease sql.NullInt64
	p := &r.plan
	err := sc.Scan(&r.id, &r.programmeID, &r.version.ProgrammeID, &p.Year, &r.version.Version, &r.format,
		&p.Title, &p.Subtitle, &p.Language, &p.Status, &p.WeightBasis, &hasChecks, &tolerance, &savedAt,
		&r.version.Author, &r.version.AuthorName, &r.version.Summary, &r.version.Published,
		&hasRevision, &baseYear, &baseRelease, &r.form)
	if err != nil {
		return r, err
	}
	if hasRevision {
		p.Revision = &plan.Revision{}
		if baseYear.Valid {
			p.Revision.Base = &plan.RevisionBase{Year: int(baseYear.Int64), Release: int(baseRelease.Int64)}
		}
	}
	if hasChecks {
		p.Checks = &plan.Checks{WeightTolerance: shareOf(tolerance)}
	}
	if r.version.SavedAt, err = timeOf(savedAt); err != nil {
		return r, err
	}
	r.version.Year = p.Year
	r.version.Title = p.Title
	r.version.Status = p.Status
	r.version.Language = p.Language
	return r, nil
}

// LoadPlan returns the latest version of a programme's plan for a year.
func (s *Store) LoadPlan(ctx context.Context, programmeID string, year int) (*plan.File, store.PlanVersion, error) {
	return s.loadPlan(ctx, programmeID, year, 0)
}

// LoadPlanVersion returns one version of a programme's plan for a year.
func (s *Store) LoadPlanVersion(ctx context.Context, programmeID string, year, version int) (*plan.File, store.PlanVersion, error) {
	if version <= 0 {
		return nil, store.PlanVersion{}, plan.Errorf(plan.ENotFound, "plan %s %d has no version %d", programmeID, year, version)
	}
	return s.loadPlan(ctx, programmeID, year, version)
}

// loadPlan loads a version of a plan, the latest where version is 0.
func (s *Store) loadPlan(ctx context.Context, programmeID string, year, version int) (*plan.File, store.PlanVersion, error) {
	var f *plan.File
	var v store.PlanVersion
	err := s.read(ctx, func(r *reader) error {
		row, err := scanPlanRow(r.row(`
			SELECT `+planColumns+` FROM `+planFrom+`
			WHERE pr.key = ?1 AND p.year = ?2 AND (?3 = 0 OR p.version = ?3)
			ORDER BY p.version DESC LIMIT 1`, programmeID, year, version))
		if err == sql.ErrNoRows {
			return r.notFound(programmeID, year, version)
		}
		if err != nil {
			return err
		}
		v = row.version
		f, err = r.loadVersion(row)
		return err
	})
	if err != nil {
		var pe *plan.Error
		if errors.As(err, &pe) {
			return nil, store.PlanVersion{}, err
		}
		return nil, store.PlanVersion{}, fmt.Errorf("load plan %s %d: %w", programmeID, year, err)
	}
	return f, v, nil
}

// notFound says which of programme, year and version is missing.
func (r *reader) notFound(programmeID string, year, version int) error {
	var n int
	err := r.row(`SELECT count(*) FROM programmes WHERE key = ?`, programmeID).Scan(&n)
	if err != nil {
		return err
	}
	if n == 0 {
		return plan.Errorf(plan.ENotFound, "no programme %q", programmeID)
	}
	if version == 0 {
		return plan.Errorf(plan.ENotFound, "programme %q has no plan for %d", programmeID, year)
	}
	return plan.Errorf(plan.ENotFound, "programme %q has no version %d of its plan for %d", programmeID, version, year)
}

// loadFile rebuilds the plan file a plan version was saved from. The
// organisations and programme are the shared records as they are now.
func (r *reader) loadFile(row planRow) (*plan.File, error) {
	f := &plan.File{Format: row.format, Plan: row.plan}
	p := &f.Plan
	// Each load gets pointers of its own: an edit loads the same row twice
	// and changes one of the two files.
	if c := row.plan.Checks; c != nil {
		p.Checks = &plan.Checks{}
		if c.WeightTolerance != nil {
			t := *c.WeightTolerance
			p.Checks.WeightTolerance = &t
		}
	}
	if rv := row.plan.Revision; rv != nil {
		p.Revision = &plan.Revision{}
		if rv.Base != nil {
			b := *rv.Base
			p.Revision.Base = &b
		}
	}
	var err error
	if f.Organisations, err = r.loadPlanOrganisations(row.id); err != nil {
		return nil, fmt.Errorf("organisations: %w", err)
	}
	if f.Programme, err = r.loadProgramme(row.programmeID); err != nil {
		return nil, fmt.Errorf("programme: %w", err)
	}
	sections, err := r.loadSections(`FROM sections s WHERE s.plan_id = ?`, row.id)
	if err != nil {
		return nil, fmt.Errorf("sections: %w", err)
	}
	p.Sections = sections[row.id]
	steps := []struct {
		what string
		load func(int64) error
	}{
		{"goals", func(id int64) (err error) { p.Goals, p.Measures, err = r.loadGoals(id); return }},
		{"special efforts", func(id int64) (err error) { p.SpecialEfforts, err = r.loadEfforts(id); return }},
		{"targets", func(id int64) (err error) { p.Targets, err = r.loadTargets(id); return }},
		{"sources", func(id int64) (err error) { p.Sources, err = r.loadSources(id); return }},
		{"budgets", func(id int64) (err error) { p.Budgets, err = r.loadBudgets(id); return }},
		{"financing", func(id int64) (err error) { p.Financing, err = r.loadFinancing(id); return }},
		{"anchoring", func(id int64) (err error) { p.Anchoring, err = r.loadAnchoring(id); return }},
		{"approvals", func(id int64) (err error) { p.Approvals, err = r.loadApprovals(id); return }},
		{"communication plan", func(id int64) (err error) { p.Communication, err = r.loadCommunication(id); return }},
		{"references", func(id int64) (err error) {
			p.References, err = r.loadReferences("plan_references", "plan_id", id)
			return
		}},
		{"revision", func(id int64) error { return r.loadRevision(id, p) }},
	}
	for _, st := range steps {
		if err := st.load(row.id); err != nil {
			return nil, fmt.Errorf("%s: %w", st.what, err)
		}
	}
	return f, nil
}

// Plans lists the latest version of each of a programme's plans, newest year
// first. An unknown programme is a plan.ENotFound error.
func (s *Store) Plans(ctx context.Context, programmeID string) ([]store.PlanVersion, error) {
	var out []store.PlanVersion
	err := s.read(ctx, func(r *reader) error {
		var n int
		if err := r.row(`SELECT count(*) FROM programmes WHERE key = ?`, programmeID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return plan.Errorf(plan.ENotFound, "no programme %q", programmeID)
		}
		return r.each(`
			SELECT `+planColumns+` FROM `+planFrom+`
			WHERE pr.key = ? AND p.version = (
				SELECT max(version) FROM plans q WHERE q.programme_id = p.programme_id AND q.year = p.year)
			ORDER BY p.year DESC`, []any{programmeID},
			func(rows *sql.Rows) error {
				row, err := scanPlanRow(rows)
				out = append(out, row.version)
				return err
			})
	})
	if err != nil {
		var pe *plan.Error
		if errors.As(err, &pe) {
			return nil, err
		}
		return nil, fmt.Errorf("list plans of %s: %w", programmeID, err)
	}
	return out, nil
}
