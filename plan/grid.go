package plan

// grid is a printed table of amounts: data cells in rows and columns, a
// printed total per row and per column, and a grand total. Budget and
// financing tables are both checked as grids.
//
// Every printed total takes part in two sums (a row total in its row and in
// the total column), so when one amount is wrong, the two sums it belongs to
// disagree by the same difference. The checker uses that to point at the
// amount itself rather than at a total, the way an auditor would.
type grid struct {
	rule     string
	rowLabel []string
	colLabel []string
	cells    [][]gridCell // [row][col]
	rowTotal []*gridValue
	colTotal []*gridValue
	// grand is the grand total. Amounts not yet known count as nothing, so a
	// total printed as a minimum is compared with the known amounts.
	grand *gridValue
}

type gridCell struct {
	present bool
	known   bool
	amount  int64
	path    string
	// kind is set for an amount that is a ceiling, an estimate or a minimum.
	kind AmountKind
}

type gridValue struct {
	amount int64
	path   string
}

// violation is a sum that does not add up to its printed total.
type violation struct {
	computed, printed int64
	explained         bool
}

func (v *violation) diff() int64 { return v.computed - v.printed }

func (g *grid) rowSum(r int) int64 {
	var s int64
	for _, c := range g.cells[r] {
		s += c.amount
	}
	return s
}

func (g *grid) colSum(c int) int64 {
	var s int64
	for r := range g.cells {
		s += g.cells[r][c].amount
	}
	return s
}

func (g *grid) colHasData(c int) bool {
	for r := range g.cells {
		if g.cells[r][c].present {
			return true
		}
	}
	return false
}

func (g *grid) rowHasData(r int) bool {
	for _, c := range g.cells[r] {
		if c.present {
			return true
		}
	}
	return false
}

