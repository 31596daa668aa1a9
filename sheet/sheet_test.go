package sheet

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"planverk/plan"
	"planverk/planfile"
)

func seed(t *testing.T, name string) *plan.File {
	t.Helper()
	data, err := os.ReadFile("../examples/" + name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := planfile.Read(name, data)
	if err != nil || doc.File == nil {
		t.Fatalf("reading %s: %v", name, err)
	}
	return doc.File
}

func open(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = x.Close() })
	return x
}

// sheetOf finds the sheet of a table by its marker, as Read does.
func sheetOf(t *testing.T, x *excelize.File, kind, id string) string {
	t.Helper()
	for _, n := range x.GetSheetList() {
		if v, _ := x.GetCellValue(n, "A1"); v == Marker(kind, id) {
			return n
		}
	}
	t.Fatalf("no sheet for %s %s in %v", kind, id, x.GetSheetList())
	return ""
}

// TestWorkbookTotals checks every table of both seeds: the amounts are
// numbers, and each SUM formula computes the total the plan page shows.
func TestWorkbookTotals(t *testing.T) {
	for _, name := range []string{"vest-telemark-2025.yaml", "driv-2025.yaml"} {
		t.Run(name, func(t *testing.T) {
			f := seed(t, name)
			data, err := Workbook(f, 7)
			if err != nil {
				t.Fatal(err)
			}
			x := open(t, data)
			var grids []Grid
			for i := range f.Plan.Budgets {
				grids = append(grids, BudgetGrid(&f.Plan.Budgets[i]))
			}
			for i := range f.Plan.Financing {
				grids = append(grids, FinancingGrid(f, &f.Plan.Financing[i]))
			}
			if len(grids) == 0 {
				t.Fatal("no tables")
			}
			for _, g := range grids {
				sh := sheetOf(t, x, g.Kind, g.ID)
				sumRow := firstRow + len(g.Rows)
				last := firstCol + len(g.Cols)
				for i, r := range g.Rows {
					for j, c := range r.Cells {
						got, _ := x.GetCellValue(sh, cellName(firstCol+j, firstRow+i), excelize.Options{RawCellValue: true})
						want := ""
						if c != nil {
							want = strconv.FormatInt(int64(*c), 10)
						}
						if got != want {
							t.Errorf("%s %s: got %q, want %q", sh, cellName(firstCol+j, firstRow+i), got, want)
						}
					}
					calc(t, x, sh, cellName(last, firstRow+i), r.Total())
					if id, err := x.GetCellStyle(sh, cellName(firstCol, firstRow+i)); err == nil {
						if st, err := x.GetStyle(id); err != nil || st.NumFmt != 3 {
							t.Errorf("%s row %d: amounts are not in the thousands format", sh, firstRow+i)
						}
					}
				}
				for j := range g.Cols {
					calc(t, x, sh, cellName(firstCol+j, sumRow), g.ColTotal(j))
				}
				calc(t, x, sh, cellName(last, sumRow), g.Total())
			}
			// The budget of Vest-Telemark: 22 000 000 over the period.
			if len(f.Plan.Budgets) > 0 && f.Plan.Budgets[0].Total() != 22000000 {
				t.Errorf("budget total %d", f.Plan.Budgets[0].Total())
			}
			ms := label(f, "office.measures-sheet")
			rows, _ := x.GetRows(ms)
			n := 0
			for _, g := range f.Plan.Goals {
				n += len(g.Measures)
			}
			if len(rows) != n+1 {
				t.Errorf("measures sheet has %d rows, want %d", len(rows), n+1)
			}
		})
	}
}

func calc(t *testing.T, x *excelize.File, sh, ref string, want plan.Amount) {
	t.Helper()
	if fm, _ := x.GetCellFormula(sh, ref); !strings.HasPrefix(fm, "SUM(") {
		t.Errorf("%s %s: formula %q, want a SUM", sh, ref, fm)
	}
	got, err := x.CalcCellValue(sh, ref, excelize.Options{RawCellValue: true})
	if err != nil || got != strconv.FormatInt(int64(want), 10) {
		t.Errorf("%s %s computes %q (%v), want %d", sh, ref, got, err, want)
	}
}

