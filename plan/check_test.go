package plan_test

import (
	"errors"
	"os"
	"testing"

	"planverk/plan"
	"planverk/planfile"
)

func small(t *testing.T) *plan.File {
	t.Helper()
	b, err := os.ReadFile("testdata/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := planfile.Read("small.yaml", b)
	if err != nil {
		t.Fatal(err)
	}
	if doc.File == nil {
		t.Fatalf("small.yaml does not decode: %+v", doc.Findings)
	}
	return doc.File
}

func TestSmallPlanIsClean(t *testing.T) {
	if fs := plan.Check(small(t)); len(fs) != 0 {
		t.Fatalf("want no findings, got %+v", fs)
	}
}

func amt(n int64) *plan.Amount { a := plan.Amount(n); return &a }

// Each case breaks the small plan in one way and names the finding a plan
// writer must see: its rule, its severity and the value it points at.
func TestRules(t *testing.T) {
	cases := []struct {
		name     string
		mutate   func(f *plan.File)
		rule     string
		severity plan.Severity
		path     string
	}{
		{"format version", func(f *plan.File) { f.Format = 2 }, "format-version", plan.SeverityError, "planverk"},
		{"budget cell", func(f *plan.File) { f.Plan.Budgets[0].Lines[0].Amounts[2026] = 210000 },
			"budget-sum", plan.SeverityError, "plan.budgets[0].lines[0].amounts.2026"},
		{"budget line total", func(f *plan.File) { f.Plan.Budgets[0].Lines[1].PrintedTotal = amt(110000) },
			"budget-sum", plan.SeverityError, "plan.budgets[0].lines[1].printed_total"},
		{"budget year total", func(f *plan.File) { f.Plan.Budgets[0].Printed.Years[2025] = 170000 },
			"budget-sum", plan.SeverityError, "plan.budgets[0].printed.years.2025"},
		{"budget grand total", func(f *plan.File) { f.Plan.Budgets[0].Printed.Total = amt(400000) },
			"budget-sum", plan.SeverityError, "plan.budgets[0].printed.total"},
		{"financing cell", func(f *plan.File) { f.Plan.Financing[0].Rows[0].Cells[1].Amount = amt(30000) },
			"financing-sum", plan.SeverityError, "plan.financing[0].rows[0].cells[1].amount"},
		{"financing against budget", func(f *plan.File) {
			f.Plan.Financing[0].Rows[2].Cells[0].Amount = amt(15000)
			f.Plan.Financing[0].Rows[2].PrintedTotal = amt(15000)
			f.Plan.Financing[0].Printed.Sources["stat"] = 165000
			f.Plan.Financing[0].Printed.Total = amt(190000)
		}, "financing-budget", plan.SeverityError, "plan.financing[0].rows[2].cells[0].amount"},
		{"financing row missing", func(f *plan.File) {
			fin := &f.Plan.Financing[0]
			fin.Rows = fin.Rows[:2]
			fin.Printed.Sources["stat"] = 150000
			fin.Printed.Total = amt(175000)
		}, "financing-budget", plan.SeverityError, "plan.budgets[0].lines[2].amounts.2025"},
		{"weights sum", func(f *plan.File) { f.Plan.Goals[1].Weight = "20 %" }, "weights-sum", plan.SeverityError, "plan.goals"},
		{"weight missing", func(f *plan.File) { f.Plan.Goals[1].Weight = "" }, "weights-sum", plan.SeverityError, "plan.goals[1]"},
		{"weights against budget", func(f *plan.File) { f.Plan.Goals[0].Weight = "70 %"; f.Plan.Goals[1].Weight = "30 %" },
			"weights-budget", plan.SeverityWarning, "plan.budgets[0].lines[0].printed_total"},
		{"share label", func(f *plan.File) { f.Plan.Financing[0].Rows[0].Cells[0].Share = "75 %" },
			"share-label", plan.SeverityWarning, "plan.financing[0].rows[0].cells[0].share"},
		{"payments", func(f *plan.File) { f.Plan.Financing[0].Rows[0].Cells[0].Payments[1].Share = "20 %" },
			"payments-sum", plan.SeverityError, "plan.financing[0].rows[0].cells[0].payments"},
		{"minimum", func(f *plan.File) {
			f.Plan.Financing[0].Rows[0].Cells = append(f.Plan.Financing[0].Rows[0].Cells, plan.FinancingCell{Source: "eigen"})
		}, "duplicate-id", plan.SeverityError, "plan.financing[0].rows[0].cells[2].source"},
		{"time frame outside period", func(f *plan.File) { f.Plan.Goals[0].Measures[0].TimeFrame.To = 2029 },
			"time-frame", plan.SeverityError, "plan.goals[0].measures[0].time_frame.to"},
		{"time frame reversed", func(f *plan.File) {
			f.Plan.Goals[0].Measures[0].TimeFrame.From = 2027
			f.Plan.Goals[0].Measures[0].TimeFrame.To = 2025
		},
			"time-frame", plan.SeverityError, "plan.goals[0].measures[0].time_frame.to"},
		{"priority against time frame", func(f *plan.File) { f.Plan.Goals[0].Measures[0].TimeFrame.From = 2026 },
			"measure-priority", plan.SeverityWarning, "plan.goals[0].measures[0].priority"},
		{"measure number", func(f *plan.File) { f.Plan.Goals[0].Measures[1].Number = 1 },
			"measure-number", plan.SeverityError, "plan.goals[0].measures[1].number"},
		{"goal number", func(f *plan.File) { f.Plan.Goals[1].Number = 1 }, "goal-number", plan.SeverityError, "plan.goals[1].number"},
		{"anchoring order", func(f *plan.File) { d, _ := plan.ParseDate("2025-04-01"); f.Plan.Anchoring[0].Council = &d },
			"anchoring-dates", plan.SeverityError, "plan.anchoring[0].council"},
		{"anchoring missing", func(f *plan.File) { f.Plan.Anchoring = f.Plan.Anchoring[:1] },
			"anchoring-missing", plan.SeverityWarning, "programme.municipalities[1]"},
		{"unknown organisation", func(f *plan.File) { f.Plan.Goals[0].Measures[0].Partners[0].Org = "husbanken" },
			"reference", plan.SeverityError, "plan.goals[0].measures[0].partners[0].org"},
		{"unknown source", func(f *plan.File) { f.Plan.Financing[0].Rows[1].Cells[0].Source = "anna" },
			"reference", plan.SeverityError, "plan.financing[0].rows[1].cells[0].source"},
		{"unknown budget line", func(f *plan.File) { f.Plan.Financing[0].Rows[1].Line = "l9" },
			"reference", plan.SeverityError, "plan.financing[0].rows[1].line"},
		{"org number", func(f *plan.File) { f.Organisations[2].Number = "974760674" },
			"org-number", plan.SeverityError, "organisations[2].number"},
		{"municipality number", func(f *plan.File) { f.Organisations[0].MunicipalityNumber = "401" },
			"municipality-number", plan.SeverityError, "organisations[0].municipality_number"},
		{"plan year", func(f *plan.File) { f.Plan.Year = 2030 }, "plan-year", plan.SeverityError, "plan.year"},
		{"enum", func(f *plan.File) { f.Plan.Language = "sv" }, "invalid-value", plan.SeverityError, "plan.language"},
		{"required", func(f *plan.File) { f.Plan.Goals[0].Measures[0].Title = " " }, "required", plan.SeverityError, "plan.goals[0].measures[0].title"},
		{"id format", func(f *plan.File) { f.Programme.ID = "Test Program" }, "invalid-value", plan.SeverityError, "programme.id"},
		{"footnote", func(f *plan.File) { f.Plan.Budgets[0].Lines[0].Mark = "**" },
			"footnote-mark", plan.SeverityWarning, "plan.budgets[0].lines[0].mark"},
		{"target year", func(f *plan.File) { f.Plan.Targets[0].Year = 2031 }, "target-year", plan.SeverityError, "plan.targets[0].year"},
		{"target exceeds", func(f *plan.File) { f.Plan.Targets[0].Value = 41 }, "target-year", plan.SeverityWarning, "plan.targets[0].value"},
		{"communication activity", func(f *plan.File) { f.Plan.Communication[0].Activity = " " },
			"required", plan.SeverityError, "plan.communication[0].activity"},
		{"communication responsible", func(f *plan.File) { f.Plan.Communication[0].Responsible[0].Org = "ukjend" },
			"reference", plan.SeverityError, "plan.communication[0].responsible[0].org"},
		{"communication status", func(f *plan.File) { f.Plan.Communication[1].Status = "maybe" },
			"invalid-value", plan.SeverityError, "plan.communication[1].status"},
		{"communication order", func(f *plan.File) {
			f.Plan.Communication[0].To = &plan.Date{Year: 2025, Month: 2, Precision: plan.PrecisionMonth}
		}, "communication-when", plan.SeverityError, "plan.communication[0].to"},
		{"communication to without from", func(f *plan.File) {
			f.Plan.Communication[1].From, f.Plan.Communication[1].To = nil, &plan.Date{Year: 2025, Month: 10, Precision: plan.PrecisionMonth}
		}, "required", plan.SeverityError, "plan.communication[1].from"},
		{"communication outside the period", func(f *plan.File) {
			f.Plan.Communication[1].From = &plan.Date{Year: 2031, Month: 9, Precision: plan.PrecisionMonth}
		}, "communication-when", plan.SeverityWarning, "plan.communication[1].from"},
		{"sdg", func(f *plan.File) { f.Programme.SDGs = []plan.SDG{{Number: 18}} }, "sdg-number", plan.SeverityError, "programme.sdgs[0].number"},
		{"block", func(f *plan.File) {
			f.Plan.Sections = []plan.Section{{Title: "X", Blocks: []plan.Block{"budget:nope"}}}
		},
			"reference", plan.SeverityError, "plan.sections[0].blocks[0]"},
		{"budget year column", func(f *plan.File) { f.Plan.Budgets[0].Lines[2].Amounts[2027] = 0 },
			"budget-years", plan.SeverityError, "plan.budgets[0].lines[2].amounts.2027"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := small(t)
			tc.mutate(f)
			fs := plan.Check(f)
			for _, got := range fs {
				if got.Rule == tc.rule && got.Path == tc.path && got.Severity == tc.severity {
					return
				}
			}
			t.Errorf("want %s %s at %s; got %+v", tc.severity, tc.rule, tc.path, fs)
		})
	}
}

