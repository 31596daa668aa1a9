package plan

import (
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"
)

func (c *checker) checkFinancing() {
	ids := map[string]bool{}
	for ti := range c.f.Plan.Financing {
		t := &c.f.Plan.Financing[ti]
		tp := fmt.Sprintf("plan.financing[%d]", ti)
		c.checkID(tp+".id", t.ID)
		if ids[t.ID] && t.ID != "" {
			c.add("duplicate-id", SeverityError, tp+".id", "rule.duplicate-id", Args{"ID": t.ID})
		}
		ids[t.ID] = true
		c.required(tp+".title", strings.TrimSpace(t.Title) == "")
		c.checkFinancingYears(tp, t)
		c.required(tp+".sources", len(t.Sources) == 0)
		for i, s := range t.Sources {
			c.sourceRef(fmt.Sprintf("%s.sources[%d]", tp, i), s)
		}
		var budget *Budget
		if t.Budget != "" {
			if bi, ok := c.budgets[t.Budget]; ok {
				budget = &c.f.Plan.Budgets[bi]
			} else {
				c.add("reference", SeverityError, tp+".budget", "rule.reference-budget", Args{"ID": t.Budget})
			}
		}
		for ri, row := range t.Rows {
			rp := fmt.Sprintf("%s.rows[%d]", tp, ri)
			if row.Line != "" && budget == nil && t.Budget == "" {
				c.add("reference", SeverityError, rp+".line", "rule.line-without-budget", Args{"ID": row.Line})
			}
			if row.Line != "" && budget != nil && lineIndex(budget, row.Line) < 0 {
				c.add("reference", SeverityError, rp+".line", "rule.reference-line", Args{"ID": row.Line, "Budget": budget.ID})
			}
			seen := map[string]bool{}
			for ci, cell := range row.Cells {
				cp := fmt.Sprintf("%s.cells[%d]", rp, ci)
				if c.sourceRef(cp+".source", cell.Source) && !slices.Contains(t.Sources, cell.Source) {
					c.add("reference", SeverityError, cp+".source", "rule.source-not-column", Args{"ID": cell.Source})
				}
				if seen[cell.Source] {
					c.add("duplicate-id", SeverityError, cp+".source", "rule.duplicate-id", Args{"ID": cell.Source})
				}
				seen[cell.Source] = true
				enum(c, cp+".kind", cell.Kind, AmountKinds)
				from, _ := t.Span()
				c.checkPayments(cp, from, cell)
			}
			c.checkShareLabels(rp, row)
		}
		if t.Printed != nil {
			for s := range t.Printed.Sources {
				if !slices.Contains(t.Sources, s) {
					c.add("reference", SeverityError, tp+".printed.sources."+s, "rule.source-not-column", Args{"ID": s})
				}
			}
		}
		c.checkGrid(c.financingGrid(tp, t, budget))
		c.checkMinimum(tp, t)
		if budget != nil {
			c.checkFinancingBudget(tp, t, budget)
		}
		c.checkFootnotes(tp, t.Footnotes, financingMarks(tp, t))
	}
}

// checkFinancingYears checks that a table has one year or one span of years
// (not both), in order and within the programme's period.
func (c *checker) checkFinancingYears(tp string, t *Financing) {
	period := c.f.Programme.Period
	switch {
	case t.Years != nil && t.Year != 0:
		c.add("financing-years", SeverityError, tp+".years", "rule.financing-years-both", nil)
		return
	case t.Years == nil:
		c.required(tp+".year", t.Year == 0)
		if t.Year != 0 && period.From != 0 && !period.Contains(t.Year) {
			c.add("financing-years", SeverityError, tp+".year", "rule.financing-year-period", period.args(Args{"Year": t.Year}))
		}
		return
	}
	y := t.Years
	if y.From == 0 || y.To == 0 {
		c.add("required", SeverityError, tp+".years", "rule.financing-years-half", nil)
		return
	}
	if y.From > y.To {
		c.add("financing-years", SeverityError, tp+".years.to", "rule.period-order", Args{"From": y.From, "To": y.To})
		return
	}
	if period.From != 0 {
		for _, end := range []struct {
			year int
			at   string
		}{{y.From, ".years.from"}, {y.To, ".years.to"}} {
			if !period.Contains(end.year) {
				c.add("financing-years", SeverityError, tp+end.at, "rule.financing-year-period", period.args(Args{"Year": end.year}))
			}
		}
	}
}

