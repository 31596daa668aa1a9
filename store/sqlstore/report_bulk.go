package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"planverk/followup"
	"planverk/plan"
	"planverk/store"
)

// reportBatch is how many reports one INSERT registers: a statement of
// many rows costs PostgreSQL one round trip for all of them, and 64 rows
// of 19 values stay far below either engine's limit on parameters.
const reportBatch = 64

const reportBulkColumns = `kind, period_from, period_from_precision, period_to, period_to_precision, to_year,
	progress, account, spent, jobs_created, jobs_secured, new_businesses, state, comment, submitted_by, submitted_at,
	decided_by, decided_at, updated_at, updated_by, project_id, version`

// AddReports registers many reports of a programme's projects in one
// transaction, in their order. Reports without other results go in
// batches of many rows; one with results alone, for the id its results
// need.
func (s *Store) AddReports(ctx context.Context, programmeID string, reps []followup.Report, e store.Edit) (int, error) {
	for i, rep := range reps {
		if err := rep.Check(); err != nil {
			return 0, plan.Errorf(plan.EInvalid, "report %d: %v", i+1, err)
		}
	}
	now := time.Now().UTC().Truncate(time.Microsecond)
	at := func(t *time.Time) string {
		if t == nil {
			return now.Format(savedAtFormat)
		}
		return t.UTC().Format(savedAtFormat)
	}
	row := func(rep followup.Report) []any {
		var submittedBy, submittedAt, decidedBy, decidedAt any
		if rep.State != followup.ReportDraft {
			submittedBy, submittedAt = nullID(e.Author), at(rep.SubmittedAt)
		}
		if rep.State == followup.ReportAccepted || rep.State == followup.ReportReturned {
			decidedBy, decidedAt = nullID(e.Author), at(rep.DecidedAt)
		}
		comment := rep.Comment
		if rep.State != followup.ReportReturned {
			comment = ""
		}
		return []any{string(rep.Kind), nullDate(&rep.From), precisionOf(&rep.From), nullDate(&rep.To), precisionOf(&rep.To),
			rep.To.Year, string(rep.Progress), rep.Account, nullAmount(rep.Spent), rep.JobsCreated, rep.JobsSecured,
			rep.NewBusinesses, string(rep.State), comment, submittedBy, submittedAt, decidedBy, decidedAt,
			now.Format(savedAtFormat), nullID(e.Author), rep.ProjectID, 1}
	}
	const width = 22
	values := func(n int) string {
		one := "(" + placeholders(width) + ")"
		return strings.TrimSuffix(strings.Repeat(one+", ", n), ", ")
	}
	err := s.write(ctx, func(w *writer) error {
		r := w.reader()
		prog, err := r.programmeRow(programmeID)
		if err != nil {
			return err
		}
		// The programme's projects, read once: every report must be of one.
		own := map[int64]bool{}
		err = r.each(`SELECT id FROM projects WHERE programme_id = ?`, []any{prog}, func(rows *sql.Rows) error {
			var id int64
			err := rows.Scan(&id)
			own[id] = true
			return err
		})
		if err != nil {
			return fmt.Errorf("projects: %w", err)
		}
		var batch []any
		n := 0
		flush := func() error {
			if n == 0 {
				return nil
			}
			if err := w.exec(`INSERT INTO reports (`+reportBulkColumns+`) VALUES `+values(n), batch...); err != nil {
				return fmt.Errorf("reports: %w", err)
			}
			batch, n = batch[:0], 0
			return nil
		}
		for i, rep := range reps {
			if !own[rep.ProjectID] {
				return plan.Errorf(plan.ENotFound, "report %d: programme %q has no project %d", i+1, programmeID, rep.ProjectID)
			}
			if len(rep.Results) == 0 {
				batch = append(batch, row(rep)...)
				if n++; n == reportBatch {
					if err := flush(); err != nil {
						return err
					}
				}
				continue
			}
			// The batch first, so that the reports keep their order.
			if err := flush(); err != nil {
				return err
			}
			id, err := w.insert(`INSERT INTO reports (`+reportBulkColumns+`) VALUES `+values(1), row(rep)...)
			if err != nil {
				return fmt.Errorf("report %d: %w", i+1, err)
			}
			for k, res := range rep.Results {
				if err := w.exec(`INSERT INTO report_results (report_id, position, label, result_count) VALUES (?, ?, ?, ?)`,
					id, k, res.Label, res.Count); err != nil {
					return fmt.Errorf("report %d result %d: %w", i+1, k+1, err)
				}
			}
		}
		return flush()
	})
	if err != nil {
		return 0, wrapPlanErr(err, "add %d reports to %s", len(reps), programmeID)
	}
	return len(reps), nil
}
