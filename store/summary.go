package store

import (
	"context"

	"planverk/followup"
	"planverk/plan"
)

// Audience is who a programme's summary is computed for: what the
// programme shows everyone, or what its members see.
type Audience string

// The audiences.
const (
	// AudiencePublic sees the published plans' releases and the public
	// projects, and the jobs of their accepted reports.
	AudiencePublic Audience = "public"
	// AudienceMembers see every plan's working draft and every project.
	AudienceMembers Audience = "members"
)

// ProgrammeSummary is what the overview of programmes shows of one
// programme's money and jobs for one audience, computed from the
// programme's data as it was at DataVersion.
type ProgrammeSummary struct {
	ProgrammeID string
	Audience    Audience
	// DataVersion is the programme's data version the summary was computed
	// from (ProgrammeSummaries), read before the data itself.
	DataVersion int64
	// Readable is false where the audience may read no plan of the
	// programme; the summary then holds nothing else.
	Readable    bool
	HasFinanced bool
	Financed    plan.Amount
	Committed   plan.Amount
	Paid        plan.Amount
	// Left is what is left to commit of what is financed.
	Left plan.Amount
	// Findings counts what the money's checks found, Samples the projects
	// in the money that are sample data.
	Findings, Samples int
	// Jobs are the jobs targets of the programme's period and of its
	// newest plan's year.
	Jobs []plan.Target
	// Counted are the jobs counted against each jobs target, without the
	// reports that count (LedgerTarget.Reports is not kept).
	Counted []followup.LedgerTarget
}

// SummaryRead is what the store holds of one programme's summaries.
type SummaryRead struct {
	// Version is the programme's data version now: every write to what a
	// summary is computed from raises it, in the write's transaction.
	Version int64
	// Stored are the summaries kept, by audience, whatever version they
	// were computed from; one whose DataVersion is not Version is stale.
	Stored map[Audience]ProgrammeSummary
}

// Current returns the programme's summary for an audience if one is kept
// that was computed from the programme's data as it is now.
func (s SummaryRead) Current(a Audience) (ProgrammeSummary, bool) {
	sum, ok := s.Stored[a]
	return sum, ok && sum.DataVersion == s.Version
}

// Summaries keeps the overview's summaries of programmes. The store keeps
// each programme's data version current with every write (programmes and
// their targets, plans, releases, publication, steps, projects,
// commitments, payments, tranches, reports); the summaries themselves are
// computed by the caller, who knows what each audience may read.
type Summaries interface {
	// ProgrammeSummaries reads the data versions and the kept summaries of
	// several programmes, by programme key, in one query; an unknown
	// programme is left out.
	ProgrammeSummaries(ctx context.Context, programmeIDs []string) (map[string]SummaryRead, error)
	// SaveProgrammeSummaries keeps summaries in one transaction, each in
	// place of the one for its programme and audience unless that one was
	// computed from a later data version. A programme since deleted is
	// passed over.
	SaveProgrammeSummaries(ctx context.Context, sums []ProgrammeSummary) error
}
