package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"planverk/followup"
	"planverk/plan"
	"planverk/store"
)

// reporting is a stored project whose manager reports on it.
type reporting struct {
	id       int64
	from, to plan.Date
	status   followup.Status
	budget   plan.Amount
}

// Of every hundred reports whose period has ended, how many the programme
// has accepted, how many wait for it, how many it returned, and (the
// rest) how many are still drafts; a report of a period not yet ended is
// a draft.
const (
	acceptedOf100  = 82
	submittedOf100 = 8
	returnedOf100  = 5
)

// Gross jobs a report counts, drawn evenly: mostly none or one, now and
// then two or three.
var (
	jobsCreated = []int{0, 0, 0, 0, 1, 1, 2, 3}
	jobsSecured = []int{0, 0, 0, 1, 1, 2}
)

// storeReports makes the programme's reports, spread over the projects
// that report (granted, under way or finished; every project where none
// is), and stores them in one transaction: interim reports over
// consecutive parts of each project's period up to today, the last a
// final one for a finished project.
func (p *programme) storeReports(ctx context.Context, s store.Store, projects []reporting, res *Result) error {
	if p.reports == 0 || len(projects) == 0 {
		return nil
	}
	var with []reporting
	for _, pr := range projects {
		if pr.status == followup.StatusGranted || pr.status == followup.StatusUnderway || pr.status == followup.StatusFinished {
			with = append(with, pr)
		}
	}
	if len(with) == 0 {
		with = projects
	}
	r := rand.New(rand.NewPCG(p.o.Seed, uint64(p.n)<<32|2))
	// Whole days from today's midnight, so that the same seed, sizes and
	// day make the same reports whatever the time of day.
	y, m, d := p.o.Today.Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	reps := make([]followup.Report, 0, p.reports)
	// Each project's reports are as many as its share of the days the
	// projects have run until today (a month at least), so that their
	// periods are about as long in every project; cumulative rounding
	// makes the sum come out at the programme's reports.
	spans := make([]int, len(with))
	all := 0
	for i, pr := range with {
		end := pr.to.Time()
		if end.After(today) {
			end = today
		}
		spans[i] = max(int(end.Sub(pr.from.Time()).Hours()/24), 30)
		all += spans[i]
	}
	sofar, given := 0, 0
	for i, pr := range with {
		sofar += spans[i]
		upto := (p.reports*sofar + all/2) / all
		if i == len(with)-1 {
			upto = p.reports
		}
		n := upto - given
		given = upto
		if n <= 0 {
			continue
		}
		start := pr.from.Time()
		for k := range n {
			from := start.AddDate(0, 0, k*spans[i]/n)
			to := start.AddDate(0, 0, (k+1)*spans[i]/n-1)
			if to.Before(from) {
				to = from
			}
			rep := followup.Report{ProgrammeID: p.id(), ProjectID: pr.id, Kind: followup.ReportInterim,
				From: dayOf(from), To: dayOf(to), Progress: followup.ProgressOnTrack,
				Account:     fmt.Sprintf("Syntetisk rapport %d for perioden: arbeidet går som planlagt.", k+1),
				JobsCreated: jobsCreated[r.IntN(len(jobsCreated))], JobsSecured: jobsSecured[r.IntN(len(jobsSecured))]}
			if k == n-1 && pr.status == followup.StatusFinished {
				rep.Kind = followup.ReportFinal
			}
			switch x := r.IntN(10); {
			case x == 0:
				rep.Progress, rep.Account = followup.ProgressDelayed, fmt.Sprintf("Syntetisk rapport %d: forsinket oppstart.", k+1)
			case x == 1 && k == n-1 && pr.status != followup.StatusFinished:
				rep.Progress = followup.ProgressStopped
			}
			if r.IntN(10) == 0 {
				rep.NewBusinesses = 1
			}
			spent := pr.budget / plan.Amount(n) / 1000 * 1000
			rep.Spent = &spent
			submitted := to.AddDate(0, 0, 10+r.IntN(20)).Add(time.Duration(8+r.IntN(8)) * time.Hour)
			decided := submitted.AddDate(0, 0, 7+r.IntN(21))
			if decided.After(today) {
				decided = today
			}
			if submitted.After(today) {
				submitted = today
			}
			rep.SubmittedAt, rep.DecidedAt = &submitted, &decided
			switch x := r.IntN(100); {
			case !to.Before(today):
				rep.State = followup.ReportDraft
			case x < acceptedOf100:
				rep.State = followup.ReportAccepted
			case x < acceptedOf100+submittedOf100:
				rep.State = followup.ReportSubmitted
			case x < acceptedOf100+submittedOf100+returnedOf100:
				rep.State, rep.Comment = followup.ReportReturned, "Regnskapet for perioden mangler (syntetisk)."
			default:
				rep.State = followup.ReportDraft
			}
			if rep.State == followup.ReportAccepted {
				res.Accepted++
				res.AcceptedJobs += rep.Jobs()
			}
			reps = append(reps, rep)
		}
	}
	n, err := s.AddReports(ctx, p.id(), reps, store.Edit{Summary: "synthetic reports"})
	if err != nil {
		return fmt.Errorf("reports: %w", err)
	}
	res.Reports += n
	return nil
}

func dayOf(t time.Time) plan.Date {
	return plan.Date{Year: t.Year(), Month: t.Month(), Day: t.Day(), Precision: plan.PrecisionDay}
}
