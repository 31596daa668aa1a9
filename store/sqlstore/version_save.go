package sqlstore

import (
	"database/sql"
	"fmt"
	"reflect"

	"planverk/plan"
)

// previousVersion is the latest version of the plan a saver saves the next
// version of: its row, and its content as loaded.
type previousVersion struct {
	id, programmeID int64
	version         int
	form            string
	f               *plan.File
}

// contentTables are the tables whose rows belong to a plan version
// directly, in an order they can be deleted in: a table before those its
// rows refer to without cascading (financing tables name budgets and
// sources, budgets name sources and goals, targets name goals).
var contentTables = []string{
	"communication_activities", "plan_dispositions", "plan_references", "plan_approvals", "plan_anchoring",
	"financing_tables", "budgets", "funding_sources", "plan_targets", "special_efforts", "sections",
	"goals", "plan_organisations",
}

// withBefore gives the saver the latest version as the caller loaded it in
// the same transaction, so that save need not load it again.
func (s *saver) withBefore(f *plan.File, row planRow) *saver {
	s.before, s.beforeRow = f, &row
	return s
}

// previous finds the latest version of the plan the file is the next
// version of; nil where the plan has none yet.
func (s *saver) previous() (*previousVersion, error) {
	// The caller read the latest version in this transaction: its row is
	// the one a query would find.
	if b := s.beforeRow; b != nil {
		return &previousVersion{id: b.id, programmeID: b.programmeID, version: b.version.Version, form: b.form, f: s.before}, nil
	}
	var p previousVersion
	err := s.reader().row(`
		SELECT p.id, p.programme_id, p.version, p.stored_kind FROM plans p JOIN programmes pr ON pr.id = p.programme_id
		WHERE pr.key = ? AND p.year = ? ORDER BY p.version DESC LIMIT 1`,
		s.f.Programme.ID, s.f.Plan.Year).Scan(&p.id, &p.programmeID, &p.version, &p.form)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("latest version: %w", err)
	}
	r := s.reader()
	row, err := scanPlanRow(r.row(`SELECT `+planColumns+` FROM `+planFrom+` WHERE p.id = ?`, p.id))
	if err != nil {
		return nil, fmt.Errorf("latest version: %w", err)
	}
	if p.f, err = r.loadVersion(row); err != nil {
		return nil, fmt.Errorf("latest version: %w", err)
	}
	return &p, nil
}

// keepPrevious moves the version before to a row of its own: a copy of
// the latest row with the version's number, its stored form and its
// history (who saved it, what changed), so that the latest row can become
// the next version.
func (s *saver) keepPrevious(prev *previousVersion, deltas []measureDelta, narrow bool) error {
	kind, form := storedForm(prev.f, prev.version, deltas, narrow)
	if err := s.exec(`UPDATE plans SET version = ? WHERE id = ?`, prev.version+1, prev.id); err != nil {
		return err
	}
	id, err := s.insert(`
		INSERT INTO plans (programme_id, year, version, format, title, subtitle, language, status,
			weight_basis, has_checks, weight_tolerance, saved_at, has_revision, revision_base_year, revision_base_release,
			stored_kind, stored)
		SELECT programme_id, year, ?, format, title, subtitle, language, status,
			weight_basis, has_checks, weight_tolerance, saved_at, has_revision, revision_base_year, revision_base_release,
			?, ?
		FROM plans WHERE id = ?`, prev.version, kind, form, prev.id)
	if err != nil {
		return err
	}
	for _, t := range []string{"plan_edits", "plan_changes"} {
		if err := s.exec(`UPDATE `+t+` SET plan_id = ? WHERE plan_id = ?`, id, prev.id); err != nil {
			return fmt.Errorf("%s: %w", t, err)
		}
	}
	return nil
}

