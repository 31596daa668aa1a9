package sheet

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"planverk/plan"
)

// Where a table's sheet keeps what it needs to come back (see the package
// comment). Data starts at column D of row 4.
const (
	keyCol     = "A"
	headerRow  = 3
	firstRow   = 4
	firstCol   = 4 // D
	sumKey     = "sum"
	markPrefix = "planverk:"
)

// Marker is what A1 of a table's sheet holds: the kind and ID of the table.
func Marker(kind, id string) string { return markPrefix + kind + ":" + id }

// Workbook writes a plan (version is its version, put in every table's
// sheet so that an upload can tell what it was based on) as an Excel
// workbook: a sheet per budget and financing table, in the plan's order,
// and a sheet of the measures.
func Workbook(f *plan.File, version int) ([]byte, error) {
	x := excelize.NewFile()
	defer func() { _ = x.Close() }()
	w := &writer{x: x, f: f, taken: map[string]bool{}}
	if err := w.styles(); err != nil {
		return nil, err
	}
	first := x.GetSheetName(0)
	for i := range f.Plan.Budgets {
		if err := w.table(BudgetGrid(&f.Plan.Budgets[i]), version); err != nil {
			return nil, err
		}
	}
	for i := range f.Plan.Financing {
		if err := w.table(FinancingGrid(f, &f.Plan.Financing[i]), version); err != nil {
			return nil, err
		}
	}
	if err := w.measures(); err != nil {
		return nil, err
	}
	if err := x.DeleteSheet(first); err != nil {
		return nil, fmt.Errorf("removing the empty first sheet: %w", err)
	}
	x.SetActiveSheet(0)
	if err := x.SetDocProps(&excelize.DocProperties{Title: f.Plan.Title, Subject: f.Programme.Name,
		Creator: "planverk", Language: languageTag(f), Version: strconv.Itoa(version)}); err != nil {
		return nil, fmt.Errorf("setting the workbook's properties: %w", err)
	}
	if err := x.SetCustomProps(excelize.CustomProperty{Name: "planverk-version", Value: int32(version)}); err != nil {
		return nil, fmt.Errorf("setting the workbook's version: %w", err)
	}
	// Excel and LibreOffice compute the SUM formulas when the file opens.
	full := true
	if err := x.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}); err != nil {
		return nil, fmt.Errorf("setting the workbook to calculate on open: %w", err)
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		return nil, fmt.Errorf("writing the workbook: %w", err)
	}
	return buf.Bytes(), nil
}

// languageTag is the plan's language as documents tag it.
func languageTag(f *plan.File) string {
	if f.Plan.Language == plan.Nynorsk {
		return "nn-NO"
	}
	return "nb-NO"
}

type writer struct {
	x                            *excelize.File
	f                            *plan.File
	taken                        map[string]bool
	title, head, money, sum, txt int
}

func (w *writer) styles() error {
	var err error
	style := func(s *excelize.Style) int {
		id, e := w.x.NewStyle(s)
		if e != nil && err == nil {
			err = fmt.Errorf("making a cell style: %w", e)
		}
		return id
	}
	top := []excelize.Border{{Type: "top", Color: "000000", Style: 1}}
	w.title = style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	w.head = style(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		Border: []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}})
	// 3 is the built-in "#,##0": Excel groups the thousands in the
	// reader's own way (a space in Norwegian).
	w.money = style(&excelize.Style{NumFmt: 3})
	w.sum = style(&excelize.Style{NumFmt: 3, Font: &excelize.Font{Bold: true}, Border: top})
	w.txt = style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	return err
}

// sheetName makes a table's title a sheet name Excel accepts: at most 31
// characters, none of []:*?/\, and unique in the workbook.
func (w *writer) sheetName(title string) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, strings.TrimSpace(title))
	name = strings.Trim(name, "'")
	if name == "" {
		name = "Tabell"
	}
	cut := func(s string, n int) string {
		r := []rune(s)
		if len(r) > n {
			r = r[:n]
		}
		return strings.TrimSpace(string(r))
	}
	base := cut(name, 31)
	name = base
	for i := 2; w.taken[strings.ToLower(name)]; i++ {
		suffix := fmt.Sprintf(" (%d)", i)
		name = cut(base, 31-len(suffix)) + suffix
	}
	w.taken[strings.ToLower(name)] = true
	return name
}

func cellName(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col, row)
	return n
}

func colName(col int) string {
	n, _ := excelize.ColumnNumberToName(col)
	return n
}

