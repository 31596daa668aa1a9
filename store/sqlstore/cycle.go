package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"planverk/cycle"
	"planverk/plan"
	"planverk/store"
)

// Cycle returns a plan's releases and decisions.
func (s *Store) Cycle(ctx context.Context, programmeID string, year int) (cycle.Cycle, error) {
	var c cycle.Cycle
	err := s.read(ctx, func(r *reader) error {
		id, err := r.planExists(programmeID, year)
		if err != nil {
			return err
		}
		c, err = r.cycle(id, programmeID, year)
		return err
	})
	return c, wrapPlanErr(err, "cycle of plan %s %d", programmeID, year)
}

// wrapPlanErr passes a *plan.Error on as it is, and says what was being
// done with any other error.
func wrapPlanErr(err error, format string, args ...any) error {
	if err == nil {
		return nil
	}
	var pe *plan.Error
	if errors.As(err, &pe) {
		return err
	}
	return fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), err)
}

const releaseColumns = `r.number, r.kind, r.version, r.digest, r.released_at, coalesce(r.released_by, 0),
	coalesce(u.name, ''), r.note, r.title, r.language`

func scanRelease(sc interface{ Scan(...any) error }, programmeID string, year int) (cycle.Release, error) {
	rel := cycle.Release{ProgrammeID: programmeID, Year: year}
	var at any
	err := sc.Scan(&rel.Number, &rel.Kind, &rel.Version, &rel.Digest, &at, &rel.By, &rel.ByName, &rel.Note, &rel.Title, &rel.Language)
	if err != nil {
		return rel, err
	}
	rel.At, err = timeOf(at)
	return rel, err
}

// cycle reads a plan's releases and decisions; programme is the
// programme's row.
func (r *reader) cycle(programme int64, programmeID string, year int) (cycle.Cycle, error) {
	c := cycle.Cycle{ProgrammeID: programmeID, Year: year}
	err := r.each(`
		SELECT `+releaseColumns+` FROM plan_releases r LEFT JOIN users u ON u.id = r.released_by
		WHERE r.programme_id = ? AND r.year = ? ORDER BY r.number`, []any{programme, year},
		func(rows *sql.Rows) error {
			rel, err := scanRelease(rows, programmeID, year)
			c.Releases = append(c.Releases, rel)
			return err
		})
	if err != nil {
		return c, fmt.Errorf("releases: %w", err)
	}
	err = r.each(`
		SELECT d.id, d.step, d.release_number, d.organisation, d.body, d.decided_on, d.case_ref, d.outcome,
			d.note, d.minutes_url, d.conditions, d.amounts, d.recorded_at, coalesce(d.recorded_by, 0),
			coalesce(u.name, ''), coalesce(d.made_release, 0)
		FROM plan_decisions d LEFT JOIN users u ON u.id = d.recorded_by
		WHERE d.programme_id = ? AND d.year = ? ORDER BY d.id`, []any{programme, year},
		func(rows *sql.Rows) error {
			var d cycle.Decision
			var date sql.NullString
			var amounts string
			var at any
			if err := rows.Scan(&d.ID, &d.Step, &d.Release, &d.Organisation, &d.Body, &date, &d.CaseRef,
				&d.Outcome, &d.Note, &d.MinutesURL, &d.Conditions, &amounts, &at, &d.By, &d.ByName, &d.Made); err != nil {
				return err
			}
			day, err := dateOf(date)
			if err != nil {
				return err
			}
			if day != nil {
				d.Date = *day
			}
			if err := json.Unmarshal([]byte(amounts), &d.Amounts); err != nil {
				return fmt.Errorf("decision %d amounts: %w", d.ID, err)
			}
			if d.At, err = timeOf(at); err != nil {
				return err
			}
			c.Decisions = append(c.Decisions, d)
			return nil
		})
	if err != nil {
		return c, fmt.Errorf("decisions: %w", err)
	}
	return c, nil
}

