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

// The budget form is a grid: one row per line, its fields named
// line-0-label, line-0-y2026…, with line-0-id hidden to say which line the
// row is; a row new-… for adding a line; and the SUM row as the plan
// printed it, printed-y2026, printed-total, printed-mark. "lines" says how
// many line rows the form has. A row is matched to its line by id, never by
// position, so that a form shown again after a conflict still writes each
// row to its own line.

func budgetRowPrefix(i int) string { return fmt.Sprintf("line-%d-", i) }

func moneyYearName(prefix string, y int) string { return prefix + "y" + strconv.Itoa(y) }

// budgetValues fills a form with a budget as it is.
func budgetValues(b *plan.Budget) url.Values {
	v := url.Values{}
	v.Set("title", b.Title)
	v.Set("lines", strconv.Itoa(len(b.Lines)))
	for i, l := range b.Lines {
		budgetLineValues(v, budgetRowPrefix(i), b.Years, l)
	}
	budgetPrintedValues(v, b)
	return v
}

func budgetLineValues(v url.Values, p string, years []int, l plan.BudgetLine) {
	v.Set(p+"id", l.ID)
	v.Set(p+"number", l.Number)
	v.Set(p+"label", l.Label)
	if l.Goal != 0 {
		v.Set(p+"goal", strconv.Itoa(l.Goal))
	} else {
		v.Set(p+"goal", "")
	}
	for _, y := range years {
		var a *plan.Amount
		if x, ok := l.Amounts[y]; ok {
			a = &x
		}
		v.Set(moneyYearName(p, y), formatAmountInput(a))
	}
	v.Set(p+"printed", formatAmountInput(l.PrintedTotal))
	v.Set(p+"mark", l.Mark)
}

func budgetPrintedValues(v url.Values, b *plan.Budget) {
	p := b.Printed
	if p == nil {
		p = &plan.PrintedTotals{}
	}
	for _, y := range b.Years {
		var a *plan.Amount
		if x, ok := p.Years[y]; ok {
			a = &x
		}
		v.Set(moneyYearName("printed-", y), formatAmountInput(a))
	}
	v.Set("printed-total", formatAmountInput(p.Total))
	v.Set("printed-mark", p.Mark)
}

// budgetTable is a budget as the money forms edit it; its form names its
// rows line-<n>-, for merging.
var budgetTable = moneyTable[plan.Budget]{param: "budget", what: "budget", word: "budget", list: "plan.budgets",
	column: "new_year", gone: "money.budget-gone", grid: moneyGrid{word: "line", count: "lines", keyField: "id"},
	find: findBudget, values: budgetValues, apply: applyBudgetForm, render: (*Server).renderBudgetEdit}