// storedForm is what a version keeps once another follows it: how its
// measures differed where only they did, else its whole content; every
// snapshotEvery-th version is whole regardless, which bounds how many
// deltas reading an old version applies.
func storedForm(f *plan.File, version int, deltas []measureDelta, narrow bool) (string, []byte) {
	if narrow && version%snapshotEvery != 0 {
		return formMeasures, encodeForm(versionForm{Measures: deltas})
	}
	return formSnapshot, encodeForm(snapshotOf(f))
}

// saveChangedMeasures rewrites, under the latest row, the measures that
// changed: those that were there go, and those that are there now are
// written at their places.
func (s *saver) saveChangedMeasures(prev *previousVersion, deltas []measureDelta) error {
	planID := prev.id
	lists := measureLists(&s.f.Plan)
	for l, list := range lists {
		lp := fmt.Sprintf("plan.goals[%d]", l)
		if l == len(lists)-1 {
			lp = "plan"
		}
		if err := s.checkMeasures(lp, *list); err != nil {
			return err
		}
	}
	goalRows := map[int]int64{}
	err := s.reader().each(`SELECT position, id FROM goals WHERE plan_id = ?`, []any{planID}, func(rows *sql.Rows) error {
		var pos int
		var id int64
		err := rows.Scan(&pos, &id)
		goalRows[pos] = id
		return err
	})
	if err != nil {
		return fmt.Errorf("goals: %w", err)
	}
	changed := map[string]bool{}
	for _, d := range deltas {
		changed[d.ID] = true
		if d.Measure == nil {
			continue
		}
		if err := s.exec(`DELETE FROM measures WHERE key = ? AND goal_id IN (SELECT id FROM goals WHERE plan_id = ?)`,
			d.ID, planID); err != nil {
			return fmt.Errorf("measure %s: %w", d.ID, err)
		}
	}
	for l, list := range lists {
		for i, m := range *list {
			if !changed[m.ID] {
				continue
			}
			goal, ok := goalRows[l]
			if !ok {
				return fmt.Errorf("measure %s: no goal row at %d", m.ID, l)
			}
			path := fmt.Sprintf("plan.goals[%d].measures[%d]", l, i)
			if l == len(lists)-1 {
				path = fmt.Sprintf("plan.measures[%d]", i)
			}
			if err := s.saveMeasure(goal, i, path, m); err != nil {
				return err
			}
		}
	}
	if err := s.updateUses(prev, planID); err != nil {
		return withContext("uses of organisations", err)
	}
	return nil
}

// updateUses keeps the index of the uses of organisations current after a
// measure edit: where the uses are as many and in the same places, only
// those that changed (a measure's title or number, another lead) are
// rewritten; otherwise the plan's uses are indexed anew.
func (s *saver) updateUses(prev *previousVersion, planID int64) error {
	was, is := prev.f.Uses(), s.f.Uses()
	if len(was) != len(is) {
		return s.indexUses(prev.programmeID, planID, true)
	}
	for i := range was {
		if was[i].Programme != is[i].Programme {
			return s.indexUses(prev.programmeID, planID, true)
		}
	}
	pos := map[bool]int{}
	for i, u := range is {
		p := pos[u.Programme]
		pos[u.Programme]++
		if reflect.DeepEqual(was[i], u) {
			continue
		}
		year := s.f.Plan.Year
		if u.Programme {
			year = 0
		}
		if err := s.exec(`
			UPDATE organisation_uses SET organisation_key = ?, kind = ?, role = ?, goal = ?, measure = ?, measure_key = ?, detail = ?
			WHERE programme_id = ? AND year = ? AND position = ?`,
			u.Org, string(u.Kind), string(u.Role), u.Goal, u.Measure, u.MeasureID, u.Detail,
			prev.programmeID, year, p); err != nil {
			return err
		}
	}
	return nil
}

// dropRows deletes a version's rows once its stored form is kept.
func (s *saver) dropRows(planID int64) error {
	for _, t := range contentTables {
		if err := s.exec(`DELETE FROM `+t+` WHERE plan_id = ?`, planID); err != nil {
			return fmt.Errorf("drop %s: %w", t, err)
		}
	}
	return nil
}