// LoadRelease returns a release's content.
func (s *Store) LoadRelease(ctx context.Context, programmeID string, year, n int) (*plan.File, cycle.Release, error) {
	var f *plan.File
	var rel cycle.Release
	err := s.read(ctx, func(r *reader) error {
		id, err := r.programmeRow(programmeID)
		if err != nil {
			return err
		}
		f, rel, err = r.release(id, programmeID, year, n)
		return err
	})
	return f, rel, wrapPlanErr(err, "load release %d of plan %s %d", n, programmeID, year)
}

// PublicRelease returns a release of a plan opened to everyone.
func (s *Store) PublicRelease(ctx context.Context, programmeID string, year, n int) (*plan.File, cycle.Release, error) {
	var f *plan.File
	var rel cycle.Release
	err := s.read(ctx, func(r *reader) error {
		id, err := r.programmeRow(programmeID)
		if err != nil {
			return err
		}
		var open int
		if err := r.row(`SELECT count(*) FROM plan_publications WHERE programme_id = ? AND year = ?`, id, year).Scan(&open); err != nil {
			return err
		}
		if open == 0 {
			return plan.Errorf(plan.ENotFound, "plan %s %d is not open to everyone", programmeID, year)
		}
		f, rel, err = r.release(id, programmeID, year, n)
		return err
	})
	return f, rel, wrapPlanErr(err, "load release %d of plan %s %d", n, programmeID, year)
}

// PublicReleaseInfo returns the record of a release of a plan opened to
// everyone.
func (s *Store) PublicReleaseInfo(ctx context.Context, programmeID string, year, n int) (cycle.Release, error) {
	var rel cycle.Release
	err := s.read(ctx, func(r *reader) error {
		row := r.row(`
			SELECT `+releaseColumns+` FROM plan_releases r
			JOIN programmes p ON p.id = r.programme_id
			LEFT JOIN users u ON u.id = r.released_by
			WHERE p.key = ?1 AND r.year = ?2 AND (?3 = 0 OR r.number = ?3)
			  AND EXISTS (SELECT 1 FROM plan_publications o WHERE o.programme_id = r.programme_id AND o.year = r.year)
			ORDER BY r.number DESC LIMIT 1`, programmeID, year, n)
		var err error
		rel, err = scanRelease(row, programmeID, year)
		if err == sql.ErrNoRows {
			return plan.Errorf(plan.ENotFound, "plan %s %d has no release %d open to everyone", programmeID, year, n)
		}
		return err
	})
	return rel, wrapPlanErr(err, "release %d of plan %s %d", n, programmeID, year)
}

// release reads release n of a plan, the latest where n is 0.
func (r *reader) release(programme int64, programmeID string, year, n int) (*plan.File, cycle.Release, error) {
	var content string
	row := r.row(`
		SELECT `+releaseColumns+`, r.content FROM plan_releases r LEFT JOIN users u ON u.id = r.released_by
		WHERE r.programme_id = ?1 AND r.year = ?2 AND (?3 = 0 OR r.number = ?3)
		ORDER BY r.number DESC LIMIT 1`, programme, year, n)
	rel := cycle.Release{ProgrammeID: programmeID, Year: year}
	var at any
	err := row.Scan(&rel.Number, &rel.Kind, &rel.Version, &rel.Digest, &at, &rel.By, &rel.ByName, &rel.Note, &rel.Title, &rel.Language, &content)
	if err == sql.ErrNoRows {
		if n == 0 {
			return nil, rel, plan.Errorf(plan.ENotFound, "plan %s %d has no release", programmeID, year)
		}
		return nil, rel, plan.Errorf(plan.ENotFound, "plan %s %d has no release %d", programmeID, year, n)
	}
	if err != nil {
		return nil, rel, err
	}
	if rel.At, err = timeOf(at); err != nil {
		return nil, rel, err
	}
	f, err := cycle.Decode([]byte(content))
	return f, rel, err
}

