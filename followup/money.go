package followup

import (
	"math/big"
	"sort"

	"planverk/plan"
)

// Money is a programme's money as followed through the years: committed,
// paid and left, per goal and per funding source and year, with what the
// plans approved beside it, and the findings of comparing them.
type Money struct {
	Goals []GoalMoney
	// Unplaced is the money committed to projects whose main measure no
	// plan has (or that serve no measure), counted under no goal.
	Unplaced        Sum
	Sources         []SourceYear
	Committed, Paid plan.Amount
	Financed        plan.Amount
	HasFinanced     bool
	Findings        []plan.Finding
}

// Sum is money committed and paid.
type Sum struct{ Committed, Paid plan.Amount }

// GoalMoney is the money of one goal of the latest plan.
type GoalMoney struct {
	Number int
	Name   string
	Title  string
	// Weight is the goal's weight as the plan writes it; Allotment that
	// weight of all the financing the plans approve, nil without either.
	Weight    plan.Share
	Allotment *plan.Amount
	// Budget is the sum of the plan's budget lines for the goal, nil
	// where no line funds it.
	Budget *plan.Amount
	Sum
	// Part is the goal's part of all money committed, in percent; nil
	// while nothing is committed.
	Part *big.Rat
}

// Left is what is left to commit against the goal's budget, or else its
// allotment; nil where the goal has neither.
func (g GoalMoney) Left() *plan.Amount {
	switch {
	case g.Budget != nil:
		return (*g.Budget - g.Committed).Ptr()
	case g.Allotment != nil:
		return (*g.Allotment - g.Committed).Ptr()
	}
	return nil
}

// SourceYear is the money of one funding source in one year: what the
// year's financing table approves, what is committed by decisions of the
// year and what is paid in it.
type SourceYear struct {
	Source, SourceName string
	// Year is 0 for commitments without a decision date.
	Year int
	// Financed is the source's money in the year's financing tables, nil
	// where no table gives an amount for it.
	Financed *plan.Amount
	Sum
}

// Left is what is left to commit of the source's money in the year.
func (s SourceYear) Left() *plan.Amount {
	if s.Financed == nil {
		return nil
	}
	return (*s.Financed - s.Committed).Ptr()
}

