package sqlstore

import (
	"database/sql"
	"fmt"
	"maps"
	"slices"

	"planverk/plan"
)

func (s *saver) saveFinancing(planID int64) error {
	keys := map[string]bool{}
	for i, t := range s.f.Plan.Financing {
		path := fmt.Sprintf("plan.financing[%d]", i)
		if keys[t.ID] {
			return invalid(s.f, "financing table %q is in the plan twice", t.ID)
		}
		keys[t.ID] = true
		var budgetID int64
		if t.Budget != "" {
			var ok bool
			if budgetID, ok = s.budgets[t.Budget]; !ok {
				return invalid(s.f, "%s.budget names budget %q, which the plan does not have", path, t.Budget)
			}
		}
		var yearsFrom, yearsTo any
		var yearsNote string
		if t.Years != nil {
			yearsFrom, yearsTo, yearsNote = t.Years.From, t.Years.To, t.Years.Note
		}
		id, err := s.insert(`
			INSERT INTO financing_tables (plan_id, position, key, title, year, years_from, years_to, years_note, budget_id, note)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			planID, i, t.ID, t.Title, t.Year, yearsFrom, yearsTo, yearsNote, nullID(budgetID), string(t.Note))
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if err := s.saveFinancingTable(id, budgetID, t, path); err != nil {
			return err
		}
	}
	return nil
}

func (s *saver) saveFinancingTable(id, budgetID int64, t plan.Financing, path string) error {
	for i, c := range t.Sources {
		src, err := s.source(c, fmt.Sprintf("%s.sources[%d]", path, i))
		if err != nil {
			return err
		}
		if err := s.exec(`INSERT INTO financing_columns (financing_id, position, source_id) VALUES (?, ?, ?)`, id, i, src); err != nil {
			return fmt.Errorf("%s.sources[%d]: %w", path, i, err)
		}
	}
	for i, row := range t.Rows {
		rp := fmt.Sprintf("%s.rows[%d]", path, i)
		line, err := s.line(budgetID, t.Budget, row.Line, rp+".line")
		if err != nil {
			return err
		}
		rid, err := s.insert(`INSERT INTO financing_rows (financing_id, position, line_id, label, printed_total, mark) VALUES (?, ?, ?, ?, ?, ?)`,
			id, i, line, row.Label, nullAmount(row.PrintedTotal), row.Mark)
		if err != nil {
			return fmt.Errorf("%s: %w", rp, err)
		}
		for j, c := range row.Cells {
			cp := fmt.Sprintf("%s.cells[%d]", rp, j)
			src, err := s.source(c.Source, cp+".source")
			if err != nil {
				return err
			}
			cid, err := s.insert(`
				INSERT INTO financing_cells (row_id, position, source_id, amount, kind, share, note, mark)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
				rid, j, src, nullAmount(c.Amount), string(c.Kind), string(c.Share), c.Note, c.Mark)
			if err != nil {
				return fmt.Errorf("%s: %w", cp, err)
			}
			for k, p := range c.Payments {
				if err := s.exec(`INSERT INTO financing_payments (cell_id, position, year, share) VALUES (?, ?, ?, ?)`,
					cid, k, p.Year, string(p.Share)); err != nil {
					return fmt.Errorf("%s.payments[%d]: %w", cp, k, err)
				}
			}
		}
	}
	if pt := t.Printed; pt != nil {
		pid, err := s.insert(`INSERT INTO financing_printed_totals (financing_id, total, minimum) VALUES (?, ?, ?)`,
			id, nullAmount(pt.Total), pt.Minimum)
		if err != nil {
			return fmt.Errorf("%s.printed: %w", path, err)
		}
		for _, key := range slices.Sorted(maps.Keys(pt.Sources)) {
			src, err := s.source(key, path+".printed.sources."+key)
			if err != nil {
				return err
			}
			if err := s.exec(`INSERT INTO financing_printed_sources (printed_id, source_id, amount) VALUES (?, ?, ?)`,
				pid, src, int64(pt.Sources[key])); err != nil {
				return fmt.Errorf("%s.printed.sources.%s: %w", path, key, err)
			}
		}
		for _, key := range slices.Sorted(maps.Keys(pt.Marks)) {
			src, err := s.source(key, path+".printed.marks."+key)
			if err != nil {
				return err
			}
			if err := s.exec(`INSERT INTO financing_printed_marks (printed_id, source_id, mark) VALUES (?, ?, ?)`,
				pid, src, pt.Marks[key]); err != nil {
				return fmt.Errorf("%s.printed.marks.%s: %w", path, key, err)
			}
		}
	}
	if err := s.saveFootnotes("financing_id", id, t.Footnotes); err != nil {
		return fmt.Errorf("%s.footnotes: %w", path, err)
	}
	return nil
}

