package examples

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"planverk/plan"
	"planverk/planfile"
)

func read(t *testing.T, name string) (*planfile.Document, []byte) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := planfile.Read(name, b)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if doc.File == nil {
		t.Fatalf("%s does not decode: %+v", name, doc.Findings)
	}
	return doc, b
}

// The examples pass the checker: no errors, and a warning only where the
// printed plan disagrees with itself (each such place is commented in the
// file).
func TestExamplesCheckClean(t *testing.T) {
	expectedWarnings := map[string][]string{
		"driv-2025.yaml": {"share-label", "share-label"},
	}
	files, _ := filepath.Glob(PlanFiles)
	if len(files) < 2 {
		t.Fatalf("want both example plans, found %v", files)
	}
	for _, name := range files {
		doc, _ := read(t, name)
		fs := append(doc.Findings, plan.Check(doc.File)...)
		var warnings []string
		for _, f := range fs {
			if f.Severity == plan.SeverityError {
				t.Errorf("%s: %s at %s (line %d): %v", name, f.Rule, f.Path, doc.Pos(f.Path).Line, f.Args)
			} else {
				warnings = append(warnings, f.Rule)
			}
		}
		if fmt.Sprint(warnings) != fmt.Sprint(expectedWarnings[name]) {
			t.Errorf("%s: warnings %v, want %v", name, warnings, expectedWarnings[name])
		}
	}
}

// Every total the printed plans show comes out of planverk's computation.
func TestComputedTotalsMatchPrintedPlans(t *testing.T) {
	vt, _ := read(t, "vest-telemark-2025.yaml")
	p := vt.File.Plan
	if len(p.Budgets) != 1 || len(p.Financing) != 1 {
		t.Fatalf("Vest-Telemark: want one budget and one financing table, got %d and %d", len(p.Budgets), len(p.Financing))
	}
	b := &p.Budgets[0]
	checks := []struct {
		what string
		got  plan.Amount
		want plan.Amount
	}{
		{"budget total", b.Total(), 22_000_000},
		{"budget 2025", b.YearTotal(2025), 2_400_000},
		{"budget 2026", b.YearTotal(2026), 10_500_000},
		{"budget 2027", b.YearTotal(2027), 6_750_000},
		{"budget 2028", b.YearTotal(2028), 2_350_000},
		{"budget line 1 (bustader)", b.Lines[0].LineTotal(), 10_800_000},
		{"budget line 2", b.Lines[1].LineTotal(), 3_600_000},
		{"budget line 3", b.Lines[2].LineTotal(), 3_600_000},
		{"budget line 4 (prosjektleiing)", b.Lines[3].LineTotal(), 4_000_000},
		{"financing 2025 total", p.Financing[0].Total(), 2_700_000},
		{"financing 2025 from KDD", p.Financing[0].SourceTotal(p.Financing[0].Sources[0]), 2_400_000},
		{"financing 2025 municipal own share", p.Financing[0].SourceTotal(p.Financing[0].Sources[1]), 300_000},
	}
	driv, _ := read(t, "driv-2025.yaml")
	checks = append(checks, struct {
		what string
		got  plan.Amount
		want plan.Amount
	}{"Driv financing 2025 (min.)", driv.File.Plan.Financing[0].Total(), 4_670_000})
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: computed %s, the plan prints %s", c.what, c.got, c.want)
		}
	}
	if !driv.File.Plan.Financing[0].HasUnknown() {
		t.Error("Driv's financing has amounts not yet known; its total is a minimum")
	}
}

var amountType = reflect.TypeFor[plan.Amount]()

// amountPaths lists the path of every amount in a value, named the way
// findings name them.
func amountPaths(v reflect.Value, path string, out *[]string) {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	if v.Type() == amountType {
		*out = append(*out, path)
		return
	}
	join := func(step string) string {
		if path == "" {
			return step
		}
		return path + "." + step
	}
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Type().Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			amountPaths(v.Field(i), join(name), out)
		}
	case reflect.Slice:
		for i := range v.Len() {
			amountPaths(v.Index(i), path+"["+strconv.Itoa(i)+"]", out)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			amountPaths(v.MapIndex(k), join(fmt.Sprint(k.Interface())), out)
		}
	}
}

var amountText = regexp.MustCompile(`^-?\d[\d  .]*\d|^\d`)

// Changing any single amount in either example makes check fail, with a
// finding on that amount's own line.
func TestEveryAmountIsChecked(t *testing.T) {
	for _, name := range []string{"vest-telemark-2025.yaml", "driv-2025.yaml"} {
		doc, src := read(t, name)
		var paths []string
		amountPaths(reflect.ValueOf(doc.File).Elem(), "", &paths)
		if len(paths) == 0 {
			t.Fatalf("%s: no amounts found", name)
		}
		lines := strings.Split(string(src), "\n")
		for _, p := range paths {
			pos := doc.Pos(p)
			line := lines[pos.Line-1]
			rest := line[pos.Col-1:]
			m := amountText.FindString(rest)
			if m == "" {
				t.Fatalf("%s:%d: no amount at column %d: %q", name, pos.Line, pos.Col, line)
			}
			a, err := plan.ParseAmount(m)
			if err != nil {
				t.Fatalf("%s:%d: %v", name, pos.Line, err)
			}
			changed := append([]string{}, lines...)
			changed[pos.Line-1] = line[:pos.Col-1] + strconv.FormatInt(int64(a)+1000, 10) + rest[len(m):]
			mdoc, err := planfile.Read(name, []byte(strings.Join(changed, "\n")))
			if err != nil || mdoc.File == nil {
				t.Fatalf("%s:%d: changed file does not read: %v", name, pos.Line, err)
			}
			fs := plan.Check(mdoc.File)
			if !plan.HasErrors(fs) {
				t.Errorf("%s:%d (%s): changing %s passes the check", name, pos.Line, p, m)
				continue
			}
			if !findingOnLine(mdoc, fs, pos.Line) {
				t.Errorf("%s:%d (%s): changing %s gives no finding on that line: %+v", name, pos.Line, p, m, fs)
			}
		}
		t.Logf("%s: %d amounts each changed and caught", name, len(paths))
	}
}

func findingOnLine(doc *planfile.Document, fs []plan.Finding, line int) bool {
	for _, f := range fs {
		if doc.Pos(f.Path).Line == line {
			return true
		}
		for _, r := range f.Related {
			if doc.Pos(r.Path).Line == line {
				return true
			}
		}
	}
	return false
}
