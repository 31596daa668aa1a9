package sqlstore

import (
	"database/sql"
	"fmt"

	"planverk/plan"
)

// loadVersion returns the plan file a version was saved from, the
// caller's own to change.
func (r *reader) loadVersion(row planRow) (*plan.File, error) {
	f, shared, err := r.loadVersionShared(row)
	if err != nil || !shared {
		return f, err
	}
	f.Plan = (&plan.File{Plan: f.Plan}).Clone().Plan
	return f, nil
}

// loadVersionShared returns the plan file a version was saved from, with
// the programme and organisation records as they are now. Where shared is
// set its plan is the cache's, which the caller must not change.
func (r *reader) loadVersionShared(row planRow) (f *plan.File, shared bool, err error) {
	k := keyOf(row)
	if c, ok := r.versions.Get(k); ok {
		f = &plan.File{Format: c.format, Plan: *c.plan}
		if f.Programme, err = r.loadProgramme(row.programmeID); err != nil {
			return nil, false, fmt.Errorf("programme: %w", err)
		}
		if f.Organisations, err = r.organisationsByKey(c.orgs); err != nil {
			return nil, false, err
		}
		return f, true, nil
	}
	if f, err = r.loadVersionFromDB(row); err != nil || !r.keep {
		return f, false, err
	}
	orgs := make([]string, len(f.Organisations))
	for i, o := range f.Organisations {
		orgs[i] = o.ID
	}
	p := f.Plan
	r.versions.Put(k, versionContent{format: f.Format, plan: &p, orgs: orgs}, 1)
	return f, true, nil
}

// loadVersionFromDB rebuilds the plan file a version was saved from: from
// the tables where its content is there (the latest version), else from
// its stored form. A measure delta needs the version after it, so the
// versions from this one up to the first whole one are read, and the
// deltas undone from there back to this one.
func (r *reader) loadVersionFromDB(row planRow) (*plan.File, error) {
	if row.form == formRows {
		return r.loadFile(row)
	}
	var upto int
	err := r.row(`
		SELECT coalesce(min(version), 0) FROM plans
		WHERE programme_id = ? AND year = ? AND version >= ? AND stored_kind <> ?`,
		row.programmeID, row.version.Year, row.version.Version, formMeasures).Scan(&upto)
	if err != nil {
		return nil, fmt.Errorf("version %d: %w", row.version.Version, err)
	}
	if upto == 0 {
		return nil, fmt.Errorf("version %d: no whole version after it", row.version.Version)
	}
	type step struct {
		version int
		form    string
		stored  []byte
	}
	var steps []step
	err = r.each(`
		SELECT version, stored_kind, stored FROM plans
		WHERE programme_id = ? AND year = ? AND version >= ? AND version <= ? ORDER BY version DESC`,
		[]any{row.programmeID, row.version.Year, row.version.Version, upto}, func(rows *sql.Rows) error {
			var st step
			err := rows.Scan(&st.version, &st.form, &st.stored)
			steps = append(steps, st)
			return err
		})
	if err != nil {
		return nil, fmt.Errorf("version %d: %w", row.version.Version, err)
	}
	base := steps[0]
	var f *plan.File
	switch base.form {
	case formRows:
		whole, err := scanPlanRow(r.row(`SELECT `+planColumns+` FROM `+planFrom+`
			WHERE p.programme_id = ? AND p.year = ? AND p.version = ?`, row.programmeID, row.version.Year, base.version))
		if err != nil {
			return nil, fmt.Errorf("version %d: %w", base.version, err)
		}
		if f, err = r.loadFile(whole); err != nil {
			return nil, err
		}
	case formSnapshot:
		if f, err = r.snapshotFile(row.programmeID, base.stored); err != nil {
			return nil, fmt.Errorf("version %d: %w", base.version, err)
		}
	default:
		return nil, fmt.Errorf("version %d is stored as %q, which this planverk cannot read", base.version, base.form)
	}
	for _, st := range steps[1:] {
		v, err := decodeForm(st.stored)
		if err != nil {
			return nil, fmt.Errorf("version %d: %w", st.version, err)
		}
		if err := undoMeasures(&f.Plan, v.Measures); err != nil {
			return nil, fmt.Errorf("version %d: %w", st.version, err)
		}
	}
	return f, nil
}

// snapshotFile is a whole stored version, with the programme and the
// organisation records as they are now, as the latest version has them.
func (r *reader) snapshotFile(programmeID int64, stored []byte) (*plan.File, error) {
	v, err := decodeForm(stored)
	if err != nil {
		return nil, err
	}
	if v.Plan == nil {
		return nil, fmt.Errorf("a stored version without its plan")
	}
	f := &plan.File{Format: v.Format, Plan: *v.Plan}
	if f.Programme, err = r.loadProgramme(programmeID); err != nil {
		return nil, fmt.Errorf("programme: %w", err)
	}
	if f.Organisations, err = r.organisationsByKey(v.Orgs); err != nil {
		return nil, err
	}
	return f, nil
}

// organisationsByKey reads organisation records in the order of their keys.
func (r *reader) organisationsByKey(keys []string) ([]plan.Organisation, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	args := make([]any, len(keys))
	for i, k := range keys {
		args[i] = k
	}
	orgs, err := r.loadOrganisations(`SELECT `+organisationColumns+` FROM organisations o WHERE o.key IN (`+
		placeholders(len(keys))+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("organisations: %w", err)
	}
	byKey := map[string]plan.Organisation{}
	for _, o := range orgs {
		byKey[o.ID] = o
	}
	out := make([]plan.Organisation, 0, len(keys))
	for _, k := range keys {
		o, ok := byKey[k]
		if !ok {
			return nil, fmt.Errorf("organisation %q is no longer stored", k)
		}
		out = append(out, o)
	}
	return out, nil
}