func lineIndex(b *Budget, id string) int {
	for i, l := range b.Lines {
		if l.ID == id {
			return i
		}
	}
	return -1
}

// financingGrid lays a financing table out as printed: rows by funding
// sources, the rows' totals as the total column and the SUM row below.
func (c *checker) financingGrid(tp string, t *Financing, budget *Budget) *grid {
	g := &grid{rule: "financing-sum"}
	col := map[string]int{}
	for i, s := range t.Sources {
		col[s] = i
		name := s
		if src, ok := c.sources[s]; ok {
			name = src.Name
		}
		g.colLabel = append(g.colLabel, name)
		var v *gridValue
		if t.Printed != nil {
			if a, ok := t.Printed.Sources[s]; ok {
				v = &gridValue{int64(a), fmt.Sprintf("%s.printed.sources.%s", tp, s)}
			}
		}
		g.colTotal = append(g.colTotal, v)
	}
	for ri, row := range t.Rows {
		rp := fmt.Sprintf("%s.rows[%d]", tp, ri)
		label := row.Label
		if budget != nil {
			if li := lineIndex(budget, row.Line); li >= 0 {
				label = lineLabel(budget.Lines[li])
			}
		}
		if label == "" {
			label = row.Line
		}
		g.rowLabel = append(g.rowLabel, label)
		cells := make([]gridCell, len(t.Sources))
		for ci, cell := range row.Cells {
			i, ok := col[cell.Source]
			if !ok {
				continue // reported as a reference finding
			}
			gc := gridCell{present: true, known: cell.Amount != nil, path: fmt.Sprintf("%s.cells[%d].amount", rp, ci), kind: cell.Kind}
			if cell.Amount != nil {
				gc.amount = int64(*cell.Amount)
			}
			cells[i] = gc
		}
		g.cells = append(g.cells, cells)
		var v *gridValue
		if row.PrintedTotal != nil {
			v = &gridValue{int64(*row.PrintedTotal), rp + ".printed_total"}
		}
		g.rowTotal = append(g.rowTotal, v)
	}
	if t.Printed != nil && t.Printed.Total != nil {
		g.grand = &gridValue{int64(*t.Printed.Total), tp + ".printed.total"}
	}
	return g
}

// checkMinimum: a total with amounts not yet known can only be a minimum,
// and a total with every amount known is not one.
func (c *checker) checkMinimum(tp string, t *Financing) {
	if t.Printed == nil || t.Printed.Total == nil {
		return
	}
	unknown := 0
	for _, row := range t.Rows {
		for _, cell := range row.Cells {
			if cell.Amount == nil {
				unknown++
			}
		}
	}
	switch {
	case unknown > 0 && !t.Printed.Minimum:
		c.add("financing-minimum", SeverityWarning, tp+".printed.total", "rule.minimum-missing", Args{"Count": unknown})
	case unknown == 0 && t.Printed.Minimum:
		c.add("financing-minimum", SeverityWarning, tp+".printed.minimum", "rule.minimum-needless", nil)
	}
}

