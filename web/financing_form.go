package web

import (
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"planverk/plan"
)

// The financing form is a grid of rows by funding sources. A row's fields
// are named row-0-line (the budget line it finances, chosen in a list) or
// row-0-label (its own label), row-0-printed and row-0-mark; its cells
// row-0-c_SOURCE_amount, …_share, …_note and …_mark. A source id has no
// "_", so no name can be read two ways. row-0-key is hidden and says which
// row of the table the form row is ("line:bustader", "label:Driv 2025"),
// so that a form shown again after a conflict writes each row to its own.
// new-… is the row for adding one. The SUM row as printed is sum_SOURCE,
// summark_SOURCE, printed-total and printed-minimum.
//
// Share, note and mark fields are shown only where the table uses them:
// a field the form does not carry keeps what is saved.

func financingRowPrefix(i int) string { return fmt.Sprintf("row-%d-", i) }

func financingCellName(p, source, part string) string { return p + "c_" + source + "_" + part }

// financingRowKey names a row by what it finances, or its label; a row
// with neither by its place.
func financingRowKey(row plan.FinancingRow, i int) string {
	switch {
	case row.Line != "":
		return "line:" + row.Line
	case row.Label != "":
		return "label:" + row.Label
	}
	return "row:" + strconv.Itoa(i)
}

// financingUses says which of the optional fields the table uses: shares,
// notes and footnote marks in its cells and rows, and marks by the totals
// of its SUM row.
type financingUses struct{ Shares, Notes, Marks, SumMarks bool }

func financingUsesOf(t *plan.Financing) financingUses {
	var u financingUses
	for _, row := range t.Rows {
		u.Marks = u.Marks || row.Mark != ""
		for _, c := range row.Cells {
			u.Shares = u.Shares || c.Share != ""
			u.Notes = u.Notes || c.Note != ""
			u.Marks = u.Marks || c.Mark != ""
		}
	}
	u.SumMarks = u.Marks || (t.Printed != nil && len(t.Printed.Marks) > 0)
	return u
}

// financingValues fills a form with a financing table as it is.
func financingValues(t *plan.Financing) url.Values {
	v := url.Values{}
	v.Set("title", t.Title)
	from, to := t.Span()
	v.Set("from", strconv.Itoa(from))
	if t.Years != nil {
		v.Set("to", strconv.Itoa(to))
	} else {
		v.Set("to", "")
	}
	v.Set("rows", strconv.Itoa(len(t.Rows)))
	for i, row := range t.Rows {
		financingRowValues(v, financingRowPrefix(i), t.Sources, row, financingRowKey(row, i))
	}
	financingPrintedValues(v, t)
	return v
}

func financingRowValues(v url.Values, p string, sources []string, row plan.FinancingRow, key string) {
	v.Set(p+"key", key)
	if row.Line != "" {
		v.Set(p+"line", row.Line)
	} else {
		v.Set(p+"label", row.Label)
	}
	for _, src := range sources {
		var c plan.FinancingCell
		if ci := financingCellIndex(row, src); ci >= 0 {
			c = row.Cells[ci]
		}
		v.Set(financingCellName(p, src, "amount"), formatAmountInput(c.Amount))
		v.Set(financingCellName(p, src, "share"), string(c.Share))
		v.Set(financingCellName(p, src, "note"), c.Note)
		v.Set(financingCellName(p, src, "mark"), c.Mark)
	}
	v.Set(p+"printed", formatAmountInput(row.PrintedTotal))
	v.Set(p+"mark", row.Mark)
}

func financingPrintedValues(v url.Values, t *plan.Financing) {
	pt := t.Printed
	if pt == nil {
		pt = &plan.FinancingTotals{}
	}
	for _, src := range t.Sources {
		var a *plan.Amount
		if x, ok := pt.Sources[src]; ok {
			a = &x
		}
		v.Set("sum_"+src, formatAmountInput(a))
		v.Set("summark_"+src, pt.Marks[src])
	}
	v.Set("printed-total", formatAmountInput(pt.Total))
	if pt.Minimum {
		v.Set("printed-minimum", "on")
	}
}

func financingCellIndex(row plan.FinancingRow, source string) int {
	return slices.IndexFunc(row.Cells, func(c plan.FinancingCell) bool { return c.Source == source })
}

