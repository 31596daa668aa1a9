package casefile

import (
	"sort"
	"strconv"
	"strings"

	"planverk/followup"
	"planverk/i18n"
	"planverk/plan"
)

// The codes of a Problem. Each has a message projimport.problem.CODE in
// every language.
const (
	CodeUnreadable      = "unreadable"       // neither a workbook nor CSV
	CodeTooLarge        = "too-large"        // over MaxBytes (Value: the limit)
	CodeTooManyRows     = "too-many-rows"    // over MaxRows
	CodeNoHeading       = "no-heading"       // no row of headings planverk knows
	CodeMissingColumn   = "missing-column"   // a column that must be there is not (Args Field)
	CodeDuplicateColumn = "duplicate-column" // two columns for one field
	CodeNoRows          = "no-rows"          // headings and nothing under them
	CodeNoCaseRef       = "no-case-ref"      // a row without a case reference
	CodeNoTitle         = "no-title"         // a project without a title in any of its rows
	CodeNotAmount       = "not-amount"
	CodeNotWhole        = "not-whole" // an amount with øre
	CodeNegative        = "negative"
	CodeNotDate         = "not-date"
	CodeNotShare        = "not-share"
	CodeShareOver       = "share-over" // a support share over 100 %
	CodeUnknownSource   = "unknown-source"
	CodeNoSource        = "no-source" // a commitment without a source, where the plans have several
	CodeUnknownMeasure  = "unknown-measure"
	CodeUnknownStatus   = "unknown-status"
	CodeUnknownPhase    = "unknown-phase"
	CodePaidOver        = "paid-over"      // paid more than committed (Args Paid, Committed)
	CodePaymentAlone    = "payment-alone"  // a payment with no commitment before it
	CodeNoPaidDate      = "no-paid-date"   // a paid amount without its date
	CodeNoPaidAmount    = "no-paid-amount" // a payment date without its amount
	CodeToBeforeFrom    = "to-before-from"
)

// Problem is something in the file that must be fixed before it can be
// imported, named by where a spreadsheet shows it.
type Problem struct {
	// Row is the spreadsheet's row number (the heading's is 1 where it
	// is the first line); 0 for a problem of the whole file.
	Row int `json:"row,omitempty"`
	// Col is the column's number (1 is A); 0 for a problem of a row or of
	// the file. Heading is the column's heading as the file writes it.
	Col     int    `json:"-"`
	Column  string `json:"column,omitempty"`
	Heading string `json:"heading,omitempty"`
	Code    string `json:"code"`
	// Value is the cell's content where it matters.
	Value string         `json:"value,omitempty"`
	Args  map[string]any `json:"-"`
}

// Text says the problem in the language, naming row and column.
func (p Problem) Text(lang i18n.Lang) string {
	value := []rune(p.Value)
	if len(value) > 60 {
		value = append(value[:60], '…')
	}
	args := map[string]any{"Row": p.Row, "Column": p.Column, "Heading": p.Heading, "Value": string(value)}
	for k, v := range p.Args {
		args[k] = v
	}
	if f, ok := args["Field"].(Field); ok {
		args["Field"] = i18n.T(lang, "projimport.field."+string(f), nil)
	}
	msg := i18n.T(lang, "projimport.problem."+p.Code, args)
	switch {
	case p.Row > 0 && p.Column != "":
		return i18n.T(lang, "projimport.at-cell", map[string]any{"Row": p.Row, "Column": p.Column, "Heading": p.Heading, "Message": msg})
	case p.Row > 0:
		return i18n.T(lang, "projimport.at-row", map[string]any{"Row": p.Row, "Message": msg})
	}
	return msg
}

// Entry is one project the file holds, and the rows it was read from.
type Entry struct {
	Project followup.Project
	Rows    []int
}

// Result is what Read made of a file.
type Result struct {
	// Entries are the file's projects in the order they first appear.
	Entries  []Entry
	Problems []Problem
	// Columns are the headings recognised, by field; Ignored those that
	// are not, which the preview names so that nothing is dropped unseen.
	Columns map[Field]string
	Ignored []string
	// Sheet is the workbook's sheet read, "" for CSV.
	Sheet string
}

// Projects are the entries' projects.
func (r *Result) Projects() []followup.Project {
	out := make([]followup.Project, len(r.Entries))
	for i, e := range r.Entries {
		out[i] = e.Project
	}
	return out
}