// financingLoad gathers a plan's financing tables: each query below reads one
// kind of row for all tables at once and files it under its table.
type financingLoad struct {
	*reader
	planID int64
	out    []plan.Financing
	index  map[int64]int // table row → position in out
}

func (f *financingLoad) table(id int64) *plan.Financing { return &f.out[f.index[id]] }

func (r *reader) loadFinancing(planID int64) ([]plan.Financing, error) {
	f := &financingLoad{reader: r, planID: planID, index: map[int64]int{}}
	err := r.each(`
		SELECT t.id, t.key, t.title, t.year, t.years_from, t.years_to, t.years_note, coalesce(b.key, ''), t.note
		FROM financing_tables t LEFT JOIN budgets b ON b.id = t.budget_id
		WHERE t.plan_id = ? ORDER BY t.position`, []any{planID},
		func(rows *sql.Rows) error {
			var id int64
			var t plan.Financing
			var yearsFrom, yearsTo sql.NullInt64
			var yearsNote string
			err := rows.Scan(&id, &t.ID, &t.Title, &t.Year, &yearsFrom, &yearsTo, &yearsNote, &t.Budget, &t.Note)
			if yearsFrom.Valid || yearsTo.Valid {
				t.Years = &plan.Period{From: intOf(yearsFrom), To: intOf(yearsTo), Note: yearsNote}
			}
			f.index[id] = len(f.out)
			f.out = append(f.out, t)
			return err
		})
	if err != nil || len(f.out) == 0 {
		return f.out, err
	}
	steps := []struct {
		what string
		load func() error
	}{
		{"columns", f.columns},
		{"rows", f.rows},
		{"printed totals", f.printed},
		{"footnotes", func() error {
			notes, err := r.loadFootnotes("financing_id", "financing_tables", planID)
			for id, n := range notes {
				f.table(id).Footnotes = n
			}
			return err
		}},
	}
	for _, st := range steps {
		if err := st.load(); err != nil {
			return nil, fmt.Errorf("%s: %w", st.what, err)
		}
	}
	return f.out, nil
}

func (f *financingLoad) columns() error {
	return f.each(`
		SELECT c.financing_id, coalesce(s.key, '')
		FROM financing_columns c JOIN financing_tables t ON t.id = c.financing_id
			LEFT JOIN funding_sources s ON s.id = c.source_id
		WHERE t.plan_id = ? ORDER BY c.financing_id, c.position`, []any{f.planID},
		func(rows *sql.Rows) error {
			var id int64
			var src string
			if err := rows.Scan(&id, &src); err != nil {
				return err
			}
			t := f.table(id)
			t.Sources = append(t.Sources, src)
			return nil
		})
}

