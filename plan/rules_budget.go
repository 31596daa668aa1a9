package plan

import (
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"
)

func (c *checker) checkBudgets() {
	for bi := range c.f.Plan.Budgets {
		b := &c.f.Plan.Budgets[bi]
		bp := fmt.Sprintf("plan.budgets[%d]", bi)
		c.checkID(bp+".id", b.ID)
		c.required(bp+".title", strings.TrimSpace(b.Title) == "")
		c.required(bp+".years", len(b.Years) == 0)
		for i, s := range b.Covers {
			c.sourceRef(fmt.Sprintf("%s.covers[%d]", bp, i), s)
		}
		period := c.f.Programme.Period
		for i, y := range b.Years {
			if period.From != 0 && !period.Contains(y) {
				c.add("budget-years", SeverityWarning, fmt.Sprintf("%s.years[%d]", bp, i), "rule.budget-year-period",
					period.args(Args{"Year": y}))
			}
		}
		lineIDs := map[string]bool{}
		for li, l := range b.Lines {
			lp := fmt.Sprintf("%s.lines[%d]", bp, li)
			c.checkID(lp+".id", l.ID)
			if lineIDs[l.ID] && l.ID != "" {
				c.add("duplicate-id", SeverityError, lp+".id", "rule.duplicate-id", Args{"ID": l.ID})
			}
			lineIDs[l.ID] = true
			c.required(lp+".label", strings.TrimSpace(l.Label) == "")
			enum(c, lp+".kind", l.Kind, AmountKinds)
			if l.Goal != 0 {
				c.goalRef(lp+".goal", l.Goal)
			}
			for y := range l.Amounts {
				if !slices.Contains(b.Years, y) {
					c.add("budget-years", SeverityError, fmt.Sprintf("%s.amounts.%d", lp, y), "rule.budget-year-column",
						Args{"Year": y, "Years": intList(b.Years)})
				}
			}
		}
		if b.Printed != nil {
			for y := range b.Printed.Years {
				if !slices.Contains(b.Years, y) {
					c.add("budget-years", SeverityError, fmt.Sprintf("%s.printed.years.%d", bp, y), "rule.budget-year-column",
						Args{"Year": y, "Years": intList(b.Years)})
				}
			}
		}
		c.checkGrid(budgetGrid(bp, b))
		c.checkWeightsBudget(bp, b)
		c.checkFootnotes(bp, b.Footnotes, budgetMarks(bp, b))
	}
	c.checkWeights()
}

// budgetGrid lays a budget out as the printed table: lines by years, with
// the line totals as the total column and the SUM row below.
func budgetGrid(bp string, b *Budget) *grid {
	g := &grid{rule: "budget-sum"}
	for _, y := range b.Years {
		g.colLabel = append(g.colLabel, strconv.Itoa(y))
		var t *gridValue
		if b.Printed != nil {
			if a, ok := b.Printed.Years[y]; ok {
				t = &gridValue{int64(a), fmt.Sprintf("%s.printed.years.%d", bp, y)}
			}
		}
		g.colTotal = append(g.colTotal, t)
	}
	for li, l := range b.Lines {
		lp := fmt.Sprintf("%s.lines[%d]", bp, li)
		g.rowLabel = append(g.rowLabel, lineLabel(l))
		row := make([]gridCell, len(b.Years))
		for yi, y := range b.Years {
			a, ok := l.Amounts[y]
			row[yi] = gridCell{present: ok, known: ok, amount: int64(a), path: fmt.Sprintf("%s.amounts.%d", lp, y), kind: l.Kind}
		}
		g.cells = append(g.cells, row)
		var t *gridValue
		if l.PrintedTotal != nil {
			t = &gridValue{int64(*l.PrintedTotal), lp + ".printed_total"}
		}
		g.rowTotal = append(g.rowTotal, t)
	}
	if b.Printed != nil && b.Printed.Total != nil {
		g.grand = &gridValue{int64(*b.Printed.Total), bp + ".printed.total"}
	}
	return g
}

func lineLabel(l BudgetLine) string {
	if l.Number != "" {
		return l.Number + " " + l.Label
	}
	return l.Label
}

func intList(ys []int) []string {
	out := make([]string, len(ys))
	for i, y := range ys {
		out[i] = strconv.Itoa(y)
	}
	return out
}