// Read reads a case export for programme against its plans (newest
// first): their funding sources and measures are what the file's names
// and numbers must be. Every problem is in Result.Problems; the projects
// are there as far as they could be read, and are to be stored only
// where there are no problems.
func Read(data []byte, programmeID string, plans []*plan.File) *Result {
	res := &Result{Columns: map[Field]string{}}
	if p := sizeProblem(len(data)); p != nil {
		res.Problems = append(res.Problems, *p)
		return res
	}
	t, err := readTable(data, isProjectHeading)
	if err != nil {
		res.Problems = append(res.Problems, Problem{Code: CodeUnreadable})
		return res
	}
	res.Sheet = t.sheet
	if len(t.rows) > MaxRows {
		res.Problems = append(res.Problems, Problem{Code: CodeTooManyRows, Args: map[string]any{"Max": MaxRows}})
		return res
	}
	head, ok := findHeading(t.rows, isProjectHeading)
	if !ok {
		res.Problems = append(res.Problems, Problem{Code: CodeNoHeading})
		return res
	}
	r := &reader{res: res, plans: plans, workbook: t.workbook, cols: map[Field]int{}, byRef: map[string]int{}}
	r.headings(head+1, t.rows[head])
	if len(res.Problems) > 0 {
		return res
	}
	for i := head + 1; i < len(t.rows); i++ {
		r.row(i+1, t.rows[i])
	}
	if len(res.Entries) == 0 && len(res.Problems) == 0 {
		res.Problems = append(res.Problems, Problem{Code: CodeNoRows})
	}
	for i := range res.Entries {
		e := &res.Entries[i]
		e.Project.ProgrammeID = programmeID
		if e.Project.Title == "" {
			r.problemRow(e.Rows[0], CodeNoTitle)
		}
	}
	// In the order a person reads the sheet: row by row, left to right.
	sort.SliceStable(res.Problems, func(i, j int) bool {
		a, b := res.Problems[i], res.Problems[j]
		return a.Row < b.Row || a.Row == b.Row && a.Col < b.Col
	})
	return res
}

func isProjectHeading(h string) bool {
	_, ok := FieldOf(h)
	return ok
}

type reader struct {
	res      *Result
	plans    []*plan.File
	workbook bool
	// cols are the columns' numbers (1 is A) by field; names their
	// headings as written.
	cols  map[Field]int
	names map[int]string
	// byRef is where each case reference's entry is in res.Entries.
	byRef map[string]int
	// last is each entry's last commitment, for a payment row after it.
	last map[int]int
}

func (r *reader) headings(rowNum int, row []string) {
	r.names = map[int]string{}
	for i, h := range row {
		h = trim(h)
		if h == "" {
			continue
		}
		f, ok := FieldOf(h)
		if !ok {
			r.res.Ignored = append(r.res.Ignored, h)
			continue
		}
		col := i + 1
		if _, dup := r.cols[f]; dup {
			r.res.Problems = append(r.res.Problems, Problem{Row: rowNum, Col: col, Column: ColumnLetter(col), Heading: h,
				Code: CodeDuplicateColumn, Args: map[string]any{"Field": f, "Other": r.res.Columns[f]}})
			continue
		}
		r.cols[f], r.names[col], r.res.Columns[f] = col, h, h
	}
	for _, f := range []Field{FieldCaseRef, FieldTitle} {
		if _, ok := r.cols[f]; !ok {
			r.res.Problems = append(r.res.Problems, Problem{Row: rowNum, Code: CodeMissingColumn, Args: map[string]any{"Field": f}})
		}
	}
}

// rowCells gives a row's cells by field.
type rowCells struct {
	r   *reader
	num int
	row []string
}

// get is the field's cell, and whether it has anything in it.
func (c rowCells) get(f Field) (cell, bool) {
	col, ok := c.r.cols[f]
	if !ok || col-1 >= len(c.row) {
		return cell{}, false
	}
	t := trim(c.row[col-1])
	return cell{text: t, workbook: c.r.workbook}, t != ""
}

func (c rowCells) problem(f Field, code, value string) {
	col := c.r.cols[f]
	c.r.res.Problems = append(c.r.res.Problems, Problem{Row: c.num, Col: col, Column: ColumnLetter(col),
		Heading: c.r.names[col], Code: code, Value: value})
}

