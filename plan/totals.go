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

// TotalKind is what the budget's total is: exact, at most (some lines are
// ceilings), at least or about. See Bound.
func (b *Budget) TotalKind() AmountKind {
	var ks []AmountKind
	for _, l := range b.Lines {
		ks = append(ks, l.Kind)
	}
	return Bound(ks...)
}

// RowKind is what a financing row's total is; see Bound.
func (r FinancingRow) RowKind() AmountKind {
	var ks []AmountKind
	for _, c := range r.Cells {
		ks = append(ks, c.Kind)
	}
	return Bound(ks...)
}

// SourceKind is what a financing table's total from one source is.
func (f *Financing) SourceKind(source string) AmountKind {
	var ks []AmountKind
	for _, r := range f.Rows {
		for _, c := range r.Cells {
			if c.Source == source {
				ks = append(ks, c.Kind)
			}
		}
	}
	return Bound(ks...)
}

// TotalKind is what a financing table's total is.
func (f *Financing) TotalKind() AmountKind {
	var ks []AmountKind
	for _, r := range f.Rows {
		ks = append(ks, r.RowKind())
	}
	return Bound(ks...)
}

// YearKind is what a budget's total for a year is.
func (b *Budget) YearKind(year int) AmountKind {
	var ks []AmountKind
	for _, l := range b.Lines {
		if _, ok := l.Amounts[year]; ok {
			ks = append(ks, l.Kind)
		}
	}
	return Bound(ks...)
}
