package sqlstore

import (
	"database/sql"
	"fmt"
	"maps"
	"slices"

	"planverk/plan"
)

func (s *saver) saveBudgets(planID int64) error {
	for i, b := range s.f.Plan.Budgets {
		path := fmt.Sprintf("plan.budgets[%d]", i)
		if _, dup := s.budgets[b.ID]; dup {
			return invalid(s.f, "budget %q is in the plan twice", b.ID)
		}
		id, err := s.insert(`INSERT INTO budgets (plan_id, position, key, title, note) VALUES (?, ?, ?, ?, ?)`,
			planID, i, b.ID, b.Title, string(b.Note))
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		s.budgets[b.ID] = id
		if err := s.saveBudget(id, b, path); err != nil {
			return err
		}
	}
	return nil
}

func (s *saver) saveBudget(id int64, b plan.Budget, path string) error {
	for i, c := range b.Covers {
		src, err := s.source(c, fmt.Sprintf("%s.covers[%d]", path, i))
		if err != nil {
			return err
		}
		if err := s.exec(`INSERT INTO budget_covers (budget_id, position, source_id) VALUES (?, ?, ?)`, id, i, src); err != nil {
			return fmt.Errorf("%s.covers[%d]: %w", path, i, err)
		}
	}
	for i, y := range b.Years {
		if slices.Contains(b.Years[:i], y) {
			return invalid(s.f, "budget %q has the year %d twice", b.ID, y)
		}
		if err := s.exec(`INSERT INTO budget_years (budget_id, position, year) VALUES (?, ?, ?)`, id, i, y); err != nil {
			return fmt.Errorf("%s.years[%d]: %w", path, i, err)
		}
	}
	lines := map[string]int64{}
	s.lines[id] = lines
	for i, l := range b.Lines {
		lp := fmt.Sprintf("%s.lines[%d]", path, i)
		if _, dup := lines[l.ID]; dup {
			return invalid(s.f, "budget %q has line %q twice", b.ID, l.ID)
		}
		goal, err := s.goal(l.Goal, lp+".goal")
		if err != nil {
			return err
		}
		lid, err := s.insert(`
			INSERT INTO budget_lines (budget_id, position, key, number, label, goal_id, printed_total, mark, kind)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, i, l.ID, l.Number, l.Label, goal, nullAmount(l.PrintedTotal), l.Mark, string(l.Kind))
		if err != nil {
			return fmt.Errorf("%s: %w", lp, err)
		}
		lines[l.ID] = lid
		for _, y := range slices.Sorted(maps.Keys(l.Amounts)) {
			if err := s.exec(`INSERT INTO budget_amounts (line_id, year, amount) VALUES (?, ?, ?)`,
				lid, y, int64(l.Amounts[y])); err != nil {
				return fmt.Errorf("%s.amounts.%d: %w", lp, y, err)
			}
		}
	}
	if pt := b.Printed; pt != nil {
		pid, err := s.insert(`INSERT INTO budget_printed_totals (budget_id, total, mark) VALUES (?, ?, ?)`,
			id, nullAmount(pt.Total), pt.Mark)
		if err != nil {
			return fmt.Errorf("%s.printed: %w", path, err)
		}
		for _, y := range slices.Sorted(maps.Keys(pt.Years)) {
			if err := s.exec(`INSERT INTO budget_printed_years (printed_id, year, amount) VALUES (?, ?, ?)`,
				pid, y, int64(pt.Years[y])); err != nil {
				return fmt.Errorf("%s.printed.years.%d: %w", path, y, err)
			}
		}
	}
	if err := s.saveFootnotes("budget_id", id, b.Footnotes); err != nil {
		return fmt.Errorf("%s.footnotes: %w", path, err)
	}
	return nil
}

// line returns the row of a line of a budget, for a foreign key; an empty id
// is NULL.
func (s *saver) line(budgetID int64, budgetKey, key, path string) (any, error) {
	if key == "" {
		return nil, nil
	}
	if budgetID == 0 {
		return nil, invalid(s.f, "%s names budget line %q, but its table names no budget", path, key)
	}
	id, ok := s.lines[budgetID][key]
	if !ok {
		return nil, invalid(s.f, "%s names line %q, which budget %q does not have", path, key, budgetKey)
	}
	return id, nil
}

func (r *reader) loadBudgets(planID int64) ([]plan.Budget, error) {
	var out []plan.Budget
	index := map[int64]int{}
	args := []any{planID}
	err := r.each(`SELECT id, key, title, note FROM budgets WHERE plan_id = ? ORDER BY position`, args,
		func(rows *sql.Rows) error {
			var id int64
			var b plan.Budget
			err := rows.Scan(&id, &b.ID, &b.Title, &b.Note)
			index[id] = len(out)
			out = append(out, b)
			return err
		})
	if err != nil || len(out) == 0 {
		return out, err
	}
	budget := func(id int64) *plan.Budget { return &out[index[id]] }
	err = r.each(`
		SELECT c.budget_id, coalesce(s.key, '')
		FROM budget_covers c JOIN budgets b ON b.id = c.budget_id LEFT JOIN funding_sources s ON s.id = c.source_id
		WHERE b.plan_id = ? ORDER BY c.budget_id, c.position`, args,
		func(rows *sql.Rows) error {
			var id int64
			var src string
			if err := rows.Scan(&id, &src); err != nil {
				return err
			}
			b := budget(id)
			b.Covers = append(b.Covers, src)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("covers: %w", err)
	}
	err = r.each(`
		SELECT y.budget_id, y.year FROM budget_years y JOIN budgets b ON b.id = y.budget_id
		WHERE b.plan_id = ? ORDER BY y.budget_id, y.position`, args,
		func(rows *sql.Rows) error {
			var id int64
			var year int
			if err := rows.Scan(&id, &year); err != nil {
				return err
			}
			b := budget(id)
			b.Years = append(b.Years, year)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("years: %w", err)
	}
	if err := r.loadBudgetLines(planID, budget); err != nil {
		return nil, fmt.Errorf("lines: %w", err)
	}
	if err := r.loadBudgetPrinted(planID, budget); err != nil {
		return nil, fmt.Errorf("printed totals: %w", err)
	}
	notes, err := r.loadFootnotes("budget_id", "budgets", planID)
	if err != nil {
		return nil, fmt.Errorf("footnotes: %w", err)
	}
	for id, n := range notes {
		budget(id).Footnotes = n
	}
	return out, nil
}

func (r *reader) loadBudgetLines(planID int64, budget func(int64) *plan.Budget) error {
	type at struct {
		budget int64
		i      int
	}
	where := map[int64]at{}
	args := []any{planID}
	err := r.each(`
		SELECT l.id, l.budget_id, l.key, l.number, l.label, g.number, l.printed_total, l.mark, l.kind
		FROM budget_lines l JOIN budgets b ON b.id = l.budget_id LEFT JOIN goals g ON g.id = l.goal_id
		WHERE b.plan_id = ? ORDER BY l.budget_id, l.position`, args,
		func(rows *sql.Rows) error {
			var id, bid int64
			var l plan.BudgetLine
			var goal, printed sql.NullInt64
			if err := rows.Scan(&id, &bid, &l.ID, &l.Number, &l.Label, &goal, &printed, &l.Mark, &l.Kind); err != nil {
				return err
			}
			l.Goal = intOf(goal)
			l.PrintedTotal = amountOf(printed)
			b := budget(bid)
			where[id] = at{bid, len(b.Lines)}
			b.Lines = append(b.Lines, l)
			return nil
		})
	if err != nil || len(where) == 0 {
		return err
	}
	return r.each(`
		SELECT a.line_id, a.year, a.amount
		FROM budget_amounts a JOIN budget_lines l ON l.id = a.line_id JOIN budgets b ON b.id = l.budget_id
		WHERE b.plan_id = ?`, args,
		func(rows *sql.Rows) error {
			var id int64
			var year int
			var amount plan.Amount
			if err := rows.Scan(&id, &year, &amount); err != nil {
				return err
			}
			a := where[id]
			l := &budget(a.budget).Lines[a.i]
			if l.Amounts == nil {
				l.Amounts = map[int]plan.Amount{}
			}
			l.Amounts[year] = amount
			return nil
		})
}

func (r *reader) loadBudgetPrinted(planID int64, budget func(int64) *plan.Budget) error {
	owner := map[int64]int64{} // printed row → budget row
	args := []any{planID}
	err := r.each(`
		SELECT p.id, p.budget_id, p.total, p.mark
		FROM budget_printed_totals p JOIN budgets b ON b.id = p.budget_id WHERE b.plan_id = ?`, args,
		func(rows *sql.Rows) error {
			var id, bid int64
			var total sql.NullInt64
			pt := &plan.PrintedTotals{}
			if err := rows.Scan(&id, &bid, &total, &pt.Mark); err != nil {
				return err
			}
			pt.Total = amountOf(total)
			budget(bid).Printed = pt
			owner[id] = bid
			return nil
		})
	if err != nil || len(owner) == 0 {
		return err
	}
	return r.each(`
		SELECT y.printed_id, y.year, y.amount
		FROM budget_printed_years y JOIN budget_printed_totals p ON p.id = y.printed_id
			JOIN budgets b ON b.id = p.budget_id
		WHERE b.plan_id = ?`, args,
		func(rows *sql.Rows) error {
			var id int64
			var year int
			var amount plan.Amount
			if err := rows.Scan(&id, &year, &amount); err != nil {
				return err
			}
			pt := budget(owner[id]).Printed
			if pt.Years == nil {
				pt.Years = map[int]plan.Amount{}
			}
			pt.Years[year] = amount
			return nil
		})
}