func (r *reader) problemRow(row int, code string) {
	r.res.Problems = append(r.res.Problems, Problem{Row: row, Code: code})
}

// text is a text field; "" where empty.
func (c rowCells) text(f Field) string {
	v, _ := c.get(f)
	return v.text
}

func (c rowCells) amount(f Field) (*plan.Amount, plan.AmountKind) {
	v, ok := c.get(f)
	if !ok {
		return nil, ""
	}
	a, kind, code := v.amount()
	if code != "" {
		c.problem(f, code, v.text)
		return nil, ""
	}
	return &a, kind
}

func (c rowCells) date(f Field) *plan.Date {
	v, ok := c.get(f)
	if !ok {
		return nil
	}
	d, code := v.date()
	if code != "" {
		c.problem(f, code, v.text)
		return nil
	}
	return &d
}

func (r *reader) row(num int, row []string) {
	c := rowCells{r: r, num: num, row: row}
	empty := true
	for _, s := range row {
		if trim(s) != "" {
			empty = false
			break
		}
	}
	if empty {
		return
	}
	ref := c.text(FieldCaseRef)
	if ref == "" {
		c.problem(FieldCaseRef, CodeNoCaseRef, "")
		return
	}
	ei, seen := r.byRef[ref]
	if !seen {
		ei = len(r.res.Entries)
		r.byRef[ref] = ei
		r.res.Entries = append(r.res.Entries, Entry{Project: followup.Project{CaseRef: ref}})
	}
	e := &r.res.Entries[ei]
	e.Rows = append(e.Rows, num)
	r.projectFields(c, &e.Project)
	r.money(c, ei, &e.Project)
}

// projectFields fills what the project does not have yet from the row:
// the first row that gives a field gives it.
func (r *reader) projectFields(c rowCells, p *followup.Project) {
	for _, tf := range []struct {
		f Field
		s *string
	}{{FieldTitle, &p.Title}, {FieldLabel, &p.Label}, {FieldOwner, &p.Owner}, {FieldManager, &p.Manager}, {FieldSponsor, &p.Sponsor}} {
		if *tf.s == "" {
			*tf.s = c.text(tf.f)
		}
	}
	if v, ok := c.get(FieldStatus); ok && p.Status == "" {
		if s, ok := statusWords[normHeading(v.text)]; ok {
			p.Status = s
		} else {
			c.problem(FieldStatus, CodeUnknownStatus, v.text)
		}
	}
	if v, ok := c.get(FieldPhase); ok && p.Phase == "" {
		if ph, ok := phaseWords[normHeading(v.text)]; ok {
			p.Phase = ph
		} else {
			c.problem(FieldPhase, CodeUnknownPhase, v.text)
		}
	}
	if p.From == nil {
		p.From = c.date(FieldFrom)
	}
	if p.To == nil {
		if p.To = c.date(FieldTo); p.To != nil && p.From != nil && p.To.Before(*p.From) {
			c.problem(FieldTo, CodeToBeforeFrom, c.text(FieldTo))
		}
	}
	for _, af := range []struct {
		f Field
		a **plan.Amount
	}{{FieldBudget, &p.Budget}, {FieldOwnShare, &p.OwnShare}, {FieldOtherFinancing, &p.OtherFinancing}} {
		if *af.a == nil {
			*af.a, _ = c.amount(af.f)
		}
	}
	if v, ok := c.get(FieldMeasure); ok && len(p.Measures) == 0 && p.Goal == 0 {
		measures, goal, ok := r.measures(v.text)
		if !ok {
			c.problem(FieldMeasure, CodeUnknownMeasure, v.text)
		}
		p.Measures, p.Goal = measures, goal
	}
}

