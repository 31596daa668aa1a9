package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"planverk/followup"
	"planverk/plan"
	"planverk/store"
)

// The programmes' data versions are raised by triggers (migration 00030),
// so that no write path can forget them; this file only reads them and
// keeps the summaries computed from them.

// countedTarget is how a summary keeps the jobs counted against a target:
// without the reports, which the overview does not show.
type countedTarget struct {
	Target  plan.Target `json:"target"`
	Counted int         `json:"counted"`
	Left    int         `json:"left"`
}

// ProgrammeSummaries reads the programmes' data versions and kept
// summaries in one query (store.Summaries).
func (s *Store) ProgrammeSummaries(ctx context.Context, programmeIDs []string) (map[string]store.SummaryRead, error) {
	out := map[string]store.SummaryRead{}
	if len(programmeIDs) == 0 {
		return out, nil
	}
	keys := make([]any, len(programmeIDs))
	for i, id := range programmeIDs {
		keys[i] = id
	}
	err := s.read(ctx, func(r *reader) error {
		return r.each(`
			SELECT g.key, coalesce(v.version, 0), s.audience, s.data_version, s.readable, s.has_financed,
				s.financed, s.committed, s.paid, s.left_to_commit, s.findings, s.samples, s.jobs, s.counted
			FROM programmes g
			LEFT JOIN programme_data_versions v ON v.programme_id = g.id
			LEFT JOIN programme_summaries s ON s.programme_id = g.id
			WHERE g.key IN (`+placeholders(len(keys))+`)`, keys, func(rows *sql.Rows) error {
			var key string
			var version int64
			var audience, jobs, counted sql.NullString
			var dataVersion, financed, committed, paid, left sql.NullInt64
			var readable, hasFinanced, findings, samples sql.NullInt64
			if err := rows.Scan(&key, &version, &audience, &dataVersion, &readable, &hasFinanced,
				&financed, &committed, &paid, &left, &findings, &samples, &jobs, &counted); err != nil {
				return err
			}
			read, ok := out[key]
			if !ok {
				read = store.SummaryRead{Version: version, Stored: map[store.Audience]store.ProgrammeSummary{}}
				out[key] = read
			}
			if !audience.Valid {
				return nil
			}
			sum := store.ProgrammeSummary{ProgrammeID: key, Audience: store.Audience(audience.String),
				DataVersion: dataVersion.Int64, Readable: readable.Int64 == 1, HasFinanced: hasFinanced.Int64 == 1,
				Financed: plan.Amount(financed.Int64), Committed: plan.Amount(committed.Int64), Paid: plan.Amount(paid.Int64),
				Left: plan.Amount(left.Int64), Findings: int(findings.Int64), Samples: int(samples.Int64)}
			if err := json.Unmarshal([]byte(jobs.String), &sum.Jobs); err != nil {
				return fmt.Errorf("jobs targets of %s: %w", key, err)
			}
			if len(sum.Jobs) == 0 {
				sum.Jobs = nil // as computed: no target, no list
			}
			var cs []countedTarget
			if err := json.Unmarshal([]byte(counted.String), &cs); err != nil {
				return fmt.Errorf("jobs counted of %s: %w", key, err)
			}
			for _, c := range cs {
				sum.Counted = append(sum.Counted, followup.LedgerTarget{Target: c.Target, Counted: c.Counted, Left: c.Left})
			}
			read.Stored[sum.Audience] = sum
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read programme summaries: %w", err)
	}
	return out, nil
}

// SaveProgrammeSummaries keeps summaries in one transaction
// (store.Summaries).
func (s *Store) SaveProgrammeSummaries(ctx context.Context, sums []store.ProgrammeSummary) error {
	if len(sums) == 0 {
		return nil
	}
	type encoded struct{ jobs, counted []byte }
	enc := make([]encoded, len(sums))
	for i, sum := range sums {
		if sum.Audience != store.AudiencePublic && sum.Audience != store.AudienceMembers {
			return plan.Errorf(plan.EInvalid, "no audience %q", sum.Audience)
		}
		jobs := sum.Jobs
		if jobs == nil {
			jobs = []plan.Target{}
		}
		cs := []countedTarget{}
		for _, c := range sum.Counted {
			cs = append(cs, countedTarget{Target: c.Target, Counted: c.Counted, Left: c.Left})
		}
		var err error
		if enc[i].jobs, err = json.Marshal(jobs); err != nil {
			return fmt.Errorf("summary of %s: %w", sum.ProgrammeID, err)
		}
		if enc[i].counted, err = json.Marshal(cs); err != nil {
			return fmt.Errorf("summary of %s: %w", sum.ProgrammeID, err)
		}
	}
	now := time.Now().UTC().Truncate(time.Microsecond).Format(savedAtFormat)
	keys := make([]any, len(sums))
	for i, sum := range sums {
		keys[i] = sum.ProgrammeID
	}
	err := s.write(ctx, func(w *writer) error {
		ids := map[string]int64{}
		err := w.reader().each(`SELECT key, id FROM programmes WHERE key IN (`+placeholders(len(keys))+`)`, keys,
			func(rows *sql.Rows) error {
				var key string
				var id int64
				if err := rows.Scan(&key, &id); err != nil {
					return err
				}
				ids[key] = id
				return nil
			})
		if err != nil {
			return err
		}
		for i, sum := range sums {
			id, ok := ids[sum.ProgrammeID]
			if !ok {
				continue
			}
			// The WHERE of the update keeps a summary of a later version
			// that a concurrent request stored meanwhile.
			err := w.exec(`
				INSERT INTO programme_summaries (programme_id, audience, data_version, readable, has_financed,
					financed, committed, paid, left_to_commit, findings, samples, jobs, counted, computed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (programme_id, audience) DO UPDATE SET
					data_version = excluded.data_version, readable = excluded.readable,
					has_financed = excluded.has_financed, financed = excluded.financed,
					committed = excluded.committed, paid = excluded.paid, left_to_commit = excluded.left_to_commit,
					findings = excluded.findings, samples = excluded.samples, jobs = excluded.jobs,
					counted = excluded.counted, computed_at = excluded.computed_at
				WHERE programme_summaries.data_version <= excluded.data_version`,
				id, string(sum.Audience), sum.DataVersion, boolInt(sum.Readable), boolInt(sum.HasFinanced),
				int64(sum.Financed), int64(sum.Committed), int64(sum.Paid), int64(sum.Left), sum.Findings, sum.Samples,
				string(enc[i].jobs), string(enc[i].counted), now)
			if err != nil {
				return fmt.Errorf("summary of %s: %w", sum.ProgrammeID, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("save programme summaries: %w", err)
	}
	return nil
}

// boolInt is a flag as the schema keeps it: 1 or 0.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
