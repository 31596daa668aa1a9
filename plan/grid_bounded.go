package plan

// A ceiling is not a sum. A table that holds ceilings, estimates or minimums
// is checked sum by sum, each against what its amounts allow: a total over
// ceilings may be lower than the ceilings add up to (the whole may be capped
// lower than its parts) but not higher; a total over minimums may be higher
// but not lower; a total over estimates, or over a mix of ceilings and
// minimums, is not checked at all. Sums of exact amounts only are compared
// exactly, as in any table. The pinpointing of checkGrid is not tried: with
// bounds, a difference no longer names the one amount that is wrong.

func (g *grid) bounded() bool {
	for _, row := range g.cells {
		for _, c := range row {
			if c.present && c.kind != AmountExact {
				return true
			}
		}
	}
	return false
}

// boundedSum adds cells and says what their sum is.
func boundedSum(cells []gridCell) (int64, AmountKind) {
	var s int64
	var ks []AmountKind
	for _, c := range cells {
		if c.present {
			s += c.amount
			ks = append(ks, c.kind)
		}
	}
	return s, Bound(ks...)
}

// breaks reports whether a printed total is impossible for a sum of the kind.
func breaks(kind AmountKind, sum, printed int64) bool {
	switch kind {
	case AmountExact:
		return sum != printed
	case AmountCeiling:
		return printed > sum
	case AmountMinimum:
		return printed < sum
	}
	return false
}

func (c *checker) checkBoundedGrid(g *grid) {
	report := func(kind AmountKind, at, label string, sum, printed int64, exact string, rel []Related) {
		args := Args{"Computed": Amount(sum), "Printed": Amount(printed), "Difference": Amount(sum - printed)}
		msg := exact
		switch kind {
		case AmountCeiling:
			msg = "sum.ceiling"
		case AmountMinimum:
			msg = "sum.minimum"
		}
		if label != "" {
			args["What"] = label
		} else if msg != exact {
			msg += "-grand"
		}
		if exact == "sum.row" {
			args["Row"] = label
		} else if exact == "sum.column" {
			args["Column"] = label
		}
		c.add(g.rule, SeverityError, at, msg, args, rel...)
	}
	for r, row := range g.cells {
		if t := g.rowTotal[r]; t != nil {
			if s, k := boundedSum(row); breaks(k, s, t.amount) {
				report(k, t.path, g.rowLabel[r], s, t.amount, "sum.row", g.rowAddends(r))
			}
		}
	}
	for col := range g.colLabel {
		if t := g.colTotal[col]; t != nil {
			var cells []gridCell
			for r := range g.cells {
				cells = append(cells, g.cells[r][col])
			}
			if s, k := boundedSum(cells); breaks(k, s, t.amount) {
				report(k, t.path, g.colLabel[col], s, t.amount, "sum.column", g.colAddends(col))
			}
		}
	}
	if g.grand != nil {
		var all []gridCell
		for _, row := range g.cells {
			all = append(all, row...)
		}
		if s, k := boundedSum(all); breaks(k, s, g.grand.amount) {
			report(k, g.grand.path, "", s, g.grand.amount, "sum.grand", nil)
		}
	}
}