// financingTable is a financing table as the money forms edit it; its
// form names its rows row-<n>-, for merging.
var financingTable = moneyTable[plan.Financing]{param: "table", what: "financing table", word: "financing",
	list: "plan.financing", column: "new_source", gone: "money.financing-gone",
	grid: moneyGrid{word: "row", count: "rows", keyField: "key", boxes: []string{"printed-minimum"}},
	find: findFinancing, values: financingValues, apply: applyFinancingForm, render: (*Server).renderFinancingEdit}

// financingMatchRow finds the first row of the table not yet used with the key,
// and marks it used; -1 when there is none.
func financingMatchRow(t *plan.Financing, used []bool, key string) int {
	for j, row := range t.Rows {
		if !used[j] && financingRowKey(row, j) == key {
			used[j] = true
			return j
		}
	}
	return -1
}

// financingRowName is a row's label as the page shows it: the label of
// the budget line it finances, or its own.
func financingRowName(budget *plan.Budget, row plan.FinancingRow) string {
	if budget != nil && row.Line != "" {
		if li := slices.IndexFunc(budget.Lines, func(l plan.BudgetLine) bool { return l.ID == row.Line }); li >= 0 {
			return budget.Lines[li].Label
		}
	}
	if row.Label != "" {
		return row.Label
	}
	return row.Line
}

// applyFinancingForm checks the form against the plan and, where it is
// good, writes it into t. Rows the form does not show stay; a row with
// every field emptied is removed; the new row adds one. Payments,
// footnotes and notes are not in the form and are kept.
func applyFinancingForm(fm *form, f *plan.File, t *plan.Financing) {
	var budget *plan.Budget
	if t.Budget != "" {
		budget, _ = findBudget(f, t.Budget)
	}
	sources := slices.Clone(t.Sources)
	newSource := fm.Get("new_source")
	if newSource != "" && (!slices.ContainsFunc(f.Plan.Sources, func(s plan.FundingSource) bool { return s.ID == newSource }) ||
		slices.Contains(sources, newSource)) {
		fm.Fail("new_source", "form.choose")
	}
	used := make([]bool, len(t.Rows))
	lines := map[string]bool{}
	var rows []plan.FinancingRow
	add := func(p string, row plan.FinancingRow) {
		if p != "" && row.Line != "" && lines[row.Line] {
			fm.Fail(p+"line", "money.row-line-twice", "Line", financingRowName(budget, row))
		}
		lines[row.Line] = row.Line != ""
		rows = append(rows, row)
	}
	for i := range moneyCount(fm, "rows") {
		p := financingRowPrefix(i)
		key := fm.Get(p + "key")
		if key == "" {
			continue // not a row this form was made with
		}
		old := plan.FinancingRow{}
		if j := financingMatchRow(t, used, key); j >= 0 {
			old = t.Rows[j]
		} else if line, ok := strings.CutPrefix(key, "line:"); ok {
			// Removed by someone else while the form was open; the
			// conflict showed it, and the person kept their row.
			old.Line = line
		} else if label, ok := strings.CutPrefix(key, "label:"); ok {
			old.Label = label
		}
		if row, keep := financingRowForm(fm, f, t, budget, p, old, financingRowName(budget, old)); keep {
			add(p, row)
		}
	}
	// Rows the form did not show were added meanwhile; they stay.
	for j, row := range t.Rows {
		if !used[j] {
			add("", row)
		}
	}
	newRow := plan.FinancingRow{Line: fm.Get("new-line"), Label: fm.Get("new-label")}
	if row, keep := financingRowForm(fm, f, t, budget, "new-", plan.FinancingRow{}, financingRowName(budget, newRow)); keep {
		add("new-", row)
	}
	printed := financingPrintedForm(fm, f, t)
	title := tableTitleForm(fm, t.Title)
	year, span := financingYearsForm(fm, f, t)
	gone := removeSourceForm(fm, f, sources, rows, printed, budget)
	if !fm.OK() {
		return
	}
	if gone != "" {
		sources = slices.DeleteFunc(sources, func(s string) bool { return s == gone })
		for i := range rows {
			// A copy: the row's cells may still be the plan's own.
			rows[i].Cells = slices.DeleteFunc(slices.Clone(rows[i].Cells), func(c plan.FinancingCell) bool { return c.Source == gone })
		}
		if printed != nil {
			delete(printed.Sources, gone)
			delete(printed.Marks, gone)
		}
	}
	if newSource != "" {
		sources = append(sources, newSource)
	}
	t.Title, t.Year, t.Years, t.Sources, t.Rows, t.Printed = title, year, span, sources, rows, printed
}