// A total printed as a minimum, with amounts still unknown, is compared with
// the known amounts; an unmarked one is a warning.
func TestMinimumTotal(t *testing.T) {
	f := small(t)
	fin := &f.Plan.Financing[0]
	fin.Rows[1].Cells = append(fin.Rows[1].Cells, plan.FinancingCell{Source: "eigen"})
	fs := plan.Check(f)
	if len(fs) != 1 || fs[0].Rule != "financing-minimum" || fs[0].Path != "plan.financing[0].printed.total" {
		t.Fatalf("want one financing-minimum warning, got %+v", fs)
	}
	fin.Printed.Minimum = true
	if fs := plan.Check(f); len(fs) != 0 {
		t.Fatalf("minimum total: want no findings, got %+v", fs)
	}
}

// When a total disagrees and no single amount can be blamed, every amount in
// it is named, so the writer is led to each candidate.
func TestUnlocalisedTotalNamesEveryAmount(t *testing.T) {
	f := small(t)
	fin := &f.Plan.Financing[0]
	fin.Rows = fin.Rows[:1]
	fin.Rows[0].PrintedTotal = nil
	fin.Budget = ""
	fin.Rows[0].Line = ""
	fin.Rows[0].Label = "Alt"
	fin.Printed = &plan.FinancingTotals{Total: amt(120000)}
	fs := plan.Check(f)
	var sum *plan.Finding
	for i := range fs {
		if fs[i].Rule == "financing-sum" {
			sum = &fs[i]
		}
	}
	if sum == nil || sum.Path != "plan.financing[0].printed.total" || len(sum.Related) != 2 {
		t.Fatalf("want a financing-sum error at the total naming both amounts, got %+v", fs)
	}
}

