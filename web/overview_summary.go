package web

import (
	"net/http"

	"planverk/auth"
	"planverk/followup"
	"planverk/plan"
	"planverk/store"
)

// overviewRows reads the rows of a page of the overview from the
// programmes' summaries, in one query whatever the number of programmes.
// A programme whose summary for the person's audience is missing, or was
// computed before its data last changed, is computed from its plans and
// projects as before (overviewSummary), and kept for the next request.
// Every row is made from a summary, kept or just computed, so that both
// print the same.
func (s *Server) overviewRows(r *http.Request, entries []store.DirectoryEntry, places store.ProgrammePlaces) ([]overviewRow, error) {
	ctx := r.Context()
	ids := make([]string, len(entries))
	for i, e := range entries {
		ids[i] = e.Programme.ID
	}
	kept, err := s.store.ProgrammeSummaries(ctx, ids)
	if err != nil {
		return nil, err
	}
	sums := make([]store.ProgrammeSummary, len(entries))
	var stale []int
	var staleIDs []string
	for i, e := range entries {
		sum, ok := kept[e.Programme.ID].Current(audienceOf(r, e.Programme.ID))
		if !ok {
			stale = append(stale, i)
			staleIDs = append(staleIDs, e.Programme.ID)
			continue
		}
		sums[i] = sum
	}
	if len(stale) > 0 {
		// The accepted reports of every stale programme, read at once.
		reports, err := s.store.AcceptedReports(ctx, staleIDs)
		if err != nil {
			return nil, err
		}
		fresh := make([]store.ProgrammeSummary, 0, len(stale))
		for _, i := range stale {
			id := entries[i].Programme.ID
			// The version read before the data: a write that lands
			// between leaves this summary stale, never wrong.
			sum, err := s.overviewSummary(r, id, kept[id].Version, reports[id])
			if err != nil {
				return nil, err
			}
			sums[i] = sum
			fresh = append(fresh, sum)
		}
		// A summary that could not be kept is computed again next time;
		// the page shows what was just computed all the same.
		if err := s.store.SaveProgrammeSummaries(ctx, fresh); err != nil {
			s.log.Warn("the overview's summaries were not kept", "err", err)
		}
	}
	rows := make([]overviewRow, len(entries))
	for i, e := range entries {
		rows[i] = overviewRowOf(e, places[e.Programme.ID], sums[i])
	}
	return rows, nil
}

// audienceOf says whose summary of a programme the person sees: its
// members' (who read every plan's draft and every project) or everyone's.
func audienceOf(r *http.Request, programmeID string) store.Audience {
	if can(r, auth.ViewDraft, auth.Resource{Programme: programmeID}) {
		return store.AudienceMembers
	}
	return store.AudiencePublic
}

// overviewSummary computes a programme's summary for the person's
// audience from its plans and projects as the person may read them, and
// the accepted reports of its projects; version is the programme's data
// version read before them.
func (s *Server) overviewSummary(r *http.Request, id string, version int64, reports store.ReportSet) (store.ProgrammeSummary, error) {
	sum := store.ProgrammeSummary{ProgrammeID: id, Audience: audienceOf(r, id), DataVersion: version}
	b, err := s.followupFor(r, id)
	if plan.ErrorCode(err) == plan.ENotFound {
		return sum, nil
	}
	if err != nil {
		return sum, err
	}
	ps, _, err := s.store.Projects(r.Context(), id, store.ProjectQuery{Public: !b.Member})
	if err != nil {
		return sum, err
	}
	m := followup.ProgrammeMoney(ps, b.Plans)
	b.countSamples(ps)
	sum.Readable, sum.Samples = true, b.Samples
	sum.HasFinanced, sum.Financed, sum.Committed, sum.Paid = m.HasFinanced, m.Financed, m.Committed, m.Paid
	sum.Left, sum.Findings = m.Financed-m.Committed, len(m.Findings)
	for _, t := range ledgerFrom(b.Plans, reports, b.Member).Targets {
		sum.Counted = append(sum.Counted, followup.LedgerTarget{Target: t.Target, Counted: t.Counted, Left: t.Left})
	}
	newest := b.Plans[0]
	for _, t := range newest.Programme.Targets {
		if t.Kind == plan.TargetJobs {
			sum.Jobs = append(sum.Jobs, t)
		}
	}
	for _, t := range newest.Plan.Targets {
		if t.Kind == plan.TargetJobs {
			sum.Jobs = append(sum.Jobs, t)
		}
	}
	return sum, nil
}

// overviewRowOf is a programme's row of the overview from its summary.
func overviewRowOf(e store.DirectoryEntry, numbers []string, sum store.ProgrammeSummary) overviewRow {
	row := overviewRow{Programme: e.Programme, Current: e.Current}
	for _, c := range countiesOf(numbers) {
		row.Counties = append(row.Counties, c.Norwegian)
	}
	if !sum.Readable {
		return row
	}
	row.Money = &followup.Money{HasFinanced: sum.HasFinanced, Financed: sum.Financed, Committed: sum.Committed, Paid: sum.Paid}
	row.Left, row.Findings, row.Samples = sum.Left, sum.Findings, sum.Samples
	row.Jobs, row.Counted = sum.Jobs, sum.Counted
	return row
}