// RevisionBase returns the approved plan a draft revises.
func (s *Store) RevisionBase(ctx context.Context, programmeID string, year int) (*plan.File, cycle.Release, bool, error) {
	var f *plan.File
	var rel cycle.Release
	var ok bool
	err := s.read(ctx, func(r *reader) error {
		draft, _, err := r.latest(programmeID, year)
		if err != nil {
			return err
		}
		f, rel, ok, err = r.revisionBase(draft)
		return err
	})
	return f, rel, ok, wrapPlanErr(err, "revision base of plan %s %d", programmeID, year)
}

// revisionBase finds the approved plan draft revises: the latest approved
// release of its own year, or else the release it was rolled from.
func (r *reader) revisionBase(draft *plan.File) (*plan.File, cycle.Release, bool, error) {
	programme, err := r.programmeRow(draft.Programme.ID)
	if err != nil {
		return nil, cycle.Release{}, false, err
	}
	var n int
	err = r.row(`SELECT coalesce(max(number), 0) FROM plan_releases WHERE programme_id = ? AND year = ? AND kind = 'approved'`,
		programme, draft.Plan.Year).Scan(&n)
	if err != nil {
		return nil, cycle.Release{}, false, err
	}
	year := draft.Plan.Year
	if n == 0 {
		rev := draft.Plan.Revision
		if rev == nil || rev.Base == nil {
			return nil, cycle.Release{}, false, nil
		}
		year, n = rev.Base.Year, rev.Base.Release
	}
	f, rel, err := r.release(programme, draft.Programme.ID, year, n)
	if plan.ErrorCode(err) == plan.ENotFound {
		return nil, rel, false, nil
	}
	return f, rel, err == nil, err
}

// TakeStep records a decision and makes the release it makes.
func (s *Store) TakeStep(ctx context.Context, programmeID string, year int, d cycle.Decision, e store.Edit) (store.StepTaken, error) {
	var out store.StepTaken
	now := time.Now().UTC().Truncate(time.Microsecond)
	err := s.writePlan(ctx, programmeID, year, func(w *writer) error {
		out = store.StepTaken{}
		r := w.reader()
		if e.Submission != "" {
			var id int64
			id, seen, err := found(id, r.row(`SELECT id FROM plan_decisions WHERE submission = ?`, e.Submission).Scan(&id))
			if err != nil {
				return err
			}
			if seen {
				return w.repeatedStep(programmeID, year, id, &out)
			}
		}
		programme, err := r.planExists(programmeID, year)
		if err != nil {
			return err
		}
		c, err := r.cycle(programme, programmeID, year)
		if err != nil {
			return err
		}
		draft, row, err := r.latest(programmeID, year)
		if err != nil {
			return err
		}
		in := cycle.Input{Draft: draft, DraftVersion: row.version.Version,
			Today: plan.Date{Year: now.Year(), Month: now.Month(), Day: now.Day()}}
		if len(c.Releases) > 0 {
			if in.Latest, _, err = r.release(programme, programmeID, year, 0); err != nil {
				return err
			}
		}
		if d.Step == cycle.StepProposal {
			base, _, ok, err := r.revisionBase(draft)
			if err != nil {
				return err
			}
			if ok {
				in.Blockers = cycle.Blockers(base, draft)
			}
		}
		res, err := c.Take(d, in)
		if err != nil {
			return err
		}
		d.Release = res.AboutRelease
		d.At, d.By = now, e.Author
		if d.ID, err = w.insertDecision(programme, year, d, e.Submission); err != nil {
			return err
		}
		if d.ByName, err = r.authorName(e.Author); err != nil {
			return err
		}
		out.Decision = d
		if res.Release == nil {
			return nil
		}
		rel := cycle.Release{ProgrammeID: programmeID, Year: year, Number: res.Number, Kind: res.Kind,
			Version: res.Version, At: now, By: e.Author, ByName: d.ByName}
		if err := w.insertRelease(programme, &rel, res.Release); err != nil {
			return err
		}
		if err := w.exec(`UPDATE plan_decisions SET made_release = ? WHERE id = ?`, rel.Number, d.ID); err != nil {
			return err
		}
		out.Decision.Made = rel.Number
		out.Release, out.Made = rel, true
		if err := w.open(programme, year, e.Author, now); err != nil {
			return err
		}
		if res.Kind == cycle.Anchored || res.Kind == cycle.Approved {
			return w.takeIntoDraft(draft, row, res.Release, e, now)
		}
		return nil
	})
	return out, wrapPlanErr(err, "take step %s in plan %s %d", d.Step, programmeID, year)
}