func TestOrgNumber(t *testing.T) {
	for n, want := range map[string]bool{"974760673": true, "974760674": false, "97476067": false, "97476067x": false, "": false} {
		if got := plan.ValidOrgNumber(n); got != want {
			t.Errorf("ValidOrgNumber(%q) = %v", n, got)
		}
	}
}

func TestParseAmount(t *testing.T) {
	for in, want := range map[string]int64{"10 800 000": 10800000, "10\u00a0800\u00a0000": 10800000, "3.500.000,-": 3500000, "500000": 500000, "-1 000": -1000} {
		got, err := plan.ParseAmount(in)
		if err != nil || int64(got) != want {
			t.Errorf("ParseAmount(%q) = %d, %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "1 00 000", "12,5", "ti", "1 0000", "kr", "1,000", "1,5 mill", "1 000 000 EUR"} {
		if _, err := plan.ParseAmount(bad); err == nil {
			t.Errorf("ParseAmount(%q) succeeded", bad)
		}
	}
}

// Every way the plans, forms and spreadsheets write kroner reads as the same
// amount, and an amount with øre says that amounts are whole kroner.
func TestParseAmountForms(t *testing.T) {
	for in, want := range map[string]int64{
		"1 000 000": 1000000, "1 000 000 kr": 1000000, "3.500.000,-": 3500000, "kr 3 500 000": 3500000,
		"1\u00a0000\u00a0000": 1000000, "1\u202f000\u202f000 kr.": 1000000, "NOK 1 000 000": 1000000,
		"kr. 3.500.000,-": 3500000, "1 000 000,00": 1000000, "1000000 nok": 1000000, "−5 000": -5000,
	} {
		got, err := plan.ParseAmount(in)
		if err != nil || int64(got) != want {
			t.Errorf("ParseAmount(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"1 000,50", "12,5", "12.50", "kr 1 000,5", "1000.5"} {
		_, err := plan.ParseAmount(in)
		if !errors.Is(err, plan.ErrAmountFraction) {
			t.Errorf("ParseAmount(%q) = %v, want the error that amounts are whole kroner", in, err)
		}
	}
	if _, err := plan.ParseAmount("abc"); errors.Is(err, plan.ErrAmountFraction) {
		t.Errorf("ParseAmount(abc) says %v, which is not about øre", err)
	}
}

func TestShare(t *testing.T) {
	for in, want := range map[plan.Share]string{"60 %": "3/5", "75%": "3/4", "4/6": "2/3", "12,5 %": "1/8"} {
		r, err := in.Rat()
		if err != nil || r.String() != want {
			t.Errorf("%q.Rat() = %v, %v", in, r, err)
		}
	}
	for _, bad := range []plan.Share{"sixty", "4/0", "-5 %"} {
		if _, err := bad.Rat(); err == nil {
			t.Errorf("%q.Rat() succeeded", bad)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, in := range []string{"2025-06-19", "19.06.2025"} {
		d, err := plan.ParseDate(in)
		if err != nil || d.String() != "2025-06-19" {
			t.Errorf("ParseDate(%q) = %v, %v", in, d, err)
		}
	}
	if _, err := plan.ParseDate("31.06.2025"); err == nil {
		t.Error("31.06.2025 accepted")
	}
}

// TestMunicipalityRegister: a well-formed number that is not in the
// register of 2024 is warned about, and a former one names what it became.
func TestMunicipalityRegister(t *testing.T) {
	for number, want := range map[string]string{"4099": "rule.municipality-number-unknown", "3825": "rule.municipality-number-former"} {
		f := small(t)
		f.Organisations[0].MunicipalityNumber = number
		fs := plan.Check(f)
		if len(fs) != 1 || fs[0].Severity != plan.SeverityWarning || fs[0].Message != want {
			t.Errorf("%s: %v", number, fs)
		}
		if number == "3825" && fs[0].Args["Now"] != "4036 Vinje" {
			t.Errorf("3825 became %v", fs[0].Args["Now"])
		}
	}
}
