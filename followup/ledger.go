package followup

import (
	"slices"

	"planverk/plan"
)

// The job ledger counts the gross jobs the projects' managers report
// against every jobs target of the programme's plans: a year's target
// ("31 in 2025") and one over the period ("150 over 2022–27").
//
// Only accepted reports count: a draft or a report still before the
// programme is the manager's word, not yet the programme's. And only the
// reports of projects the programme supports count, those with a grant
// commitment still standing, since a plan counts the jobs its support of
// individual projects brought, not every job a project it never funded
// reported. A report's jobs count in the year its period ends, so that a
// report that runs over New Year counts once.

// Ledger is the job ledger of a programme.
type Ledger struct {
	// Targets are the programme's jobs targets, each with what counts
	// towards it.
	Targets []LedgerTarget
	// Years are the gross jobs per year, the years with a counted report
	// or a year's target, in order.
	Years []LedgerYear
	// Reports are the reports that count, in the order of their periods.
	Reports []Report
	// Created, Secured and Jobs are the sums over every report that
	// counts.
	Created, Secured, Jobs int
}

// LedgerTarget is a jobs target and the jobs counted towards it.
type LedgerTarget struct {
	Target plan.Target
	// Counted are the gross jobs of the reports in the target's year or
	// period; Left what is left to reach it, nought where reached.
	Counted, Left int
	// Reports are the reports that count towards the target.
	Reports []Report
}

// LedgerYear is a year's gross jobs.
type LedgerYear struct {
	Year             int
	Created, Secured int
	// Target is the year's jobs target, nil for none.
	Target *plan.Target
}

// Jobs is the year's gross jobs.
func (y LedgerYear) Jobs() int { return y.Created + y.Secured }

// JobTargets are every jobs target of a programme's plans, newest plan
// first: the targets over the period the newest plan gives, and each
// year's target as that year's plan gives it (a newer plan's target for a
// year wins over an older one's).
func JobTargets(plans []*plan.File) []plan.Target {
	var out []plan.Target
	if len(plans) == 0 {
		return nil
	}
	for _, t := range plans[0].Programme.Targets {
		if t.Kind == plan.TargetJobs {
			out = append(out, t)
		}
	}
	years := map[int]bool{}
	for _, f := range plans {
		for _, t := range f.Plan.Targets {
			if t.Kind != plan.TargetJobs {
				continue
			}
			if t.Period == nil && t.Year == 0 {
				// A plan's target without a year is the plan's year's.
				t.Year = f.Plan.Year
			}
			if t.Period == nil && years[t.Year] {
				continue
			}
			years[t.Year] = true
			out = append(out, t)
		}
	}
	return out
}

// SupportedProjects are the projects the programme supports: those with a
// grant commitment still standing (not released whole).
func SupportedProjects(ps []Project) map[int64]bool {
	out := map[int64]bool{}
	for _, p := range ps {
		for _, c := range p.Commitments {
			if c.Standing() > 0 {
				out[p.ID] = true
			}
		}
	}
	return out
}

// Counts reports whether the report counts in the job ledger: it is
// accepted, and its project is one the programme supports.
func Counts(r Report, supported map[int64]bool) bool {
	return r.State == ReportAccepted && supported[r.ProjectID]
}

// NewLedger computes the job ledger from the jobs targets and the reports
// of a programme's projects, with the projects the programme supports.
func NewLedger(targets []plan.Target, reports []Report, supported map[int64]bool) Ledger {
	var l Ledger
	years := map[int]*LedgerYear{}
	year := func(y int) *LedgerYear {
		if years[y] == nil {
			years[y] = &LedgerYear{Year: y}
		}
		return years[y]
	}
	for _, r := range reports {
		if !Counts(r, supported) {
			continue
		}
		l.Reports = append(l.Reports, r)
		l.Created += r.JobsCreated
		l.Secured += r.JobsSecured
		y := year(r.Year())
		y.Created += r.JobsCreated
		y.Secured += r.JobsSecured
	}
	l.Jobs = l.Created + l.Secured
	for _, t := range targets {
		lt := LedgerTarget{Target: t}
		for _, r := range l.Reports {
			if inTarget(t, r.Year()) {
				lt.Counted += r.Jobs()
				lt.Reports = append(lt.Reports, r)
			}
		}
		lt.Left = max(int(t.Value)-lt.Counted, 0)
		l.Targets = append(l.Targets, lt)
		if t.Period == nil && t.Year != 0 {
			y := year(t.Year)
			if y.Target == nil {
				tt := t
				y.Target = &tt
			}
		}
	}
	for _, y := range years {
		l.Years = append(l.Years, *y)
	}
	slices.SortFunc(l.Years, func(a, b LedgerYear) int { return a.Year - b.Year })
	return l
}

// inTarget reports whether jobs counted in a year count towards the
// target: the target's year, a year of its period, or any year for a
// target with neither.
func inTarget(t plan.Target, year int) bool {
	switch {
	case t.Period != nil:
		return t.Period.Contains(year)
	case t.Year != 0:
		return t.Year == year
	}
	return true
}