// repeatedStep fills out with what an earlier submission recorded.
func (w *writer) repeatedStep(programmeID string, year int, id int64, out *store.StepTaken) error {
	r := w.reader()
	programme, err := r.programmeRow(programmeID)
	if err != nil {
		return err
	}
	c, err := r.cycle(programme, programmeID, year)
	if err != nil {
		return err
	}
	out.Repeated = true
	for _, d := range c.Decisions {
		if d.ID == id {
			out.Decision = d
			if d.Made > 0 {
				out.Release, out.Made = c.Release(d.Made)
			}
		}
	}
	return nil
}

func (w *writer) insertDecision(programme int64, year int, d cycle.Decision, submission string) (int64, error) {
	amounts, err := json.Marshal(d.Amounts)
	if err != nil {
		return 0, err
	}
	if d.Amounts == nil {
		amounts = []byte("[]")
	}
	var date *plan.Date
	if !d.Date.IsZero() {
		date = &d.Date
	}
	id, err := w.insert(`
		INSERT INTO plan_decisions (programme_id, year, step, release_number, organisation, body, decided_on,
			case_ref, outcome, note, minutes_url, conditions, amounts, recorded_at, recorded_by, submission)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		programme, year, string(d.Step), d.Release, d.Organisation, d.Body, nullDate(date), d.CaseRef,
		string(d.Outcome), d.Note, d.MinutesURL, d.Conditions, string(amounts), d.At.Format(savedAtFormat),
		nullID(d.By), nullString(submission))
	if err != nil {
		return 0, fmt.Errorf("record decision: %w", err)
	}
	return id, nil
}

// insertRelease stores a release's content; it sets the release's digest.
func (w *writer) insertRelease(programme int64, rel *cycle.Release, content *plan.File) error {
	b := cycle.Encode(content)
	rel.Digest = cycle.Digest(b)
	rel.Title, rel.Language = content.Plan.Title, content.Plan.Language
	err := w.exec(`
		INSERT INTO plan_releases (programme_id, year, number, kind, version, content, digest, released_at, released_by, note, title, language)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		programme, rel.Year, rel.Number, string(rel.Kind), rel.Version, string(b), rel.Digest,
		rel.At.Format(savedAtFormat), nullID(rel.By), rel.Note, content.Plan.Title, string(content.Plan.Language))
	if err != nil {
		return fmt.Errorf("store release %d: %w", rel.Number, err)
	}
	return nil
}

// open makes a plan's releases readable by everyone.
func (w *writer) open(programme int64, year int, by int64, at time.Time) error {
	return w.exec(`
		INSERT INTO plan_publications (programme_id, year, published_at, published_by) VALUES (?, ?, ?, ?)
		ON CONFLICT (programme_id, year) DO NOTHING`,
		programme, year, at.Format(savedAtFormat), nullID(by))
}

// takeIntoDraft writes what an anchoring or approval decided (the
// anchoring dates, the approvals, the status) into the working draft as
// its next version, so that the draft goes on from the decided plan and
// does not differ from the release for nothing.
func (w *writer) takeIntoDraft(draft *plan.File, row planRow, decided *plan.File, e store.Edit, now time.Time) error {
	after, err := w.reader().loadFile(row)
	if err != nil {
		return err
	}
	after.Plan.Anchoring = decided.Plan.Anchoring
	after.Plan.Approvals = decided.Plan.Approvals
	after.Plan.Status = decided.Plan.Status
	changes := plan.Diff(draft, after)
	if len(changes) == 0 {
		return nil
	}
	_, planID, err := newSaver(w, after).save(now)
	if err != nil {
		return err
	}
	return w.recordEdit(planID, store.Edit{Author: e.Author, Summary: e.Summary}, changes)
}