// applyBudgetForm checks the form against the plan and, where it is good,
// writes it into b. Lines the form does not show stay as they are; a line
// row with every field emptied removes its line, unless a financing table
// finances that line; the new row adds a line with an id made from its
// label. Footnotes, notes and what the budget covers are not in the form
// and are kept.
func applyBudgetForm(fm *form, f *plan.File, b *plan.Budget) {
	years := slices.Clone(b.Years)
	newYear := yearField(fm, "new_year")
	if newYear != 0 && slices.Contains(years, newYear) {
		fm.Fail("new_year", "money.year-exists", "Year", newYear)
	}
	var lines []plan.BudgetLine
	seen := map[string]bool{}
	for i := range moneyCount(fm, "lines") {
		p := budgetRowPrefix(i)
		id := fm.Get(p + "id")
		if id == "" || seen[id] {
			continue // not a row this form was made with
		}
		seen[id] = true
		old := plan.BudgetLine{ID: id}
		existed := false
		if li := slices.IndexFunc(b.Lines, func(l plan.BudgetLine) bool { return l.ID == id }); li >= 0 {
			old, existed = b.Lines[li], true
		}
		name := old.Label
		if !existed {
			name = fm.Get(p + "label")
		}
		l, keep := budgetLineForm(fm, f, b, p, old, name)
		if !keep {
			if users := lineFinancedBy(f, b.ID, id); existed && len(users) > 0 {
				fm.Fail(p+"label", "money.line-financed", "Line", old.Label, "Tables", users)
			}
			continue
		}
		// A line someone else removed while this form was open comes back
		// under its id: the conflict showed the removal, and the person
		// chose to keep their row.
		lines = append(lines, l)
	}
	// Lines the form did not show were added meanwhile; they stay.
	for _, l := range b.Lines {
		if !seen[l.ID] {
			lines = append(lines, l)
		}
	}
	if l, keep := budgetLineForm(fm, f, b, "new-", plan.BudgetLine{}, fm.Get("new-label")); keep {
		l.ID = moneyID(l.Label, "linje", func(id string) bool {
			return slices.ContainsFunc(lines, func(o plan.BudgetLine) bool { return o.ID == id })
		})
		lines = append(lines, l)
	}
	moveLineForm(fm, lines)
	printed := budgetPrintedForm(fm, b)
	title := tableTitleForm(fm, b.Title)
	gone := removeYearForm(fm, years, lines, printed)
	if !fm.OK() {
		return
	}
	if gone != 0 {
		years = slices.DeleteFunc(years, func(y int) bool { return y == gone })
		for i := range lines {
			if _, ok := lines[i].Amounts[gone]; ok {
				// The line's map may still be the plan's own (a line the
				// form did not show): a copy, then.
				lines[i].Amounts = maps.Clone(lines[i].Amounts)
				delete(lines[i].Amounts, gone)
			}
		}
		if printed != nil {
			delete(printed.Years, gone)
		}
	}
	if newYear != 0 {
		years = moneyInsertYear(years, newYear)
	}
	b.Title, b.Years, b.Lines, b.Printed = title, years, lines, printed
}

// moveLineForm moves the line the form names one place up or down, as the
// form asks: lines are printed in the order the plan keeps them.
func moveLineForm(fm *form, lines []plan.BudgetLine) {
	id := fm.Get("move_line")
	if id == "" {
		return
	}
	i := slices.IndexFunc(lines, func(l plan.BudgetLine) bool { return l.ID == id })
	step := map[string]int{"up": -1, "down": 1}[fm.Get("move_to")]
	switch {
	case i < 0:
		fm.Fail("move_line", "form.choose")
	case step == 0:
		fm.Fail("move_to", "form.choose")
	case i+step >= 0 && i+step < len(lines):
		lines[i], lines[i+step] = lines[i+step], lines[i]
	}
}

// removeYearForm reads the year column the form removes, 0 for none. A
// year that holds amounts goes only with the box ticked that says its
// amounts go with it; until then the message beside the field names them,
// line by line, so that nobody loses an amount unknowingly.
func removeYearForm(fm *form, years []int, lines []plan.BudgetLine, printed *plan.PrintedTotals) int {
	y := yearField(fm, "remove_year")
	if y == 0 {
		return 0
	}
	if !slices.Contains(years, y) {
		fm.Fail("remove_year", "form.choose")
		return 0
	}
	if len(years) == 1 {
		fm.Fail("remove_year", "tables.last-year", "Year", y)
		return 0
	}
	var held []string
	for _, l := range lines {
		if a, ok := l.Amounts[y]; ok {
			held = append(held, "«"+l.Label+"» "+formatAmountInput(&a))
		}
	}
	var sum string
	if printed != nil {
		if a, ok := printed.Years[y]; ok {
			sum = formatAmountInput(&a)
		}
	}
	if (len(held) > 0 || sum != "") && fm.Get("remove_year_confirm") != strconv.Itoa(y) {
		fm.Fail("remove_year", "tables.year-holds", "Year", y, "Amounts", strings.Join(held, "; "), "Printed", sum)
		return 0
	}
	return y
}

