package followup

import (
	"math/big"
	"sort"
	"strconv"

	"planverk/plan"
)

// shareTolerance is how far, in parts of one, a commitment's share of the
// budget may lie from the share its decision states before it is a
// finding: half a percentage point, since decisions round the share.
var shareTolerance = big.NewRat(1, 200)

// path names a project, or one of its commitments, in a finding.
func path(p Project, ci int) string {
	s := "project:" + strconv.FormatInt(p.ID, 10)
	if ci >= 0 {
		s += ".commitments[" + strconv.Itoa(ci) + "]"
	}
	return s
}

// CheckProject checks one project's money on its own: that no commitment
// has paid out more than stands of it or released more than it was, and
// that each commitment's support share agrees with the project's budget.
// Every finding names the project and the figures.
func CheckProject(p Project) []plan.Finding {
	var out []plan.Finding
	name := p.Name()
	for ci, c := range p.Commitments {
		at := path(p, ci)
		if c.Released != nil && *c.Released > c.Amount {
			out = append(out, plan.Finding{Rule: "followup-released", Severity: plan.SeverityError, Path: at,
				Message: "followup.finding.released-over",
				Args:    plan.Args{"Project": name, "Released": *c.Released, "Committed": c.Amount}})
		}
		if paid := c.Paid(); paid > c.Standing() {
			out = append(out, plan.Finding{Rule: "followup-paid", Severity: plan.SeverityError, Path: at,
				Message: "followup.finding.paid-over",
				Args:    plan.Args{"Project": name, "Paid": paid, "Committed": c.Standing()}})
		}
		out = append(out, checkShare(p, ci, c)...)
		out = append(out, checkSchedule(p, ci, c)...)
	}
	if p.Budget != nil && p.OwnShare != nil && *p.OwnShare > *p.Budget {
		out = append(out, plan.Finding{Rule: "followup-own-share", Severity: plan.SeverityError, Path: path(p, -1),
			Message: "followup.finding.own-share-over",
			Args:    plan.Args{"Project": name, "OwnShare": *p.OwnShare, "Budget": *p.Budget}})
	}
	if p.Budget != nil {
		var parts plan.Amount
		if p.OwnShare != nil {
			parts += *p.OwnShare
		}
		if p.OtherFinancing != nil {
			parts += *p.OtherFinancing
		}
		if total := parts + p.Committed(); parts > 0 && total > *p.Budget {
			out = append(out, plan.Finding{Rule: "followup-financing", Severity: plan.SeverityWarning, Path: path(p, -1),
				Message: "followup.finding.financing-over",
				Args:    plan.Args{"Project": name, "Financing": total, "Budget": *p.Budget}})
		}
	}
	return out
}

// checkShare compares a commitment with the project's budget: the share
// the decision states against the commitment's part of the budget. This
// is the project's support share, not a share label of the plan's tables.
func checkShare(p Project, ci int, c Commitment) []plan.Finding {
	at, name := path(p, ci), p.Name()
	var out []plan.Finding
	var stated *big.Rat
	if c.Share != "" {
		if r, err := c.Share.Rat(); err == nil {
			stated = r
			if r.Cmp(big.NewRat(1, 1)) > 0 {
				out = append(out, plan.Finding{Rule: "followup-share", Severity: plan.SeverityError, Path: at,
					Message: "followup.finding.share-over-whole",
					Args:    plan.Args{"Project": name, "Share": c.Share}})
			}
		}
	}
	if p.Budget == nil || *p.Budget <= 0 {
		return out
	}
	budget := *p.Budget
	if c.Amount > budget {
		out = append(out, plan.Finding{Rule: "followup-share", Severity: plan.SeverityError, Path: at,
			Message: "followup.finding.over-budget",
			Args:    plan.Args{"Project": name, "Committed": c.Amount, "Budget": budget}})
		return out
	}
	if stated == nil {
		return out
	}
	actual := big.NewRat(int64(c.Amount), int64(budget))
	diff := new(big.Rat).Sub(actual, stated)
	if diff.Abs(diff).Cmp(shareTolerance) > 0 {
		out = append(out, plan.Finding{Rule: "followup-share", Severity: plan.SeverityWarning, Path: at,
			Message: "followup.finding.share-differs",
			Args: plan.Args{"Project": name, "Committed": c.Amount, "Budget": budget,
				"Actual": percent(actual), "Share": c.Share}})
	}
	return out
}

// percent turns a part of one into the percentage i18n.Percent writes.
func percent(r *big.Rat) *big.Rat { return new(big.Rat).Mul(r, big.NewRat(100, 1)) }

// checkSchedule checks a commitment's payments against its payment
// schedule and its deadline: that the schedule adds up to the commitment,
// that by the end of each year a payment was made no more is paid than
// the schedule lets be paid by then, and that nothing was paid after the
// deadline (a deadline of a month or a year runs to its last day).
func checkSchedule(p Project, ci int, c Commitment) []plan.Finding {
	at, name := path(p, ci), p.Name()
	var out []plan.Finding
	if len(c.Schedule) > 0 {
		if sum := c.Scheduled(); sum != c.Amount {
			out = append(out, plan.Finding{Rule: "followup-schedule", Severity: plan.SeverityWarning, Path: at,
				Message: "followup.finding.schedule-sum",
				Args:    plan.Args{"Project": name, "Scheduled": sum, "Committed": c.Amount}})
		}
		paidIn := map[int]plan.Amount{}
		var years []int
		for _, pay := range c.Payments {
			if _, ok := paidIn[pay.Date.Year]; !ok {
				years = append(years, pay.Date.Year)
			}
			paidIn[pay.Date.Year] += pay.Amount
		}
		sort.Ints(years)
		for _, y := range years {
			var paid, allowed plan.Amount
			for py, a := range paidIn {
				if py <= y {
					paid += a
				}
			}
			for _, t := range c.Schedule {
				if t.Year <= y {
					allowed += t.Amount
				}
			}
			if paid > allowed {
				out = append(out, plan.Finding{Rule: "followup-schedule", Severity: plan.SeverityWarning, Path: at,
					Message: "followup.finding.schedule-ahead",
					Args:    plan.Args{"Project": name, "Paid": paid, "Year": y, "Scheduled": allowed}})
			}
		}
	}
	if c.Deadline != nil {
		for _, pay := range c.Payments {
			if pay.Date.Time().After(c.Deadline.Last()) {
				out = append(out, plan.Finding{Rule: "followup-deadline", Severity: plan.SeverityError, Path: at,
					Message: "followup.finding.paid-after-deadline",
					Args:    plan.Args{"Project": name, "Paid": pay.Amount, "Date": pay.Date, "Deadline": *c.Deadline}})
			}
		}
	}
	return out
}