// TestReadBack reads the budget sheet back: unchanged it changes
// nothing; one cell changed in Excel is exactly one change; a word where
// an amount belongs is a problem named by its cell.
func TestReadBack(t *testing.T) {
	f := seed(t, "vest-telemark-2025.yaml")
	data, err := Workbook(f, 3)
	if err != nil {
		t.Fatal(err)
	}
	b := &f.Plan.Budgets[0]
	g := BudgetGrid(b)
	up, problems, err := Read(bytes.NewReader(data), KindBudget, b.ID)
	if err != nil || len(problems) > 0 {
		t.Fatalf("read: %v %v", err, problems)
	}
	if up.Version != 3 || len(Changes(g, up)) != 0 {
		t.Fatalf("version %d, changes %v", up.Version, Changes(g, up))
	}
	x := open(t, data)
	sh := sheetOf(t, x, KindBudget, b.ID)
	_ = x.SetCellValue(sh, "E4", 5100000) // line 1, 2026
	_ = x.SetCellValue(sh, "F5", "mange")
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	up, problems, err = Read(bytes.NewReader(buf.Bytes()), KindBudget, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 1 || problems[0].Cell != "F5" || problems[0].Code != ProblemNotAmount || problems[0].Value != "mange" || problems[0].Sheet != sh {
		t.Errorf("problems %+v", problems)
	}
	ch := Changes(g, up)
	if len(ch) != 1 || ch[0].Row != b.Lines[0].ID || ch[0].Col != "2026" || *ch[0].Before != 5000000 || *ch[0].After != 5100000 {
		t.Fatalf("changes %+v", ch)
	}
	if err := ApplyBudget(b, ch); err != nil || b.Lines[0].Amounts[2026] != 5100000 {
		t.Errorf("apply: %v %v", err, b.Lines[0].Amounts)
	}
	if _, problems, _ := Read(bytes.NewReader(data), KindBudget, "nothing"); len(problems) != 1 || problems[0].Code != ProblemNoTable {
		t.Errorf("no table: %+v", problems)
	}
}

// A financing table's shares and explanations stand under its sheet.
func TestFinancingNotes(t *testing.T) {
	f := seed(t, "driv-2025.yaml")
	data, err := Workbook(f, 1)
	if err != nil {
		t.Fatal(err)
	}
	x := open(t, data)
	rows, _ := x.GetRows(sheetOf(t, x, KindFinancing, "2025"))
	var text []string
	for _, r := range rows {
		text = append(text, strings.Join(r, "|"))
	}
	if all := strings.Join(text, "\n"); !strings.Contains(all, "75%") || !strings.Contains(all, "Årlig andel") {
		t.Errorf("no shares or notes under the table:\n%s", all)
	}
}

func TestCSV(t *testing.T) {
	f := seed(t, "driv-2025.yaml")
	got := string(CSV(f, FinancingGrid(f, &f.Plan.Financing[0])))
	if !strings.HasPrefix(got, "\ufeffNr.;Linje;") {
		t.Errorf("header: %q", got)
	}
	for _, want := range []string{";Driv 2025;3500000;1170000;;;4670000\r\n", ";Sum (min.);3500000;1170000;0;0;4670000\r\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
}

// A cell reads amounts as forms and plan files do, text or number, and one
// with øre is the problem that amounts are whole kroner.
func TestCellAmountForms(t *testing.T) {
	for raw, want := range map[string]plan.Amount{"1170000": 1170000, "1.17E6": 1170000, "1 170 000 kr": 1170000,
		"kr 1 170 000": 1170000, "3.500.000,-": 3500000, "1\u00a0170\u00a0000": 1170000, "NOK 1\u202f170\u202f000": 1170000} {
		a, problem := parseAmount(raw)
		if problem != "" || a == nil || *a != want {
			t.Errorf("parseAmount(%q) = %v, %q; want %d", raw, a, problem, want)
		}
	}
	for raw, want := range map[string]string{"1 000,50": ProblemNotWhole, "1000.5": ProblemNotWhole, "12,5 kr": ProblemNotWhole, "mange": ProblemNotAmount, "1,000": ProblemNotAmount} {
		if _, problem := parseAmount(raw); problem != want {
			t.Errorf("parseAmount(%q) is the problem %q, want %q", raw, problem, want)
		}
	}
}