// money reads the row's commitment and payment. A row with a committed
// amount is a commitment: the same source, date and amount as one before
// it in the project is that one again (exports repeat the decision on
// every payment's row). A row with a payment and no amount pays the
// project's commitment before it.
func (r *reader) money(c rowCells, ei int, p *followup.Project) {
	if r.last == nil {
		r.last = map[int]int{}
	}
	amount, kind := c.amount(FieldAmount)
	ci := -1
	var cm followup.Commitment
	if _, ok := c.get(FieldAmount); ok {
		// The decision's cells are checked even where the amount is not
		// readable, so that a row with several problems shows them all.
		cm.Source = r.source(c)
		if v, ok := c.get(FieldShare); ok {
			s, code := v.share()
			if code != "" {
				c.problem(FieldShare, code, v.text)
			}
			cm.Share = s
		}
		cm.Decided = c.date(FieldDecided)
		cm.Deadline = c.date(FieldDeadline)
		cm.Body, cm.Conditions = c.text(FieldBody), c.text(FieldConditions)
	}
	if amount != nil {
		cm.Amount, cm.Kind = *amount, kind
		for i, old := range p.Commitments {
			if old.Source == cm.Source && old.Amount == cm.Amount && old.Kind == cm.Kind && sameDate(old.Decided, cm.Decided) {
				ci = i
				break
			}
		}
		if ci < 0 {
			ci = len(p.Commitments)
			p.Commitments = append(p.Commitments, cm)
		}
		r.last[ei] = ci
	}
	paid, _ := c.amount(FieldPaid)
	paidOn := c.date(FieldPaidOn)
	_, hasPaid := c.get(FieldPaid)
	_, hasPaidOn := c.get(FieldPaidOn)
	switch {
	case paid == nil && !hasPaid && hasPaidOn:
		c.problem(FieldPaid, CodeNoPaidAmount, "")
		return
	case paid != nil && !hasPaidOn:
		c.problem(FieldPaidOn, CodeNoPaidDate, "")
		return
	case paid == nil || paidOn == nil:
		return
	}
	if ci < 0 {
		last, ok := r.last[ei]
		if !ok {
			c.problem(FieldPaid, CodePaymentAlone, c.text(FieldPaid))
			return
		}
		ci = last
	}
	paying := &p.Commitments[ci]
	paying.Payments = append(paying.Payments, followup.Payment{Date: *paidOn, Amount: *paid})
	if paying.Paid() > paying.Standing() {
		col := r.cols[FieldPaid]
		r.res.Problems = append(r.res.Problems, Problem{Row: c.num, Col: col, Column: ColumnLetter(col), Heading: r.names[col],
			Code: CodePaidOver, Value: c.text(FieldPaid), Args: map[string]any{"Paid": paying.Paid(), "Committed": paying.Standing()}})
	}
}

func sameDate(a, b *plan.Date) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}

// source finds the row's funding source among the plans' by its id or
// its name; where the plans have one source only, a row without one is
// that one's.
func (r *reader) source(c rowCells) string {
	v, ok := c.get(FieldSource)
	all := map[string]bool{}
	for _, f := range r.plans {
		for _, s := range f.Plan.Sources {
			all[s.ID] = true
			if ok && (normHeading(s.ID) == normHeading(v.text) || normHeading(s.Name) == normHeading(v.text)) {
				return s.ID
			}
		}
	}
	switch {
	case ok:
		c.problem(FieldSource, CodeUnknownSource, v.text)
	case len(all) == 1:
		for id := range all {
			return id
		}
	default:
		c.problem(FieldSource, CodeNoSource, "")
	}
	return ""
}

// measures finds the measures a cell names (by number as the plan writes
// it, "1.2", by lasting identity or by title), or the goal it names where
// it names a goal ("1", or its title) rather than measures. Several are
// separated by commas or semicolons, the first the main one.
func (r *reader) measures(text string) ([]string, int, bool) {
	if ids, goal, ok := r.measure(text); ok {
		return ids, goal, true
	}
	var out []string
	for _, part := range strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ';' }) {
		ids, _, ok := r.measure(part)
		if !ok || len(ids) == 0 {
			return nil, 0, false
		}
		out = append(out, ids...)
	}
	return out, 0, len(out) > 0
}

func (r *reader) measure(text string) ([]string, int, bool) {
	want := normHeading(text)
	if want == "" {
		return nil, 0, false
	}
	for _, f := range r.plans {
		for _, g := range f.Plan.Goals {
			for _, m := range g.Measures {
				if m.ID != "" && (normHeading(m.ID) == want || normHeading(g.Name()+"."+m.Name()) == want ||
					normHeading(m.Title) == want) {
					return []string{m.ID}, 0, true
				}
			}
		}
	}
	for _, f := range r.plans {
		for _, g := range f.Plan.Goals {
			if g.Number > 0 && (want == strconv.Itoa(g.Number) || normHeading(g.Name()) == want || normHeading(g.Title) == want) {
				return nil, g.Number, true
			}
		}
	}
	return nil, 0, false
}