// checkWeights checks that the goals' weights, where the plan gives them,
// add up to exactly one whole.
func (c *checker) checkWeights() {
	sum := new(big.Rat)
	weighted := 0
	var missing []int
	for gi, g := range c.f.Plan.Goals {
		if g.Weight == "" {
			missing = append(missing, gi)
			continue
		}
		r, err := g.Weight.Rat()
		if err != nil {
			continue // reported when the file was read
		}
		weighted++
		sum.Add(sum, r)
	}
	if weighted == 0 {
		return
	}
	for _, gi := range missing {
		c.add("weights-sum", SeverityError, fmt.Sprintf("plan.goals[%d]", gi), "rule.weight-missing",
			Args{"Number": c.f.Plan.Goals[gi].Number})
	}
	if sum.Cmp(big.NewRat(1, 1)) != 0 {
		var rel []Related
		for gi, g := range c.f.Plan.Goals {
			if g.Weight != "" {
				rel = append(rel, Related{Path: fmt.Sprintf("plan.goals[%d].weight", gi), Message: "sum.related-addend"})
			}
		}
		c.add("weights-sum", SeverityError, "plan.goals", "rule.weights-sum", Args{"Sum": Percent(sum)}, rel...)
	}
}

// checkWeightsBudget compares each goal's share of a budget with its weight.
// Only lines that fund a goal count: project management and other lines
// without a goal stand outside the weights.
func (c *checker) checkWeightsBudget(bp string, b *Budget) {
	perGoal := map[int]int64{}
	var total int64
	for _, l := range b.Lines {
		if l.Goal == 0 {
			continue
		}
		for _, a := range l.Amounts {
			perGoal[l.Goal] += int64(a)
			total += int64(a)
		}
	}
	if total == 0 {
		return
	}
	tol := DefaultWeightTolerance
	if ch := c.f.Plan.Checks; ch != nil && ch.WeightTolerance != nil {
		if r, err := ch.WeightTolerance.Rat(); err == nil {
			tol = r
		}
	}
	for gi, g := range c.f.Plan.Goals {
		if g.Weight == "" {
			continue
		}
		w, err := g.Weight.Rat()
		if err != nil {
			continue
		}
		share := big.NewRat(perGoal[g.Number], total)
		dev := new(big.Rat).Sub(share, w)
		if dev.Abs(dev).Cmp(tol) > 0 {
			path := fmt.Sprintf("plan.goals[%d].weight", gi)
			for li, l := range b.Lines {
				if l.Goal == g.Number {
					path = fmt.Sprintf("%s.lines[%d]", bp, li)
					if l.PrintedTotal != nil {
						path += ".printed_total"
					}
					break
				}
			}
			c.add("weights-budget", SeverityWarning, path, "rule.weights-budget", Args{
				"Goal": g.Number, "Amount": Amount(perGoal[g.Number]), "Total": Amount(total),
				"Share": Percent(share), "Weight": g.Weight, "Tolerance": Percent(tol)},
				Related{Path: fmt.Sprintf("plan.goals[%d].weight", gi), Message: "rule.related-weight"})
		}
	}
}

func budgetMarks(bp string, b *Budget) map[string][]string {
	marks := map[string][]string{}
	for li, l := range b.Lines {
		if l.Mark != "" {
			marks[l.Mark] = append(marks[l.Mark], fmt.Sprintf("%s.lines[%d].mark", bp, li))
		}
	}
	if b.Printed != nil && b.Printed.Mark != "" {
		marks[b.Printed.Mark] = append(marks[b.Printed.Mark], bp+".printed.mark")
	}
	return marks
}

// checkFootnotes checks that every mark in a table has its footnote and
// every footnote is referred to.
func (c *checker) checkFootnotes(tp string, notes []Footnote, marks map[string][]string) {
	have := map[string]bool{}
	for i, n := range notes {
		have[n.Mark] = true
		if len(marks[n.Mark]) == 0 {
			c.add("footnote-mark", SeverityWarning, fmt.Sprintf("%s.footnotes[%d].mark", tp, i), "rule.footnote-unused", Args{"Mark": n.Mark})
		}
	}
	for mark, paths := range marks {
		if !have[mark] {
			for _, p := range paths {
				c.add("footnote-mark", SeverityWarning, p, "rule.footnote-missing", Args{"Mark": mark})
			}
		}
	}
}
