package sheet

import (
	"fmt"
	"slices"
	"strconv"

	"planverk/plan"
)

// Change is one amount an upload changes: before → after, nil where there
// is no amount (not yet known).
type Change struct {
	Row, Col           string // keys
	RowLabel, ColLabel string
	Ref                string // the cell in the uploaded sheet
	Before, After      *plan.Amount
}

// Changes compares an upload with the table as it is: every amount that
// differs, in the table's order. Rows and columns the upload lacks are
// left as they are.
func Changes(g Grid, up *Upload) []Change {
	var out []Change
	for _, r := range g.Rows {
		cells, ok := up.Cells[r.Key]
		if !ok {
			continue
		}
		for i, c := range g.Cols {
			u, ok := cells[c.Key]
			if !ok || sameAmount(u.Amount, r.Cells[i]) {
				continue
			}
			out = append(out, Change{Row: r.Key, Col: c.Key, RowLabel: r.Label, ColLabel: c.Label,
				Ref: u.Ref, Before: r.Cells[i], After: u.Amount})
		}
	}
	return out
}

func sameAmount(a, b *plan.Amount) bool {
	return (a == nil) == (b == nil) && (a == nil || *a == *b)
}

// ApplyBudget writes changes into a budget. A change for a line or year
// the budget no longer has is an error: the caller treats it as a conflict.
func ApplyBudget(b *plan.Budget, changes []Change) error {
	for _, ch := range changes {
		i := slices.IndexFunc(b.Lines, func(l plan.BudgetLine) bool { return l.ID == ch.Row })
		y, err := strconv.Atoi(ch.Col)
		if i < 0 || err != nil || !slices.Contains(b.Years, y) {
			return fmt.Errorf("budget %s has no line %q in %q", b.ID, ch.Row, ch.Col)
		}
		l := &b.Lines[i]
		if ch.After == nil {
			delete(l.Amounts, y)
			continue
		}
		if l.Amounts == nil {
			l.Amounts = map[int]plan.Amount{}
		}
		l.Amounts[y] = *ch.After
	}
	return nil
}

// ApplyFinancing writes changes into a financing table; as ApplyBudget.
func ApplyFinancing(t *plan.Financing, changes []Change) error {
	for _, ch := range changes {
		ri := -1
		for i := range t.Rows {
			if FinancingRowKey(t, i) == ch.Row {
				ri = i
			}
		}
		if ri < 0 || !slices.Contains(t.Sources, ch.Col) {
			return fmt.Errorf("financing table %s has no row %q from %q", t.ID, ch.Row, ch.Col)
		}
		r := &t.Rows[ri]
		ci := slices.IndexFunc(r.Cells, func(c plan.FinancingCell) bool { return c.Source == ch.Col })
		switch {
		case ci >= 0:
			r.Cells[ci].Amount = ch.After
		case ch.After != nil:
			r.Cells = append(r.Cells, plan.FinancingCell{Source: ch.Col, Amount: ch.After})
		}
	}
	return nil
}
