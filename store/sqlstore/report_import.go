package sqlstore

import (
	"context"
	"fmt"
	"time"

	"planverk/followup"
	"planverk/plan"
	"planverk/store"
)

// ImportReports stores an import's reports in one transaction.
func (s *Store) ImportReports(ctx context.Context, programmeID string, rs []followup.Report, e store.Edit) ([]store.ImportedReport, error) {
	for i, rep := range rs {
		if err := rep.Check(); err != nil {
			return nil, plan.Errorf(plan.EInvalid, "imported report %d: %v", i+1, err)
		}
		if rep.State != followup.ReportSubmitted && rep.State != followup.ReportAccepted {
			return nil, plan.Errorf(plan.EInvalid, "imported report %d is %s, not submitted or accepted", i+1, rep.State)
		}
	}
	now := time.Now().UTC().Truncate(time.Microsecond).Format(savedAtFormat)
	var out []store.ImportedReport
	err := s.write(ctx, func(w *writer) error {
		out = out[:0]
		r := w.reader()
		stored := map[int64][]followup.Report{}
		for i, rep := range rs {
			if _, ok := stored[rep.ProjectID]; !ok {
				if _, err := r.projectRow(programmeID, rep.ProjectID); err != nil {
					return err
				}
				got, err := r.reports(programmeID, `WHERE r.project_id = ?`, rep.ProjectID)
				if err != nil {
					return err
				}
				stored[rep.ProjectID] = got
			}
			match := followup.MatchReport(stored[rep.ProjectID], rep)
			outcome := followup.ReportImportOutcome(match, rep)
			id, err := w.importReport(match, rep, outcome, e, now)
			if err != nil {
				return fmt.Errorf("report %d of project %d: %w", i+1, rep.ProjectID, err)
			}
			saved, err := r.report(programmeID, rep.ProjectID, id)
			if err != nil {
				return err
			}
			if match == nil {
				// A second row of the same report in the file matches the
				// first's.
				stored[rep.ProjectID] = append(stored[rep.ProjectID], saved)
			} else {
				*match = saved
			}
			out = append(out, store.ImportedReport{Report: saved, Outcome: outcome})
		}
		return nil
	})
	if err != nil {
		return nil, wrapPlanErr(err, "import reports of %s", programmeID)
	}
	return out, nil
}

// importReport writes one imported report: registered, its stored match
// replaced, or, unchanged, left alone. Who submitted and who decided are
// the importer, now, where the file makes the report submitted or
// accepted and it was not before.
func (w *writer) importReport(match *followup.Report, rep followup.Report, outcome string, e store.Edit, now string) (int64, error) {
	if outcome == followup.ReportImportUnchanged {
		return match.ID, nil
	}
	cols := []any{string(rep.Kind), nullDate(&rep.From), precisionOf(&rep.From), nullDate(&rep.To), precisionOf(&rep.To),
		rep.To.Year, string(rep.Progress), rep.Account, nullAmount(rep.Spent), rep.JobsCreated, rep.JobsSecured,
		rep.NewBusinesses, string(rep.State), now, nullID(e.Author)}
	var decidedBy, decidedAt any
	if rep.State == followup.ReportAccepted {
		decidedBy, decidedAt = nullID(e.Author), now
	}
	if match == nil {
		id, err := w.insert(`
			INSERT INTO reports (kind, period_from, period_from_precision, period_to, period_to_precision, to_year,
				progress, account, spent, jobs_created, jobs_secured, new_businesses, state, updated_at, updated_by,
				submitted_by, submitted_at, decided_by, decided_at, project_id, version)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
			append(cols, nullID(e.Author), now, decidedBy, decidedAt, rep.ProjectID)...)
		if err != nil {
			return 0, fmt.Errorf("report: %w", err)
		}
		return id, nil
	}
	set := ""
	if match.State != rep.State {
		// A report the file moves on gets its new submitter or decider;
		// one it leaves in its state keeps who they were.
		set = `, submitted_by = ?, submitted_at = ?, decided_by = ?, decided_at = ?`
		cols = append(cols, nullID(e.Author), now, decidedBy, decidedAt)
	}
	err := w.exec(`
		UPDATE reports SET kind = ?, period_from = ?, period_from_precision = ?, period_to = ?, period_to_precision = ?,
			to_year = ?, progress = ?, account = ?, spent = ?, jobs_created = ?, jobs_secured = ?, new_businesses = ?,
			state = ?, updated_at = ?, updated_by = ?`+set+`, version = version + 1
		WHERE id = ? AND project_id = ?`, append(cols, match.ID, rep.ProjectID)...)
	if err != nil {
		return 0, fmt.Errorf("report %d: %w", match.ID, err)
	}
	return match.ID, nil
}