func (f *financingLoad) rows() error {
	type at struct {
		table int64
		i     int
	}
	rowAt := map[int64]at{}
	args := []any{f.planID}
	err := f.each(`
		SELECT r.id, r.financing_id, coalesce(l.key, ''), r.label, r.printed_total, r.mark
		FROM financing_rows r JOIN financing_tables t ON t.id = r.financing_id
			LEFT JOIN budget_lines l ON l.id = r.line_id
		WHERE t.plan_id = ? ORDER BY r.financing_id, r.position`, args,
		func(rows *sql.Rows) error {
			var id, tid int64
			var row plan.FinancingRow
			var printed sql.NullInt64
			if err := rows.Scan(&id, &tid, &row.Line, &row.Label, &printed, &row.Mark); err != nil {
				return err
			}
			row.PrintedTotal = amountOf(printed)
			t := f.table(tid)
			rowAt[id] = at{tid, len(t.Rows)}
			t.Rows = append(t.Rows, row)
			return nil
		})
	if err != nil || len(rowAt) == 0 {
		return err
	}
	row := func(id int64) *plan.FinancingRow {
		a := rowAt[id]
		return &f.table(a.table).Rows[a.i]
	}
	type cellAt struct {
		row int64
		i   int
	}
	cells := map[int64]cellAt{}
	err = f.each(`
		SELECT c.id, c.row_id, coalesce(s.key, ''), c.amount, c.kind, c.share, c.note, c.mark
		FROM financing_cells c JOIN financing_rows r ON r.id = c.row_id
			JOIN financing_tables t ON t.id = r.financing_id
			LEFT JOIN funding_sources s ON s.id = c.source_id
		WHERE t.plan_id = ? ORDER BY c.row_id, c.position`, args,
		func(rows *sql.Rows) error {
			var id, rid int64
			var c plan.FinancingCell
			var amount sql.NullInt64
			if err := rows.Scan(&id, &rid, &c.Source, &amount, &c.Kind, &c.Share, &c.Note, &c.Mark); err != nil {
				return err
			}
			c.Amount = amountOf(amount)
			r := row(rid)
			cells[id] = cellAt{rid, len(r.Cells)}
			r.Cells = append(r.Cells, c)
			return nil
		})
	if err != nil || len(cells) == 0 {
		return err
	}
	return f.each(`
		SELECT p.cell_id, p.year, p.share
		FROM financing_payments p JOIN financing_cells c ON c.id = p.cell_id
			JOIN financing_rows r ON r.id = c.row_id JOIN financing_tables t ON t.id = r.financing_id
		WHERE t.plan_id = ? ORDER BY p.cell_id, p.position`, args,
		func(rows *sql.Rows) error {
			var cid int64
			var p plan.Payment
			if err := rows.Scan(&cid, &p.Year, &p.Share); err != nil {
				return err
			}
			a := cells[cid]
			c := &row(a.row).Cells[a.i]
			c.Payments = append(c.Payments, p)
			return nil
		})
}

func (f *financingLoad) printed() error {
	owner := map[int64]int64{} // printed row → table row
	args := []any{f.planID}
	err := f.each(`
		SELECT p.id, p.financing_id, p.total, p.minimum
		FROM financing_printed_totals p JOIN financing_tables t ON t.id = p.financing_id
		WHERE t.plan_id = ?`, args,
		func(rows *sql.Rows) error {
			var id, tid int64
			var total sql.NullInt64
			pt := &plan.FinancingTotals{}
			if err := rows.Scan(&id, &tid, &total, &pt.Minimum); err != nil {
				return err
			}
			pt.Total = amountOf(total)
			f.table(tid).Printed = pt
			owner[id] = tid
			return nil
		})
	if err != nil || len(owner) == 0 {
		return err
	}
	err = f.each(`
		SELECT ps.printed_id, coalesce(s.key, ''), ps.amount
		FROM financing_printed_sources ps JOIN financing_printed_totals p ON p.id = ps.printed_id
			JOIN financing_tables t ON t.id = p.financing_id LEFT JOIN funding_sources s ON s.id = ps.source_id
		WHERE t.plan_id = ?`, args,
		func(rows *sql.Rows) error {
			var id int64
			var src string
			var amount plan.Amount
			if err := rows.Scan(&id, &src, &amount); err != nil {
				return err
			}
			pt := f.table(owner[id]).Printed
			if pt.Sources == nil {
				pt.Sources = map[string]plan.Amount{}
			}
			pt.Sources[src] = amount
			return nil
		})
	if err != nil {
		return err
	}
	return f.each(`
		SELECT pm.printed_id, coalesce(s.key, ''), pm.mark
		FROM financing_printed_marks pm JOIN financing_printed_totals p ON p.id = pm.printed_id
			JOIN financing_tables t ON t.id = p.financing_id LEFT JOIN funding_sources s ON s.id = pm.source_id
		WHERE t.plan_id = ?`, args,
		func(rows *sql.Rows) error {
			var id int64
			var src, mark string
			if err := rows.Scan(&id, &src, &mark); err != nil {
				return err
			}
			pt := f.table(owner[id]).Printed
			if pt.Marks == nil {
				pt.Marks = map[string]string{}
			}
			pt.Marks[src] = mark
			return nil
		})
}
