package plan

// Computed totals. Pages, exports and reports show these; the totals a plan
// printed are kept apart (Printed…) and compared by the rules.

// LineTotal is the sum of a budget line over all its years.
func (l BudgetLine) LineTotal() Amount {
	var s Amount
	for _, a := range l.Amounts {
		s += a
	}
	return s
}

// YearTotal is the sum of all lines of a budget in a year.
func (b *Budget) YearTotal(year int) Amount {
	var s Amount
	for _, l := range b.Lines {
		s += l.Amounts[year]
	}
	return s
}

// Total is the sum of the whole budget.
func (b *Budget) Total() Amount {
	var s Amount
	for _, l := range b.Lines {
		s += l.LineTotal()
	}
	return s
}

// RowTotal is the sum of a financing row's known amounts.
func (r FinancingRow) RowTotal() Amount {
	var s Amount
	for _, c := range r.Cells {
		if c.Amount != nil {
			s += *c.Amount
		}
	}
	return s
}

// SourceTotal is what a financing table takes from one source, over all rows.
func (f *Financing) SourceTotal(source string) Amount {
	var s Amount
	for _, r := range f.Rows {
		for _, c := range r.Cells {
			if c.Source == source && c.Amount != nil {
				s += *c.Amount
			}
		}
	}
	return s
}

// Total is the sum of a financing table's known amounts.
func (f *Financing) Total() Amount {
	var s Amount
	for _, r := range f.Rows {
		s += r.RowTotal()
	}
	return s
}

// HasUnknown reports whether any amount of the table is not yet known, so
// that its total is a minimum.
func (f *Financing) HasUnknown() bool {
	for _, r := range f.Rows {
		for _, c := range r.Cells {
			if c.Amount == nil {
				return true
			}
		}
	}
	return false
}
