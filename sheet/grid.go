package sheet

import (
	"strconv"
	"strings"

	"planverk/plan"
)

// The kinds of table a sheet holds.
const (
	KindBudget    = "budget"
	KindFinancing = "financing"
)

// Grid is a budget or financing table as rows and columns of amounts, the
// shape both the workbook and CSV write and an upload is read into.
type Grid struct {
	Kind, ID, Title string
	Cols            []Col
	Rows            []Row
	// Minimum is set where some amounts are not yet known, so that the
	// total is a minimum.
	Minimum   bool
	Footnotes []plan.Footnote
	// Notes say what a financing table's cells say beside their amounts
	// (a share, an explanation, instalments), shown under the table.
	Notes []string
}

// Col is a column of amounts: a budget's year, a financing table's source.
type Col struct{ Key, Label string }

// Row is a row of amounts: a budget line, a financing row. Cells follow
// the grid's columns; nil is an amount not given (not yet known).
type Row struct {
	Key, Number, Label string
	Cells              []*plan.Amount
}

// Total is the row's computed total.
func (r Row) Total() plan.Amount {
	var s plan.Amount
	for _, c := range r.Cells {
		if c != nil {
			s += *c
		}
	}
	return s
}

// ColTotal is column i's computed total.
func (g Grid) ColTotal(i int) plan.Amount {
	var s plan.Amount
	for _, r := range g.Rows {
		if c := r.Cells[i]; c != nil {
			s += *c
		}
	}
	return s
}

// Total is the table's computed total.
func (g Grid) Total() plan.Amount {
	var s plan.Amount
	for _, r := range g.Rows {
		s += r.Total()
	}
	return s
}

// BudgetGrid lays out a budget: a row per line, a column per year.
func BudgetGrid(b *plan.Budget) Grid {
	g := Grid{Kind: KindBudget, ID: b.ID, Title: b.Title, Footnotes: b.Footnotes}
	for _, y := range b.Years {
		g.Cols = append(g.Cols, Col{Key: strconv.Itoa(y), Label: strconv.Itoa(y)})
	}
	for _, l := range b.Lines {
		row := Row{Key: l.ID, Number: l.Number, Label: l.Label}
		for _, y := range b.Years {
			var c *plan.Amount
			if a, ok := l.Amounts[y]; ok {
				c = a.Ptr()
			}
			row.Cells = append(row.Cells, c)
		}
		g.Rows = append(g.Rows, row)
	}
	return g
}

// FinancingGrid lays out a financing table: a row per budget line (or the
// table's one row), a column per funding source.
func FinancingGrid(f *plan.File, t *plan.Financing) Grid {
	g := Grid{Kind: KindFinancing, ID: t.ID, Title: t.Title, Footnotes: t.Footnotes, Minimum: t.HasUnknown()}
	for _, id := range t.Sources {
		g.Cols = append(g.Cols, Col{Key: id, Label: SourceName(f, id)})
	}
	var budget *plan.Budget
	for i := range f.Plan.Budgets {
		if f.Plan.Budgets[i].ID == t.Budget {
			budget = &f.Plan.Budgets[i]
		}
	}
	for i, r := range t.Rows {
		row := Row{Key: FinancingRowKey(t, i), Label: r.Label}
		if budget != nil && r.Line != "" {
			for _, l := range budget.Lines {
				if l.ID == r.Line {
					row.Number, row.Label = l.Number, l.Label
				}
			}
		}
		if row.Label == "" {
			row.Label = r.Line
		}
		for _, id := range t.Sources {
			var c *plan.Amount
			for _, fc := range r.Cells {
				if fc.Source != id {
					continue
				}
				if fc.Amount != nil {
					c = fc.Amount
				}
				if note := cellNote(f, fc); note != "" {
					g.Notes = append(g.Notes, row.Label+", "+SourceName(f, id)+": "+note)
				}
			}
			row.Cells = append(row.Cells, c)
		}
		g.Rows = append(g.Rows, row)
	}
	return g
}

// FinancingRowKey names a financing row: its budget line, or its place
// where it has none.
func FinancingRowKey(t *plan.Financing, i int) string {
	if l := t.Rows[i].Line; l != "" {
		return l
	}
	return "#" + strconv.Itoa(i+1)
}

// cellNote is what a financing cell says beside its amount.
func cellNote(f *plan.File, c plan.FinancingCell) string {
	var parts []string
	if c.Share != "" {
		parts = append(parts, string(c.Share))
	}
	if c.Note != "" {
		parts = append(parts, c.Note)
	}
	if len(c.Payments) > 0 {
		var ps []string
		for _, p := range c.Payments {
			ps = append(ps, label(f, "words.payment", "Share", string(p.Share), "Year", p.Year))
		}
		parts = append(parts, label(f, "table.payments", "Payments", strings.Join(ps, ", ")))
	}
	return strings.Join(parts, " · ")
}