// checkFinancingBudget compares, line by line, the money a financing table
// takes from the sources a budget covers with what the budget sets for that
// line in the table's year.
func (c *checker) checkFinancingBudget(tp string, t *Financing, b *Budget) {
	bi := c.budgets[b.ID]
	bp := fmt.Sprintf("plan.budgets[%d]", bi)
	from, to := t.Span()
	if from == 0 || to < from || t.Years != nil && t.Year != 0 {
		return // reported by checkFinancingYears
	}
	// A table over a span of years finances what the budget sets for all
	// of them together.
	var years []int
	for y := from; y <= to; y++ {
		if !slices.Contains(b.Years, y) {
			at := tp + ".year"
			if t.Years != nil {
				at = tp + ".years"
			}
			c.add("financing-budget", SeverityError, at, "rule.financing-year", Args{"Year": y, "Budget": b.ID})
			return
		}
		years = append(years, y)
	}
	yearText := strconv.Itoa(from)
	if to != from {
		yearText += "–" + strconv.Itoa(to)
	}
	covered := func(s string) bool { return len(b.Covers) == 0 || slices.Contains(b.Covers, s) }
	financed := map[string]bool{}
	for ri, row := range t.Rows {
		li := lineIndex(b, row.Line)
		if li < 0 {
			continue
		}
		financed[row.Line] = true
		line := b.Lines[li]
		var sum int64
		var cellPaths []string
		// Ceilings, estimates and minimums are not sums to compare: only
		// where the line and its cells are all exact can they disagree.
		exact := line.Kind == AmountExact
		for ci, cell := range row.Cells {
			if covered(cell.Source) && cell.Amount != nil {
				sum += int64(*cell.Amount)
				cellPaths = append(cellPaths, fmt.Sprintf("%s.rows[%d].cells[%d].amount", tp, ri, ci))
				exact = exact && cell.Kind == AmountExact
			}
		}
		var want int64
		for _, y := range years {
			want += int64(line.Amounts[y])
		}
		if sum == want || !exact {
			continue
		}
		path := fmt.Sprintf("%s.rows[%d]", tp, ri)
		if len(cellPaths) == 1 {
			path = cellPaths[0]
		}
		c.add("financing-budget", SeverityError, path, "rule.financing-budget", Args{
			"Line": lineLabel(line), "Year": yearText, "Financed": Amount(sum), "Budgeted": Amount(want)},
			Related{Path: fmt.Sprintf("%s.lines[%d].amounts.%d", bp, li, from), Message: "rule.related-budget"})
	}
	for li, l := range b.Lines {
		for _, y := range years {
			if a, ok := l.Amounts[y]; ok && a != 0 && !financed[l.ID] {
				c.add("financing-budget", SeverityError, fmt.Sprintf("%s.lines[%d].amounts.%d", bp, li, y),
					"rule.financing-missing", Args{"Line": lineLabel(l), "Year": y, "Amount": a, "Table": t.ID})
			}
		}
	}
}

// checkShareLabels compares each printed share with the cell's share of
// what the row adds up to.
func (c *checker) checkShareLabels(rp string, row FinancingRow) {
	var total int64
	for _, cell := range row.Cells {
		if cell.Amount != nil {
			total += int64(*cell.Amount)
		}
	}
	for ci, cell := range row.Cells {
		if cell.Share == "" || cell.Amount == nil || total == 0 {
			continue
		}
		label, err := cell.Share.Rat()
		if err != nil {
			continue
		}
		actual := big.NewRat(int64(*cell.Amount), total)
		dev := new(big.Rat).Sub(actual, label)
		if dev.Abs(dev).Cmp(ShareLabelTolerance) > 0 {
			c.add("share-label", SeverityWarning, fmt.Sprintf("%s.cells[%d].share", rp, ci), "rule.share-label", Args{
				"Share": cell.Share, "Computed": Percent(actual), "Amount": *cell.Amount, "Total": Amount(total)})
		}
	}
}

// checkPayments checks that a cell's instalments add up to the whole and
// fall in or after the table's year.
func (c *checker) checkPayments(cp string, year int, cell FinancingCell) {
	if len(cell.Payments) == 0 {
		return
	}
	sum := new(big.Rat)
	for i, p := range cell.Payments {
		if r, err := p.Share.Rat(); err == nil {
			sum.Add(sum, r)
		}
		if p.Year < year {
			c.add("payments-sum", SeverityError, fmt.Sprintf("%s.payments[%d].year", cp, i), "rule.payment-year", Args{"Year": p.Year, "TableYear": year})
		}
	}
	if sum.Cmp(big.NewRat(1, 1)) != 0 {
		c.add("payments-sum", SeverityError, cp+".payments", "rule.payments-sum", Args{"Sum": Percent(sum)})
	}
}

func financingMarks(tp string, t *Financing) map[string][]string {
	marks := map[string][]string{}
	for ri, row := range t.Rows {
		if row.Mark != "" {
			marks[row.Mark] = append(marks[row.Mark], fmt.Sprintf("%s.rows[%d].mark", tp, ri))
		}
		for ci, cell := range row.Cells {
			if cell.Mark != "" {
				marks[cell.Mark] = append(marks[cell.Mark], fmt.Sprintf("%s.rows[%d].cells[%d].mark", tp, ri, ci))
			}
		}
	}
	if t.Printed != nil {
		for s, m := range t.Printed.Marks {
			marks[m] = append(marks[m], fmt.Sprintf("%s.printed.marks.%s", tp, s))
		}
	}
	return marks
}