// table writes one budget or financing table as a sheet.
func (w *writer) table(g Grid, version int) error {
	x := w.x
	name := w.sheetName(g.Title)
	if _, err := x.NewSheet(name); err != nil {
		return fmt.Errorf("adding the sheet for %s %s: %w", g.Kind, g.ID, err)
	}
	set := func(c string, v any) {
		_ = x.SetCellValue(name, c, v)
	}
	set("A1", Marker(g.Kind, g.ID))
	set("A2", "version:"+strconv.Itoa(version))
	set("B1", g.Title)
	_ = x.SetCellStyle(name, "B1", "B1", w.title)
	set(cellName(2, headerRow), label(w.f, "table.number"))
	set(cellName(3, headerRow), label(w.f, "table.line"))
	last := firstCol + len(g.Cols) // the sum column
	for i, c := range g.Cols {
		set(cellName(firstCol+i, 2), c.Key)
		if g.Kind == KindBudget {
			// A year is a number in its header, as Excel users expect.
			y, _ := strconv.Atoi(c.Label)
			set(cellName(firstCol+i, headerRow), y)
		} else {
			set(cellName(firstCol+i, headerRow), c.Label)
		}
	}
	set(cellName(last, 2), sumKey)
	set(cellName(last, headerRow), label(w.f, "table.sum"))
	_ = x.SetCellStyle(name, cellName(2, headerRow), cellName(last, headerRow), w.head)
	endRow := firstRow + len(g.Rows) - 1
	for i, r := range g.Rows {
		row := firstRow + i
		set(cellName(1, row), r.Key)
		set(cellName(2, row), r.Number)
		set(cellName(3, row), r.Label)
		for j, c := range r.Cells {
			if c != nil {
				set(cellName(firstCol+j, row), int64(*c))
			}
		}
		_ = x.SetCellFormula(name, cellName(last, row),
			fmt.Sprintf("SUM(%s:%s)", cellName(firstCol, row), cellName(last-1, row)))
		_ = x.SetCellStyle(name, cellName(firstCol, row), cellName(last, row), w.money)
	}
	_ = x.SetCellStyle(name, cellName(3, firstRow), cellName(3, max(endRow, firstRow)), w.txt)
	sumRow := endRow + 1
	set(cellName(1, sumRow), sumKey)
	sumLabel := label(w.f, "table.sum")
	if g.Minimum {
		sumLabel += " (" + label(w.f, "table.minimum") + ")"
	}
	set(cellName(3, sumRow), sumLabel)
	for col := firstCol; col <= last; col++ {
		if len(g.Rows) == 0 {
			set(cellName(col, sumRow), 0)
			continue
		}
		_ = x.SetCellFormula(name, cellName(col, sumRow),
			fmt.Sprintf("SUM(%s:%s)", cellName(col, firstRow), cellName(col, endRow)))
	}
	_ = x.SetCellStyle(name, cellName(2, sumRow), cellName(last, sumRow), w.sum)
	row := sumRow + 2
	for _, n := range g.Notes {
		set(cellName(3, row), n)
		row++
	}
	for _, fn := range g.Footnotes {
		set(cellName(2, row), fn.Mark)
		set(cellName(3, row), string(fn.Text))
		row++
	}
	set(cellName(3, row+1), label(w.f, "office.sheet-note"))

	_ = x.SetColWidth(name, "B", "B", 6)
	_ = x.SetColWidth(name, "C", "C", 45)
	_ = x.SetColWidth(name, colName(firstCol), colName(last), 16)
	if err := x.SetColVisible(name, keyCol, false); err != nil {
		return fmt.Errorf("hiding the key column: %w", err)
	}
	if err := x.SetRowVisible(name, 2, false); err != nil {
		return fmt.Errorf("hiding the key row: %w", err)
	}
	return x.SetPanes(name, &excelize.Panes{Freeze: true, XSplit: 3, YSplit: headerRow,
		TopLeftCell: cellName(firstCol, firstRow), ActivePane: "bottomRight"})
}

// measures writes the measures sheet: every goal's measures with their
// lead, partners and time frame, and whether they are prioritised later.
func (w *writer) measures() error {
	x, f := w.x, w.f
	name := w.sheetName(label(f, "office.measures-sheet"))
	if _, err := x.NewSheet(name); err != nil {
		return fmt.Errorf("adding the measures sheet: %w", err)
	}
	heads := []string{label(f, "office.goal"), label(f, "table.number"), label(f, "measure.measure"),
		label(f, "measure.leads"), label(f, "measure.partners"), label(f, "measure.time-frame"), label(f, "office.priority")}
	for i, h := range heads {
		_ = x.SetCellValue(name, cellName(i+1, 1), h)
	}
	_ = x.SetCellStyle(name, "A1", cellName(len(heads), 1), w.head)
	row := 2
	for _, g := range f.Plan.Goals {
		for _, m := range g.Measures {
			later := ""
			if m.Priority == plan.PriorityLater {
				later = label(f, "measure.later")
			}
			vals := []any{g.Number, m.Number, m.Title, Actors(f, m.Leads, false), Actors(f, m.Partners, m.PartnersAndOthers),
				TimeFrame(f, m.TimeFrame), later}
			for i, v := range vals {
				_ = x.SetCellValue(name, cellName(i+1, row), v)
			}
			row++
		}
	}
	_ = x.SetCellStyle(name, "C2", cellName(6, max(row-1, 2)), w.txt)
	_ = x.SetColWidth(name, "A", "B", 6)
	_ = x.SetColWidth(name, "C", "C", 45)
	_ = x.SetColWidth(name, "D", "E", 30)
	_ = x.SetColWidth(name, "F", "G", 18)
	return x.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// Actors writes leads or partners as the plan's table does.
func Actors(f *plan.File, as []plan.Actor, andOthers bool) string {
	var names []string
	for _, a := range as {
		names = append(names, ActorName(f, a))
	}
	s := strings.Join(names, ", ")
	if andOthers {
		s += " " + label(f, "measure.and-others")
	}
	return strings.TrimSpace(s)
}

// TimeFrame writes a measure's time frame as the plan's table does.
func TimeFrame(f *plan.File, t plan.TimeFrame) string {
	switch {
	case t.Text != "" && t.From != 0:
		return fmt.Sprintf("%s (%d–%d)", t.Text, t.From, t.To)
	case t.Text != "":
		return t.Text
	case t.From != 0:
		return fmt.Sprintf("%d–%d", t.From, t.To)
	case t.NextRevision:
		return label(f, "measure.next-revision")
	}
	return ""
}