// RollPlan starts the plan for year from the plan of the year before.
func (s *Store) RollPlan(ctx context.Context, programmeID string, year int, e store.Edit) (store.PlanVersion, error) {
	v := store.PlanVersion{ProgrammeID: programmeID, Year: year, Language: "", Author: e.Author, Summary: e.Summary,
		SavedAt: time.Now().UTC().Truncate(time.Microsecond)}
	err := s.writePlan(ctx, programmeID, year, func(w *writer) error {
		r := w.reader()
		if e.Submission != "" {
			seen, ok, err := r.submitted(e.Submission)
			if err != nil || ok {
				v = seen
				return err
			}
		}
		programme, err := r.programmeRow(programmeID)
		if err != nil {
			return err
		}
		var n int
		if err := r.row(`SELECT count(*) FROM plans WHERE programme_id = ? AND year = ?`, programme, year).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return plan.Keyed(plan.EConflict, "cycle.error.roll-exists", plan.Args{"Year": year},
				"programme %s has a plan for %d already", programmeID, year)
		}
		current, _, err := r.latest(programmeID, year-1)
		if plan.ErrorCode(err) == plan.ENotFound {
			return plan.Keyed(plan.ENotFound, "cycle.error.roll-nothing", plan.Args{"Year": year - 1},
				"programme %s has no plan for %d to start from", programmeID, year-1)
		}
		if err != nil {
			return err
		}
		base, release, err := r.rollBase(programme, current)
		if err != nil {
			return err
		}
		f := plan.Roll(base, year, release)
		if release == 0 {
			// Rolled from a draft: there is no approved plan to revise.
			f.Plan.Revision = nil
		}
		// The programme and the organisations are shared records: the new
		// plan names them as they are now, not as the release copied them.
		f.Programme = current.Programme
		f.Organisations = mergeOrganisations(current.Organisations, base.Organisations)
		plan.AssignMeasureIDs(f, base)
		version, planID, err := newSaver(w, f).save(v.SavedAt)
		if err != nil {
			return err
		}
		v.Version, v.Title, v.Status, v.Language = version, f.Plan.Title, f.Plan.Status, f.Plan.Language
		if err := w.recordEdit(planID, e, nil); err != nil {
			return err
		}
		v.AuthorName, err = r.authorName(e.Author)
		return err
	})
	return v, wrapPlanErr(err, "roll plan %s into %d", programmeID, year)
}

// rollBase is what next year's plan starts from: the latest approved
// release of the plan, or else its latest release, or else its draft
// (release 0).
func (r *reader) rollBase(programme int64, draft *plan.File) (*plan.File, int, error) {
	var approved int
	err := r.row(`SELECT coalesce(max(number), 0) FROM plan_releases WHERE programme_id = ? AND year = ? AND kind = 'approved'`,
		programme, draft.Plan.Year).Scan(&approved)
	if err != nil {
		return nil, 0, err
	}
	f, rel, err := r.release(programme, draft.Programme.ID, draft.Plan.Year, approved)
	switch {
	case plan.ErrorCode(err) == plan.ENotFound:
		return draft, 0, nil
	case err != nil:
		return nil, 0, err
	}
	return f, rel.Number, nil
}

// mergeOrganisations is the organisations of a, then those of b that a
// does not have.
func mergeOrganisations(a, b []plan.Organisation) []plan.Organisation {
	out := append([]plan.Organisation(nil), a...)
	have := map[string]bool{}
	for _, o := range a {
		have[o.ID] = true
	}
	for _, o := range b {
		if !have[o.ID] {
			out = append(out, o)
		}
	}
	return out
}

// ReleaseImported releases a plan decided outside planverk.
func (s *Store) ReleaseImported(ctx context.Context, programmeID string, year int, kind cycle.Kind) (cycle.Release, bool, error) {
	var rel cycle.Release
	var made bool
	err := s.write(ctx, func(w *writer) error {
		var err error
		rel, made, err = w.releaseImported(programmeID, year, kind)
		return err
	})
	return rel, made, wrapPlanErr(err, "release imported plan %s %d", programmeID, year)
}

