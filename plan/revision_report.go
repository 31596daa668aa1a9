package plan

import "slices"

// RevisionReport is the section the ministry asks each yearly revision for:
// the new measures with their money, the changed ones with what changed and
// why, the ended ones with what they achieved, and the changes to the
// weights, the budget and the financing. It is computed from the plan
// revised (Base) and the plan (Draft) with its dispositions; nothing in it
// is typed.
type RevisionReport struct {
	Base, Draft *File
	New         []MeasureRevision
	Changed     []MeasureRevision
	Ended       []MeasureRevision
	// Continued counts the measures carried on unchanged.
	Continued int
	Weights   []WeightChange
	Budgets   []TableChange
	Financing []TableChange
}

// WeightChange is a goal whose weight changed (or that is new or gone).
type WeightChange struct {
	Goal          int
	Title         string
	Before, After Share
}

// TableChange is a budget or financing table compared with its
// counterpart in the plan revised, over the years the plan still plans.
type TableChange struct {
	ID, Title string
	// BaseID and BaseTitle name the table compared with, where it differs
	// (last year's financing table for this year's).
	BaseID, BaseTitle string
	Cells             []CellChange
	// TotalBefore and TotalAfter are the sums of what is compared.
	TotalBefore, TotalAfter Amount
}

// CellChange is one amount that differs: a budget line's in a year, or a
// financing row's from a source. Before or After is nil where it is not
// given.
type CellChange struct {
	Line, Label string
	Year        int
	Source      string
	Before      *Amount
	After       *Amount
}

// Changed reports whether the table's amounts or totals differ at all.
func (t TableChange) Changed() bool {
	return len(t.Cells) > 0 || t.TotalBefore != t.TotalAfter
}

// Report computes the revision report of draft against base.
func Report(base, draft *File) *RevisionReport {
	r := &RevisionReport{Base: base, Draft: draft}
	for _, m := range Revise(base, draft) {
		switch m.Kind {
		case DispositionNew:
			r.New = append(r.New, m)
		case DispositionChanged:
			r.Changed = append(r.Changed, m)
		case DispositionEnded:
			r.Ended = append(r.Ended, m)
		default:
			r.Continued++
		}
	}
	r.Weights = weightChanges(base, draft)
	r.Budgets = budgetChanges(base, draft)
	r.Financing = financingChanges(base, draft)
	return r
}

func weightChanges(base, draft *File) []WeightChange {
	var out []WeightChange
	before := map[int]Goal{}
	for _, g := range base.Plan.Goals {
		before[g.Number] = g
	}
	seen := map[int]bool{}
	for _, g := range draft.Plan.Goals {
		seen[g.Number] = true
		b, ok := before[g.Number]
		if !ok || !sameShare(b.Weight, g.Weight) {
			out = append(out, WeightChange{Goal: g.Number, Title: g.Title, Before: b.Weight, After: g.Weight})
		}
	}
	for _, g := range base.Plan.Goals {
		if !seen[g.Number] && g.Weight != "" {
			out = append(out, WeightChange{Goal: g.Number, Title: g.Title, Before: g.Weight})
		}
	}
	return out
}

// sameShare compares two weights by value where both can be read, so that
// "60 %" and "60%" are the same weight.
func sameShare(a, b Share) bool {
	if a == b {
		return true
	}
	x, errA := a.Rat()
	y, errB := b.Rat()
	return errA == nil && errB == nil && x.Cmp(y) == 0
}

// budgetChanges compares each budget with the one of the same ID in base,
// over the years the draft plans from its own year on.
func budgetChanges(base, draft *File) []TableChange {
	var out []TableChange
	from := draft.Plan.Year
	for bi := range draft.Plan.Budgets {
		b := &draft.Plan.Budgets[bi]
		t := TableChange{ID: b.ID, Title: b.Title}
		var old *Budget
		for i := range base.Plan.Budgets {
			if base.Plan.Budgets[i].ID == b.ID {
				old = &base.Plan.Budgets[i]
			}
		}
		years := yearsFrom(from, b.Years)
		if old != nil {
			years = union(years, yearsFrom(from, old.Years))
			slices.Sort(years)
		}
		oldLines := map[string]BudgetLine{}
		if old != nil {
			for _, l := range old.Lines {
				oldLines[l.ID] = l
			}
		}
		seen := map[string]bool{}
		for _, l := range b.Lines {
			seen[l.ID] = true
			ol := oldLines[l.ID]
			for _, y := range years {
				before, after := amountIn(ol.Amounts, y), amountIn(l.Amounts, y)
				t.TotalBefore += deref(before)
				t.TotalAfter += deref(after)
				if !sameAmount(before, after) {
					t.Cells = append(t.Cells, CellChange{Line: l.ID, Label: l.Label, Year: y, Before: before, After: after})
				}
			}
		}
		if old != nil {
			for _, l := range old.Lines {
				if seen[l.ID] {
					continue
				}
				for _, y := range years {
					if a := amountIn(l.Amounts, y); a != nil {
						t.TotalBefore += *a
						t.Cells = append(t.Cells, CellChange{Line: l.ID, Label: l.Label, Year: y, Before: a})
					}
				}
			}
		}
		out = append(out, t)
	}
	return out
}

