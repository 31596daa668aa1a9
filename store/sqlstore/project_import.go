package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"planverk/followup"
	"planverk/plan"
	"planverk/store"
)

// sampleOf is the sample column's value of a project.
func sampleOf(p followup.Project) int {
	if p.Sample {
		return 1
	}
	return 0
}

// ImportProjects stores an import's projects in one transaction.
func (s *Store) ImportProjects(ctx context.Context, programmeID string, ps []followup.Project, e store.Edit) ([]store.ImportedProject, error) {
	for i, p := range ps {
		if p.CaseRef == "" {
			return nil, plan.Errorf(plan.EInvalid, "imported project %d has no case reference", i+1)
		}
	}
	now := time.Now().UTC().Truncate(time.Microsecond).Format(savedAtFormat)
	var out []store.ImportedProject
	err := s.write(ctx, func(w *writer) error {
		out = out[:0]
		prog, err := w.reader().programmeRow(programmeID)
		if err != nil {
			return err
		}
		for i, imp := range ps {
			var stored *followup.Project
			id, err := w.reader().projectByCaseRef(prog, imp.CaseRef)
			if err != nil {
				return fmt.Errorf("project %q: %w", imp.CaseRef, err)
			}
			if id != 0 {
				p, err := w.reader().project(prog, programmeID, id)
				if err != nil {
					return err
				}
				stored = &p
			}
			p := followup.Merge(stored, imp)
			p.ProgrammeID = programmeID
			if p.Title == "" {
				return plan.Errorf(plan.EInvalid, "imported project %d (%s) has no title", i+1, p.CaseRef)
			}
			if !p.Status.Valid() || !p.Phase.Valid() {
				return plan.Errorf(plan.EInvalid, "imported project %s: status %q, phase %q", p.CaseRef, p.Status, p.Phase)
			}
			saved, err := w.importProject(prog, id, p, e, now)
			if err != nil {
				return fmt.Errorf("project %q: %w", p.CaseRef, err)
			}
			out = append(out, store.ImportedProject{Project: saved, Created: stored == nil})
		}
		return nil
	})
	if err != nil {
		return nil, wrapPlanErr(err, "import projects of %s", programmeID)
	}
	return out, nil
}

// projectByCaseRef is the programme's project with the case reference,
// the first registered where several have it; 0 for none.
func (r *reader) projectByCaseRef(prog int64, ref string) (int64, error) {
	var id int64
	err := r.row(`SELECT id FROM projects WHERE programme_id = ? AND case_ref = ? ORDER BY id LIMIT 1`, prog, ref).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	return id, err
}

// importProject writes one merged project: registered where id is 0, or
// replacing the stored one whole, as SaveProject does, without the
// version check: the import read the stored project in this same
// transaction.
func (w *writer) importProject(prog, id int64, p followup.Project, e store.Edit, now string) (followup.Project, error) {
	cols := []any{p.Title, p.Label, p.Owner, p.Manager, p.Sponsor, nullDate(p.From), precisionOf(p.From),
		nullDate(p.To), precisionOf(p.To), string(p.Phase), string(p.Status), p.CaseRef, nullInt(p.Goal),
		nullAmount(p.Budget), nullAmount(p.OwnShare), nullAmount(p.OtherFinancing), now, nullID(e.Author), sampleOf(p)}
	var err error
	if id == 0 {
		id, err = w.insert(`
			INSERT INTO projects (title, label, owner, manager, sponsor, period_from, period_from_precision,
				period_to, period_to_precision, phase, status, case_ref, goal, budget, own_share, other_financing,
				updated_at, updated_by, sample, programme_id, version)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`, append(cols, prog)...)
		if err != nil {
			return p, fmt.Errorf("project: %w", err)
		}
	} else {
		err = w.exec(`
			UPDATE projects SET title = ?, label = ?, owner = ?, manager = ?, sponsor = ?, period_from = ?,
				period_from_precision = ?, period_to = ?, period_to_precision = ?, phase = ?, status = ?,
				case_ref = ?, goal = ?, budget = ?, own_share = ?, other_financing = ?, updated_at = ?, updated_by = ?,
				sample = ?, version = version + 1
			WHERE id = ? AND programme_id = ?`, append(cols, id, prog)...)
		if err != nil {
			return p, fmt.Errorf("project: %w", err)
		}
		for _, q := range []string{`DELETE FROM project_measures WHERE project_id = ?`, `DELETE FROM commitments WHERE project_id = ?`} {
			if err := w.exec(q, id); err != nil {
				return p, err
			}
		}
	}
	for i, k := range p.Measures {
		if err := w.exec(`INSERT INTO project_measures (project_id, position, measure_key) VALUES (?, ?, ?)`, id, i, k); err != nil {
			return p, fmt.Errorf("measure %s: %w", k, err)
		}
	}
	for ci, c := range p.Commitments {
		if err := w.saveCommitment(id, ci, c); err != nil {
			return p, fmt.Errorf("commitment %d: %w", ci+1, err)
		}
	}
	return w.reader().project(prog, p.ProgrammeID, id)
}

// ProjectsByCaseRef returns the programme's projects with the case
// references.
func (s *Store) ProjectsByCaseRef(ctx context.Context, programmeID string, refs []string) (map[string]followup.Project, error) {
	out := map[string]followup.Project{}
	err := s.read(ctx, func(r *reader) error {
		prog, err := r.programmeRow(programmeID)
		if err != nil {
			return err
		}
		for _, ref := range refs {
			if _, seen := out[ref]; seen || ref == "" {
				continue
			}
			id, err := r.projectByCaseRef(prog, ref)
			if err != nil {
				return err
			}
			if id == 0 {
				continue
			}
			p, err := r.project(prog, programmeID, id)
			if err != nil {
				return err
			}
			out[ref] = p
		}
		return nil
	})
	return out, wrapPlanErr(err, "projects of %s by case reference", programmeID)
}