func (w *writer) releaseImported(programmeID string, year int, kind cycle.Kind) (cycle.Release, bool, error) {
	r := w.reader()
	programme, err := r.planExists(programmeID, year)
	if err != nil {
		return cycle.Release{}, false, err
	}
	c, err := r.cycle(programme, programmeID, year)
	if err != nil {
		return cycle.Release{}, false, err
	}
	if latest, ok := c.Latest(); ok {
		return latest, false, nil
	}
	draft, row, err := r.latest(programmeID, year)
	if err != nil {
		return cycle.Release{}, false, err
	}
	content := draft.Clone()
	if kind != cycle.Published {
		content.Plan.Status = kind.Status()
	}
	rel := cycle.Release{ProgrammeID: programmeID, Year: year, Number: 1, Kind: kind, Version: row.version.Version,
		At: time.Now().UTC().Truncate(time.Microsecond), Note: ImportedNote}
	return rel, true, w.insertRelease(programme, &rel, content)
}

// ImportedNote is the note of a release of a plan decided outside
// planverk, whose decisions planverk did not record.
const ImportedNote = "imported"

// BackfillReleases releases the plans that were published before planverk
// kept releases: each is released as its status says (published where it
// says draft), so that its visitors go on seeing it. It finds nothing to
// do on a database that has releases for every published plan.
func (s *Store) BackfillReleases(ctx context.Context) error {
	if err := s.backfillReleaseTitles(ctx); err != nil {
		return err
	}
	type plannedRelease struct {
		programme string
		year      int
		status    plan.Status
	}
	var todo []plannedRelease
	err := s.read(ctx, func(r *reader) error {
		return r.each(`
			SELECT pr.key, pub.year, p.status FROM plan_publications pub
			JOIN programmes pr ON pr.id = pub.programme_id
			JOIN plans p ON p.programme_id = pub.programme_id AND p.year = pub.year
			WHERE p.version = (SELECT max(version) FROM plans q WHERE q.programme_id = p.programme_id AND q.year = p.year)
			AND NOT EXISTS (SELECT 1 FROM plan_releases x WHERE x.programme_id = pub.programme_id AND x.year = pub.year)`,
			nil, func(rows *sql.Rows) error {
				var p plannedRelease
				err := rows.Scan(&p.programme, &p.year, &p.status)
				todo = append(todo, p)
				return err
			})
	})
	if err != nil {
		return fmt.Errorf("find published plans without releases: %w", err)
	}
	for _, p := range todo {
		if _, _, err := s.ReleaseImported(ctx, p.programme, p.year, cycle.KindOfStatus(p.status)); err != nil {
			return err
		}
	}
	return nil
}

// backfillReleaseTitles gives the releases made before releases kept their
// title and language beside their content theirs, from the content.
func (s *Store) backfillReleaseTitles(ctx context.Context) error {
	type untitled struct {
		id      int64
		content string
	}
	var todo []untitled
	err := s.read(ctx, func(r *reader) error {
		return r.each(`SELECT id, content FROM plan_releases WHERE title = '' AND language = ''`, nil,
			func(rows *sql.Rows) error {
				var u untitled
				err := rows.Scan(&u.id, &u.content)
				todo = append(todo, u)
				return err
			})
	})
	if err != nil || len(todo) == 0 {
		return wrapPlanErr(err, "find releases without titles")
	}
	return s.write(ctx, func(w *writer) error {
		for _, u := range todo {
			f, err := cycle.Decode([]byte(u.content))
			if err != nil {
				return fmt.Errorf("read release %d: %w", u.id, err)
			}
			if err := w.exec(`UPDATE plan_releases SET title = ?, language = ? WHERE id = ?`,
				f.Plan.Title, string(f.Plan.Language), u.id); err != nil {
				return fmt.Errorf("title release %d: %w", u.id, err)
			}
		}
		return nil
	})
}
