package sheet

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"planverk/plan"
)

// Upload is a table's sheet as it came back from Excel.
type Upload struct {
	Kind, ID string
	// Sheet is the sheet's name, as the person sees it.
	Sheet string
	// Version is the plan version the downloaded file was made from.
	Version int
	// Cells are the amounts read, by row key and column key.
	Cells map[string]map[string]Cell
}

// Cell is one amount of an upload and where it stood.
type Cell struct {
	Ref    string // "E5"
	Amount *plan.Amount
}

// Problem is something in an upload that cannot be read, named by sheet
// and cell so that the person can find it in Excel. Code says what it is;
// Value is the cell's content where it matters.
type Problem struct {
	Sheet, Cell string
	Code        string
	Value       string
}

// The codes of a Problem.
const (
	// ProblemNoTable: no sheet of the file is the table's (Sheet is "").
	ProblemNoTable = "no-table"
	// ProblemNoVersion: the sheet does not say what version it came from.
	ProblemNoVersion = "no-version"
	// ProblemNotAmount: a cell that should hold an amount holds something else.
	ProblemNotAmount = "not-amount"
	// ProblemNotWhole: an amount with øre; planverk counts whole kroner.
	ProblemNotWhole = "not-whole"
	// ProblemNewRow: a row added by hand, with amounts in it.
	ProblemNewRow = "new-row"
)

// ErrNotWorkbook is returned for a file that is not an Excel workbook.
var ErrNotWorkbook = fmt.Errorf("the file is not an Excel workbook (.xlsx)")

// Read reads the sheet of the table kind:id from an uploaded workbook.
// Problems are what a person must fix in the file; the error is for a
// file that cannot be read at all.
func Read(r io.Reader, kind, id string) (*Upload, []Problem, error) {
	x, err := excelize.OpenReader(r)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrNotWorkbook, err)
	}
	defer func() { _ = x.Close() }()
	for _, name := range x.GetSheetList() {
		v, err := x.GetCellValue(name, "A1", excelize.Options{RawCellValue: true})
		if err != nil || strings.TrimSpace(v) != Marker(kind, id) {
			continue
		}
		rows, err := x.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, nil, fmt.Errorf("reading sheet %q: %w", name, err)
		}
		up, problems := readTable(name, rows)
		up.Kind, up.ID = kind, id
		return up, problems, nil
	}
	return nil, []Problem{{Code: ProblemNoTable}}, nil
}

func readTable(name string, rows [][]string) (*Upload, []Problem) {
	up := &Upload{Sheet: name, Cells: map[string]map[string]Cell{}}
	var problems []Problem
	at := func(row, col int) string { // 1-based
		if row-1 < len(rows) && col-1 < len(rows[row-1]) {
			return strings.TrimSpace(rows[row-1][col-1])
		}
		return ""
	}
	if n, err := strconv.Atoi(strings.TrimPrefix(at(2, 1), "version:")); err == nil && n > 0 && strings.HasPrefix(at(2, 1), "version:") {
		up.Version = n
	} else {
		problems = append(problems, Problem{Sheet: name, Cell: "A2", Code: ProblemNoVersion})
	}
	// The column keys, from D in the hidden row 2, up to the sum column.
	var cols []string
	for c := firstCol; ; c++ {
		k := at(2, c)
		if k == "" || k == sumKey {
			break
		}
		cols = append(cols, k)
	}
	for row := firstRow; row <= len(rows); row++ {
		key := at(row, 1)
		if key == sumKey {
			break
		}
		cells := map[string]Cell{}
		for i, ck := range cols {
			ref := cellName(firstCol+i, row)
			raw := at(row, firstCol+i)
			a, code := parseAmount(raw)
			if code != "" {
				problems = append(problems, Problem{Sheet: name, Cell: ref, Code: code, Value: raw})
				continue
			}
			if key == "" {
				if a != nil {
					problems = append(problems, Problem{Sheet: name, Cell: ref, Code: ProblemNewRow, Value: raw})
				}
				continue
			}
			cells[ck] = Cell{Ref: ref, Amount: a}
		}
		if key != "" {
			up.Cells[key] = cells
		}
	}
	return up, problems
}

// parseAmount reads a cell as whole kroner: a number as Excel stores it
// ("1170000", "1.17E6"), or text as plans and forms write amounts
// ("1 170 000", "1 170 000 kr", "3.500.000,-"), read by plan.ParseAmount.
// An empty cell is an amount not given.
func parseAmount(raw string) (*plan.Amount, string) {
	if raw == "" {
		return nil, ""
	}
	if f, err := strconv.ParseFloat(raw, 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
		if f != math.Trunc(f) {
			return nil, ProblemNotWhole
		}
		if math.Abs(f) > 1e15 {
			return nil, ProblemNotAmount
		}
		return plan.Amount(int64(f)).Ptr(), ""
	}
	a, err := plan.ParseAmount(raw)
	switch {
	case err == nil:
		return a.Ptr(), ""
	case errors.Is(err, plan.ErrAmountFraction):
		return nil, ProblemNotWhole
	}
	return nil, ProblemNotAmount
}