// financingChanges compares each financing table of the draft's year with
// the table of the base plan's year that finances the same budget (or
// stands at the same place among that year's tables), row by row and
// source by source.
func financingChanges(base, draft *File) []TableChange {
	var out []TableChange
	var olds []*Financing
	for i := range base.Plan.Financing {
		if base.Plan.Financing[i].Year == base.Plan.Year {
			olds = append(olds, &base.Plan.Financing[i])
		}
	}
	n := 0
	for fi := range draft.Plan.Financing {
		f := &draft.Plan.Financing[fi]
		if f.Year != draft.Plan.Year {
			continue
		}
		var old *Financing
		for _, o := range olds {
			if o.ID == f.ID || (f.Budget != "" && o.Budget == f.Budget) {
				old = o
				break
			}
		}
		if old == nil && n < len(olds) {
			old = olds[n]
		}
		n++
		t := TableChange{ID: f.ID, Title: f.Title}
		if old != nil && old.ID != f.ID {
			t.BaseID, t.BaseTitle = old.ID, old.Title
		}
		t.TotalAfter = f.Total()
		if old != nil {
			t.TotalBefore = old.Total()
		}
		key := func(r FinancingRow) string {
			if r.Line != "" {
				return r.Line
			}
			return "label:" + r.Label
		}
		oldRows := map[string]FinancingRow{}
		if old != nil {
			for _, r := range old.Rows {
				oldRows[key(r)] = r
			}
		}
		sources := f.Sources
		if old != nil {
			sources = union(sources, old.Sources)
		}
		seen := map[string]bool{}
		for _, r := range f.Rows {
			seen[key(r)] = true
			or := oldRows[key(r)]
			for _, s := range sources {
				before, after := cellAmount(or, s), cellAmount(r, s)
				if !sameAmount(before, after) {
					t.Cells = append(t.Cells, CellChange{Line: r.Line, Label: rowLabel(draft, f, r), Source: s, Before: before, After: after})
				}
			}
		}
		if old != nil {
			for _, r := range old.Rows {
				if seen[key(r)] {
					continue
				}
				for _, s := range old.Sources {
					if a := cellAmount(r, s); a != nil {
						t.Cells = append(t.Cells, CellChange{Line: r.Line, Label: rowLabel(base, old, r), Source: s, Before: a})
					}
				}
			}
		}
		out = append(out, t)
	}
	return out
}

// rowLabel is a financing row's label: its own, or its budget line's.
func rowLabel(f *File, t *Financing, r FinancingRow) string {
	if r.Label != "" || r.Line == "" {
		return r.Label
	}
	for _, b := range f.Plan.Budgets {
		if b.ID != t.Budget {
			continue
		}
		for _, l := range b.Lines {
			if l.ID == r.Line {
				return l.Label
			}
		}
	}
	return r.Line
}

func cellAmount(r FinancingRow, source string) *Amount {
	for _, c := range r.Cells {
		if c.Source == source {
			return c.Amount
		}
	}
	return nil
}

func amountIn(m map[int]Amount, y int) *Amount {
	if a, ok := m[y]; ok {
		return &a
	}
	return nil
}

func deref(a *Amount) Amount {
	if a == nil {
		return 0
	}
	return *a
}

func sameAmount(a, b *Amount) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

func yearsFrom(from int, years []int) []int {
	var out []int
	for _, y := range years {
		if y >= from {
			out = append(out, y)
		}
	}
	return out
}

func union[T comparable](a, b []T) []T {
	out := slices.Clone(a)
	for _, x := range b {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}