func (c *checker) checkGrid(g *grid) {
	if g.bounded() {
		c.checkBoundedGrid(g)
		return
	}
	// Slices, not maps: findings must come out in the same order every run.
	rowV := make([]*violation, len(g.cells))
	colV := make([]*violation, len(g.colLabel))
	for r := range g.cells {
		if t := g.rowTotal[r]; t != nil {
			if s := g.rowSum(r); s != t.amount {
				rowV[r] = &violation{computed: s, printed: t.amount}
			}
		}
	}
	for col := range g.colLabel {
		if t := g.colTotal[col]; t != nil {
			if s := g.colSum(col); s != t.amount {
				colV[col] = &violation{computed: s, printed: t.amount}
			}
		}
	}
	// The total column (printed row totals against the grand total) and the
	// SUM row (printed column totals against it) are sums too, where every
	// row or column that holds amounts has its total printed.
	var totCol, totRow, all *violation
	if g.grand != nil {
		var s int64
		complete := true
		for r := range g.cells {
			switch {
			case g.rowTotal[r] != nil:
				s += g.rowTotal[r].amount
			case g.rowHasData(r):
				complete = false
			}
		}
		if complete && len(g.cells) > 1 && s != g.grand.amount {
			totCol = &violation{computed: s, printed: g.grand.amount}
		}
		s, complete = 0, true
		for col := range g.colLabel {
			switch {
			case g.colTotal[col] != nil:
				s += g.colTotal[col].amount
			case g.colHasData(col):
				complete = false
			}
		}
		if complete && len(g.colLabel) > 1 && s != g.grand.amount {
			totRow = &violation{computed: s, printed: g.grand.amount}
		}
		s = 0
		for r := range g.cells {
			s += g.rowSum(r)
		}
		if s != g.grand.amount {
			all = &violation{computed: s, printed: g.grand.amount}
		}
	}
	explain := func(vs ...*violation) {
		for _, v := range vs {
			if v != nil {
				v.explained = true
			}
		}
	}
	// A wrong grand total makes the total column and the SUM row disagree alike.
	if totCol != nil && totRow != nil && totCol.diff() == totRow.diff() {
		c.add(g.rule, SeverityError, g.grand.path, "sum.grand-total", Args{"Computed": Amount(totCol.computed), "Printed": Amount(g.grand.amount)})
		explain(totCol, totRow, all)
	}
	// A wrong amount in the body makes its row and its column disagree alike.
	for r, rv := range rowV {
		for col, cv := range colV {
			if rv == nil || cv == nil || rv.explained || cv.explained || rv.diff() != cv.diff() {
				continue
			}
			cell := g.cells[r][col]
			c.add(g.rule, SeverityError, cell.path, "sum.cell", Args{
				"Row": g.rowLabel[r], "Column": g.colLabel[col], "Amount": Amount(cell.amount),
				"RowComputed": Amount(rv.computed), "RowPrinted": Amount(rv.printed),
				"ColumnComputed": Amount(cv.computed), "ColumnPrinted": Amount(cv.printed),
				"Difference": Amount(rv.diff()),
			}, Related{Path: g.rowTotal[r].path, Message: "sum.related-total"}, Related{Path: g.colTotal[col].path, Message: "sum.related-total"})
			explain(rv, cv)
			if all != nil && all.diff() == rv.diff() {
				explain(all)
			}
		}
	}
	// A wrong printed row total disagrees with its row and with the total column.
	for r, rv := range rowV {
		if rv != nil && !rv.explained && totCol != nil && !totCol.explained && rv.diff() == -totCol.diff() {
			c.add(g.rule, SeverityError, g.rowTotal[r].path, "sum.row-total", Args{
				"Row": g.rowLabel[r], "Computed": Amount(rv.computed), "Printed": Amount(rv.printed)})
			explain(rv, totCol)
		}
	}
	for col, cv := range colV {
		if cv != nil && !cv.explained && totRow != nil && !totRow.explained && cv.diff() == -totRow.diff() {
			c.add(g.rule, SeverityError, g.colTotal[col].path, "sum.column-total", Args{
				"Column": g.colLabel[col], "Computed": Amount(cv.computed), "Printed": Amount(cv.printed)})
			explain(cv, totRow)
		}
	}
	// What is left cannot be pinned on one amount: report the total and
	// point at every amount in it, so the writer sees where to look.
	for r, rv := range rowV {
		if rv != nil && !rv.explained {
			c.add(g.rule, SeverityError, g.rowTotal[r].path, "sum.row", Args{
				"Row": g.rowLabel[r], "Computed": Amount(rv.computed), "Printed": Amount(rv.printed),
				"Difference": Amount(rv.diff())}, g.rowAddends(r)...)
		}
	}
	for col, cv := range colV {
		if cv != nil && !cv.explained {
			c.add(g.rule, SeverityError, g.colTotal[col].path, "sum.column", Args{
				"Column": g.colLabel[col], "Computed": Amount(cv.computed), "Printed": Amount(cv.printed),
				"Difference": Amount(cv.diff())}, g.colAddends(col)...)
		}
	}
	for _, v := range []*violation{totCol, totRow, all} {
		if v != nil && !v.explained {
			var rel []Related
			for r := range g.cells {
				rel = append(rel, g.rowAddends(r)...)
			}
			c.add(g.rule, SeverityError, g.grand.path, "sum.grand", Args{
				"Computed": Amount(v.computed), "Printed": Amount(v.printed), "Difference": Amount(v.diff())}, rel...)
			explain(totCol, totRow, all)
			break
		}
	}
}

func (g *grid) rowAddends(r int) []Related {
	var rel []Related
	for _, cell := range g.cells[r] {
		if cell.present && cell.known {
			rel = append(rel, Related{Path: cell.path, Message: "sum.related-addend"})
		}
	}
	return rel
}

func (g *grid) colAddends(col int) []Related {
	var rel []Related
	for r := range g.cells {
		if cell := g.cells[r][col]; cell.present && cell.known {
			rel = append(rel, Related{Path: cell.path, Message: "sum.related-addend"})
		}
	}
	return rel
}