// financingYearsForm reads the table's year, or its span of years: a form
// without the fields keeps what the table has. A span kept as it was keeps
// its note.
func financingYearsForm(fm *form, f *plan.File, t *plan.Financing) (int, *plan.Period) {
	if _, present := fm.Values["from"]; !present {
		return t.Year, t.Years
	}
	// Years left as they were stay, even outside the programme's period
	// (the rules report that): an edit of amounts is not refused for them.
	was := financingValues(&plan.Financing{Year: t.Year, Years: t.Years})
	if fm.Get("from") == was.Get("from") && fm.Get("to") == was.Get("to") {
		return t.Year, t.Years
	}
	from, to := tableYearsForm(fm, f)
	switch {
	case from == 0 || to == from:
		return from, nil
	case t.Years != nil && t.Years.From == from && t.Years.To == to:
		return 0, t.Years
	}
	return 0, &plan.Period{From: from, To: to}
}

// removeSourceForm reads the source column the form removes, "" for none.
// A column that holds amounts goes only with the box ticked that says they
// go with it; until then the message beside the field names them, row by
// row. The source stays in the plan's list of sources.
func removeSourceForm(fm *form, f *plan.File, sources []string, rows []plan.FinancingRow, printed *plan.FinancingTotals, budget *plan.Budget) string {
	id := fm.Get("remove_source")
	if id == "" {
		return ""
	}
	if !slices.Contains(sources, id) {
		fm.Fail("remove_source", "form.choose")
		return ""
	}
	var held []string
	for _, row := range rows {
		if ci := financingCellIndex(row, id); ci >= 0 && row.Cells[ci].Amount != nil {
			held = append(held, "«"+financingRowName(budget, row)+"» "+formatAmountInput(row.Cells[ci].Amount))
		}
	}
	var sum string
	if printed != nil {
		if a, ok := printed.Sources[id]; ok {
			sum = formatAmountInput(&a)
		}
	}
	if (len(held) > 0 || sum != "") && fm.Get("remove_source_confirm") != id {
		fm.Fail("remove_source", "tables.source-holds", "Source", moneySourceName(f, id), "Amounts", strings.Join(held, "; "), "Printed", sum)
		return ""
	}
	return id
}

// financingRowForm reads one row of the grid into a copy of old; keep is
// false for a row with every field empty. name is the row's label for
// messages, "" for a new row not yet named.
func financingRowForm(fm *form, f *plan.File, t *plan.Financing, budget *plan.Budget, p string, old plan.FinancingRow, name string) (plan.FinancingRow, bool) {
	empty := fm.Get(p+"line") == "" && fm.Get(p+"label") == "" && fm.Get(p+"printed") == "" && fm.Get(p+"mark") == ""
	for _, src := range t.Sources {
		for _, part := range []string{"amount", "share", "note", "mark"} {
			empty = empty && fm.Get(financingCellName(p, src, part)) == ""
		}
	}
	if empty {
		return old, false
	}
	row := old
	if _, present := fm.Values[p+"line"]; present {
		row.Line = fm.Get(p + "line")
		switch {
		case row.Line == "":
			fm.Fail(p+"line", "money.row-line")
		case budget == nil || !slices.ContainsFunc(budget.Lines, func(l plan.BudgetLine) bool { return l.ID == row.Line }):
			fm.Fail(p+"line", "form.choose")
		}
	}
	if _, present := fm.Values[p+"label"]; present {
		row.Label = moneyText(fm, p+"label", old.Label)
		if row.Label == "" && row.Line == "" {
			fm.Fail(p+"label", "money.row-label")
		}
	}
	// A fresh slice: the row may be the plan's own, which must not change
	// before the whole form is found good.
	row.Cells = slices.Clone(old.Cells)
	for _, src := range t.Sources {
		srcName := moneySourceName(f, src)
		ci := financingCellIndex(row, src)
		c := plan.FinancingCell{Source: src}
		if ci >= 0 {
			c = row.Cells[ci]
		}
		had := c.Amount
		if name == "" {
			c.Amount = moneyAmountField(fm, financingCellName(p, src, "amount"), had, "money.cell-amount-new", "Source", srcName)
		} else {
			c.Amount = moneyAmountField(fm, financingCellName(p, src, "amount"), had, "money.cell-amount", "Row", name, "Source", srcName)
		}
		c.Share = moneyShareField(fm, financingCellName(p, src, "share"), c.Share, name, srcName)
		c.Note = moneyText(fm, financingCellName(p, src, "note"), c.Note)
		c.Mark = moneyText(fm, financingCellName(p, src, "mark"), c.Mark)
		blank := c.Amount == nil && c.Share == "" && c.Note == "" && c.Mark == "" && len(c.Payments) == 0
		switch {
		case ci >= 0 && blank && had != nil:
			// An amount emptied, and nothing else in the cell: the source
			// gives nothing to this row. A cell that had no amount to
			// begin with is an amount not yet known, and stays.
			row.Cells = slices.Delete(row.Cells, ci, ci+1)
		case ci >= 0:
			row.Cells[ci] = c
		case !blank:
			row.Cells = append(row.Cells, c)
		}
	}
	if name == "" {
		row.PrintedTotal = moneyAmountField(fm, p+"printed", old.PrintedTotal, "money.row-total-new")
	} else {
		row.PrintedTotal = moneyAmountField(fm, p+"printed", old.PrintedTotal, "money.row-total", "Row", name)
	}
	row.Mark = moneyText(fm, p+"mark", old.Mark)
	return row, true
}