// ProgrammeMoney computes a programme's money from its projects and its
// plans (one file per year, any order) and checks it: each project on
// its own (CheckProject), the money committed per goal against the
// goal's budget and its weight of the financing, and the money committed
// per source and year against the year's financing tables.
//
// A commitment counts towards the goal of its project's main measure (the
// first it serves), found by the measure's lasting identity in the latest
// plan that has it, or else towards the goal the project names, and
// towards the year of its decision; a payment
// towards the year it was made.
func ProgrammeMoney(projects []Project, plans []*plan.File) Money {
	var m Money
	sorted := append([]*plan.File(nil), plans...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Plan.Year > sorted[j].Plan.Year })
	var latest *plan.File
	if len(sorted) > 0 {
		latest = sorted[0]
	}
	names := map[string]string{}
	for _, f := range sorted {
		for _, s := range f.Plan.Sources {
			if names[s.ID] == "" {
				names[s.ID] = s.Name
			}
		}
	}

	// What the plans approve, per source and year.
	type key struct {
		source string
		year   int
	}
	cells := map[key]*SourceYear{}
	cell := func(src string, year int) *SourceYear {
		k := key{src, year}
		if c, ok := cells[k]; ok {
			return c
		}
		name := names[src]
		if name == "" {
			name = src
		}
		c := &SourceYear{Source: src, SourceName: name, Year: year}
		cells[k] = c
		return c
	}
	for _, f := range sorted {
		for fi := range f.Plan.Financing {
			t := &f.Plan.Financing[fi]
			// A table over a span of years says nothing of each year.
			if t.Years != nil || t.Year == 0 {
				continue
			}
			for _, src := range t.Sources {
				known := false
				for _, r := range t.Rows {
					for _, c := range r.Cells {
						known = known || c.Source == src && c.Amount != nil
					}
				}
				if !known {
					continue
				}
				c := cell(src, t.Year)
				if c.Financed == nil {
					c.Financed = new(plan.Amount)
				}
				*c.Financed += t.SourceTotal(src)
				m.Financed += t.SourceTotal(src)
				m.HasFinanced = true
			}
		}
	}

	// The goals of the latest plan.
	goalAt := map[int]int{}
	if latest != nil {
		for _, g := range latest.Plan.Goals {
			gm := GoalMoney{Number: g.Number, Name: g.Name(), Title: g.Title, Weight: g.Weight}
			gm.Budget = goalBudget(latest, g.Number)
			if w, err := g.Weight.Rat(); err == nil && g.Weight != "" && m.HasFinanced {
				a, _ := new(big.Rat).Mul(w, new(big.Rat).SetInt64(int64(m.Financed))).Float64()
				gm.Allotment = plan.Amount(int64(a)).Ptr()
			}
			goalAt[g.Number] = len(m.Goals)
			m.Goals = append(m.Goals, gm)
		}
	}
	goalOf := func(p Project) (int, bool) {
		if len(p.Measures) == 0 {
			i, ok := goalAt[p.Goal]
			return i, ok && p.Goal != 0
		}
		for _, f := range sorted {
			if g, ms := f.Plan.FindMeasureByID(p.Measures[0]); ms != nil && g != nil {
				i, ok := goalAt[g.Number]
				return i, ok
			}
		}
		return 0, false
	}

	for _, p := range projects {
		m.Findings = append(m.Findings, CheckProject(p)...)
		gi, placed := goalOf(p)
		for _, c := range p.Commitments {
			year := 0
			if c.Decided != nil {
				year = c.Decided.Year
			}
			standing, paid := c.Standing(), c.Paid()
			m.Committed += standing
			m.Paid += paid
			if placed {
				m.Goals[gi].Committed += standing
				m.Goals[gi].Paid += paid
			} else {
				m.Unplaced.Committed += standing
				m.Unplaced.Paid += paid
			}
			cell(c.Source, year).Committed += standing
			for _, pay := range c.Payments {
				cell(c.Source, pay.Date.Year).Paid += pay.Amount
			}
		}
	}

	for i := range m.Goals {
		g := &m.Goals[i]
		if m.Committed > 0 {
			g.Part = percent(big.NewRat(int64(g.Committed), int64(m.Committed)))
		}
		if g.Budget != nil && g.Committed > *g.Budget {
			m.Findings = append(m.Findings, plan.Finding{Rule: "followup-goal", Severity: plan.SeverityError,
				Path: "goal:" + g.Name, Message: "followup.finding.goal-over-budget",
				Args: plan.Args{"Goal": g.Name + " " + g.Title, "Committed": g.Committed, "Budget": *g.Budget}})
		}
		if g.Allotment != nil && g.Committed > *g.Allotment {
			m.Findings = append(m.Findings, plan.Finding{Rule: "followup-goal", Severity: plan.SeverityWarning,
				Path: "goal:" + g.Name, Message: "followup.finding.goal-over-weight",
				Args: plan.Args{"Goal": g.Name + " " + g.Title, "Committed": g.Committed, "Weight": g.Weight,
					"Allotment": *g.Allotment, "Financed": m.Financed}})
		}
	}

	for _, c := range cells {
		m.Sources = append(m.Sources, *c)
	}
	sort.Slice(m.Sources, func(i, j int) bool {
		a, b := m.Sources[i], m.Sources[j]
		if a.SourceName != b.SourceName {
			return a.SourceName < b.SourceName
		}
		return a.Year < b.Year
	})
	for _, s := range m.Sources {
		switch {
		case s.Year == 0 && s.Committed > 0:
			m.Findings = append(m.Findings, plan.Finding{Rule: "followup-source", Severity: plan.SeverityWarning,
				Path: "source:" + s.Source, Message: "followup.finding.undated",
				Args: plan.Args{"Source": s.SourceName, "Committed": s.Committed}})
		case s.Financed == nil && s.Committed > 0:
			m.Findings = append(m.Findings, plan.Finding{Rule: "followup-source", Severity: plan.SeverityError,
				Path: "source:" + s.Source, Message: "followup.finding.source-unfinanced",
				Args: plan.Args{"Source": s.SourceName, "Year": s.Year, "Committed": s.Committed}})
		case s.Financed != nil && s.Committed > *s.Financed:
			m.Findings = append(m.Findings, plan.Finding{Rule: "followup-source", Severity: plan.SeverityError,
				Path: "source:" + s.Source, Message: "followup.finding.source-over",
				Args: plan.Args{"Source": s.SourceName, "Year": s.Year, "Committed": s.Committed, "Financed": *s.Financed}})
		}
	}
	return m
}

// goalBudget sums the plan's budget lines that fund the goal, taking each
// year from the first budget that has it, so that a period budget and a
// year budget of the same plan do not count one year twice.
func goalBudget(f *plan.File, goal int) *plan.Amount {
	if goal == 0 {
		return nil
	}
	seen := map[int]bool{}
	var sum plan.Amount
	found := false
	for _, b := range f.Plan.Budgets {
		if len(b.Covers) > 0 {
			continue
		}
		var years []int
		for _, y := range b.Years {
			if !seen[y] {
				years = append(years, y)
			}
		}
		for _, l := range b.Lines {
			if l.Goal != goal {
				continue
			}
			for _, y := range years {
				if a, ok := l.Amounts[y]; ok {
					sum += a
					found = true
				}
			}
		}
		for _, y := range years {
			seen[y] = true
		}
	}
	if !found {
		return nil
	}
	return &sum
}