// budgetLineForm reads one row of the grid into a copy of old. keep is
// false for a row with every field empty: a line to remove, or the new row
// left as it was. name is the line's label as the row header shows it, for
// messages; "" for a new row not yet named.
func budgetLineForm(fm *form, f *plan.File, b *plan.Budget, p string, old plan.BudgetLine, name string) (plan.BudgetLine, bool) {
	empty := true
	for _, field := range []string{"number", "label", "goal", "printed", "mark"} {
		empty = empty && fm.Get(p+field) == ""
	}
	for _, y := range b.Years {
		empty = empty && fm.Get(moneyYearName(p, y)) == ""
	}
	if empty {
		return old, false
	}
	l := old
	l.Number = moneyText(fm, p+"number", old.Number)
	l.Label = moneyText(fm, p+"label", old.Label)
	if l.Label == "" {
		fm.Fail(p+"label", "money.line-label")
	}
	l.Goal = old.Goal
	if _, present := fm.Values[p+"goal"]; present {
		l.Goal = 0
		if g := fm.Get(p + "goal"); g != "" {
			n, err := strconv.Atoi(g)
			if err != nil || findGoal(f, n) == nil {
				fm.Fail(p+"goal", "form.choose")
			}
			l.Goal = n
		}
	}
	// A fresh map: the line may be the plan's own, which must not change
	// before the whole form is found good.
	l.Amounts = maps.Clone(old.Amounts)
	for _, y := range b.Years {
		var had *plan.Amount
		if a, ok := old.Amounts[y]; ok {
			had = &a
		}
		var a *plan.Amount
		if name == "" {
			a = moneyAmountField(fm, moneyYearName(p, y), had, "money.amount-new-line", "Year", y)
		} else {
			a = moneyAmountField(fm, moneyYearName(p, y), had, "money.amount-line", "Line", name, "Year", y)
		}
		if a == nil {
			delete(l.Amounts, y)
			continue
		}
		if l.Amounts == nil {
			l.Amounts = map[int]plan.Amount{}
		}
		l.Amounts[y] = *a
	}
	if name == "" {
		l.PrintedTotal = moneyAmountField(fm, p+"printed", old.PrintedTotal, "money.amount-new-line-total")
	} else {
		l.PrintedTotal = moneyAmountField(fm, p+"printed", old.PrintedTotal, "money.amount-line-total", "Line", name)
	}
	l.Mark = moneyText(fm, p+"mark", old.Mark)
	return l, true
}

// budgetPrintedForm reads the SUM row as printed. Printed totals of years
// the budget does not have are kept: the rules report them.
func budgetPrintedForm(fm *form, b *plan.Budget) *plan.PrintedTotals {
	var old plan.PrintedTotals
	if b.Printed != nil {
		old = *b.Printed
	}
	pt := plan.PrintedTotals{Years: maps.Clone(old.Years)}
	for _, y := range b.Years {
		var had *plan.Amount
		if a, ok := old.Years[y]; ok {
			had = &a
		}
		a := moneyAmountField(fm, moneyYearName("printed-", y), had, "money.amount-sum", "Year", y)
		if a == nil {
			delete(pt.Years, y)
			continue
		}
		if pt.Years == nil {
			pt.Years = map[int]plan.Amount{}
		}
		pt.Years[y] = *a
	}
	pt.Total = moneyAmountField(fm, "printed-total", old.Total, "money.amount-sum-total")
	pt.Mark = moneyText(fm, "printed-mark", old.Mark)
	if len(pt.Years) == 0 && pt.Total == nil && pt.Mark == "" {
		return nil
	}
	return &pt
}

// moneyInsertYear adds a year column: in its place where the years run in
// order, as budgets print them, or else at the end.
func moneyInsertYear(years []int, y int) []int {
	if !slices.IsSorted(years) {
		return append(years, y)
	}
	i, _ := slices.BinarySearch(years, y)
	return slices.Insert(years, i, y)
}