// moneyShareField reads a share as written ("75 %", "4/6"), kept as it was
// where only the space around it differs.
func moneyShareField(fm *form, field string, had plan.Share, row, source string) plan.Share {
	if _, present := fm.Values[field]; !present {
		return had
	}
	typed := fm.Get(field)
	if typed == strings.TrimSpace(string(had)) {
		return had
	}
	var s plan.Share
	if err := s.UnmarshalText([]byte(typed)); err != nil {
		if row == "" {
			fm.Fail(field, "money.cell-share-new", "Source", source)
		} else {
			fm.Fail(field, "money.cell-share", "Row", row, "Source", source)
		}
		return had
	}
	return s
}

// financingPrintedForm reads the SUM row as printed. Printed totals of
// sources that are not columns are kept: the rules report them.
func financingPrintedForm(fm *form, f *plan.File, t *plan.Financing) *plan.FinancingTotals {
	var old plan.FinancingTotals
	if t.Printed != nil {
		old = *t.Printed
	}
	pt := plan.FinancingTotals{Sources: maps.Clone(old.Sources), Marks: maps.Clone(old.Marks), Minimum: old.Minimum}
	for _, src := range t.Sources {
		var had *plan.Amount
		if a, ok := old.Sources[src]; ok {
			had = &a
		}
		if a := moneyAmountField(fm, "sum_"+src, had, "money.amount-source-sum", "Source", moneySourceName(f, src)); a != nil {
			if pt.Sources == nil {
				pt.Sources = map[string]plan.Amount{}
			}
			pt.Sources[src] = *a
		} else {
			delete(pt.Sources, src)
		}
		if m := moneyText(fm, "summark_"+src, old.Marks[src]); m != "" {
			if pt.Marks == nil {
				pt.Marks = map[string]string{}
			}
			pt.Marks[src] = m
		} else {
			delete(pt.Marks, src)
		}
	}
	pt.Total = moneyAmountField(fm, "printed-total", old.Total, "money.amount-sum-total")
	if _, present := fm.Values["printed-total"]; present {
		// The box is sent only when ticked; the total beside it says the
		// form showed it.
		pt.Minimum = fm.Get("printed-minimum") != ""
	}
	if len(pt.Sources) == 0 && len(pt.Marks) == 0 && pt.Total == nil && !pt.Minimum {
		return nil
	}
	return &pt
}

// moneySourceName is a funding source's name, or its id where the plan lacks it.
func moneySourceName(f *plan.File, id string) string {
	for _, s := range f.Plan.Sources {
		if s.ID == id && s.Name != "" {
			return s.Name
		}
	}
	return id
}
