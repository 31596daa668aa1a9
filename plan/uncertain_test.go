package plan_test

import (
	"testing"

	"planverk/plan"
)

func rules(fs []plan.Finding) map[string]string {
	out := map[string]string{}
	for _, f := range fs {
		out[f.Path] = f.Rule + ":" + f.Message
	}
	return out
}

// An open period makes no year after its start "outside".
func TestOpenPeriod(t *testing.T) {
	f := small(t)
	f.Programme.Period = plan.Period{From: 2024, Note: "forlengd inntil vidare"}
	f.Plan.Goals[0].Measures[0].TimeFrame = plan.TimeFrame{From: 2025, To: 2035}
	if fs := plan.Check(f); len(fs) != 0 {
		t.Fatalf("an open period: %+v", fs)
	}
	f.Plan.Goals[0].Measures[0].TimeFrame = plan.TimeFrame{From: 2023, To: 2025}
	fs := plan.Check(f)
	if len(fs) != 1 || fs[0].Rule != "time-frame" || fs[0].Args["To"] != "" {
		t.Fatalf("a year before an open period: %+v", fs)
	}
}

func TestDatePrecision(t *testing.T) {
	parse := func(s string) plan.Date {
		d, err := plan.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for in, want := range map[string]string{"2022-11": "2022-11", "11.2022": "2022-11", "2022": "2022",
		"2022-11-20": "2022-11-20", "20.11.2022": "2022-11-20"} {
		if got := parse(in).String(); got != want {
			t.Errorf("%s reads as %s, want %s", in, got, want)
		}
	}
	for _, bad := range []string{"2022-13", "0000", "13.2022", "2022-11-31"} {
		if _, err := plan.ParseDate(bad); err == nil {
			t.Errorf("%s is accepted", bad)
		}
	}
	nov, day, dec := parse("2022-11"), parse("2022-11-20"), parse("2022-12-01")
	if nov.Before(day) || day.Before(nov) {
		t.Error("a month and a day in it are in no certain order")
	}
	if !nov.Before(dec) || dec.Before(nov) || !parse("2021").Before(nov) || parse("2022").Before(nov) {
		t.Error("certain orders are wrong")
	}
	// The anchoring rule says nothing where the order is not certain.
	f := small(t)
	f.Plan.Anchoring[0].ExecutiveCommittee = &day
	f.Plan.Anchoring[0].Council = &nov
	if fs := plan.Check(f); len(fs) != 0 {
		t.Errorf("uncertain order reported: %+v", fs)
	}
	early := parse("2022-10")
	f.Plan.Anchoring[0].Council = &early
	if fs := rules(plan.Check(f)); fs["plan.anchoring[0].council"] == "" {
		t.Errorf("certain wrong order not reported: %v", fs)
	}
}

func TestCeilingsAreNotSums(t *testing.T) {
	// Line 1 is "up to" 100 000 and 200 000; the printed totals may be
	// lower than the ceilings add up to, but not higher.
	f := small(t)
	f.Plan.Budgets[0].Lines[0].Kind = plan.AmountCeiling
	f.Plan.Budgets[0].Lines[0].PrintedTotal = amt(250_000)
	f.Plan.Budgets[0].Printed.Total = amt(400_000)
	if fs := plan.Check(f); len(fs) != 0 {
		t.Fatalf("totals below ceilings: %+v", fs)
	}
	f.Plan.Budgets[0].Lines[0].PrintedTotal = amt(350_000)
	fs := rules(plan.Check(f))
	if fs["plan.budgets[0].lines[0].printed_total"] != "budget-sum:sum.ceiling" {
		t.Errorf("a total above its ceilings: %v", fs)
	}
	// A minimum may be exceeded, not undercut.
	f = small(t)
	f.Plan.Financing[0].Rows[0].Cells[1].Kind = plan.AmountMinimum
	f.Plan.Financing[0].Rows[0].PrintedTotal = amt(130_000)
	f.Plan.Financing[0].Printed.Sources["eigen"] = 30_000
	f.Plan.Financing[0].Printed.Total = amt(190_000)
	if fs := plan.Check(f); len(fs) != 0 {
		t.Fatalf("totals above minimums: %+v", fs)
	}
	f.Plan.Financing[0].Printed.Total = amt(180_000)
	if fs := rules(plan.Check(f)); fs["plan.financing[0].printed.total"] != "financing-sum:sum.minimum-grand" {
		t.Errorf("a total below its minimums: %v", fs)
	}
	if k := plan.Bound(plan.AmountExact, plan.AmountCeiling, plan.AmountCeiling); k != plan.AmountCeiling {
		t.Errorf("bound %q", k)
	}
	if k := plan.Bound(plan.AmountCeiling, plan.AmountMinimum); k != plan.AmountEstimate {
		t.Errorf("bound of ceiling and minimum %q", k)
	}
	for in, want := range map[string]plan.AmountKind{"inntil 150 000": plan.AmountCeiling, "Inntil 150000": plan.AmountCeiling,
		"ca. 150 000": plan.AmountEstimate, "min. 150 000": plan.AmountMinimum, "minst 150 000": plan.AmountMinimum, "150 000": plan.AmountExact} {
		a, k, err := plan.ParseQualifiedAmount(in)
		if err != nil || a != 150_000 || k != want {
			t.Errorf("%q reads as %v %q %v", in, a, k, err)
		}
	}
}

func TestFinancingOverYears(t *testing.T) {
	f := small(t)
	fin := &f.Plan.Financing[0]
	fin.Year, fin.Years = 0, &plan.Period{From: 2025, To: 2026}
	// Over both years the budget sets twice as much as the table finances.
	fs := rules(plan.Check(f))
	if fs["plan.financing[0].rows[1].cells[0].amount"] != "financing-budget:rule.financing-budget" {
		t.Errorf("span compared with one year: %v", fs)
	}
	fin.Years = &plan.Period{From: 2025, To: 2028}
	if fs := rules(plan.Check(f)); fs["plan.financing[0].years.to"] != "financing-years:rule.financing-year-period" {
		t.Errorf("span outside the period: %v", fs)
	}
	fin.Year = 2025
	if fs := rules(plan.Check(f)); fs["plan.financing[0].years"] != "financing-years:rule.financing-years-both" {
		t.Errorf("year and years: %v", fs)
	}
}

func TestLabelsAndUnplacedMeasures(t *testing.T) {
	f := small(t)
	g := &f.Plan.Goals[1]
	g.Label = "A"
	g.Measures = []plan.Measure{{Label: "P1", Title: "Eitt"}, {Label: "P2", Title: "To"}}
	f.Plan.Measures = []plan.Measure{{Label: "P3", Title: "Ikkje plassert"}}
	if fs := plan.Check(f); len(fs) != 0 {
		t.Fatalf("labels: %+v", fs)
	}
	g.Measures[1].Label = "P1"
	f.Plan.Measures = append(f.Plan.Measures, plan.Measure{Title: "Utan namn"})
	fs := rules(plan.Check(f))
	if fs["plan.goals[1].measures[1].label"] != "measure-number:rule.measure-label" || fs["plan.measures[1].number"] != "required:rule.required" {
		t.Errorf("labels: %v", fs)
	}
}

func TestPeople(t *testing.T) {
	f := small(t)
	f.Programme.People = []plan.Person{{Name: "Kari", Role: plan.PersonBoardChair, Organisation: "fylke"},
		{Name: "Ola", Role: "chief"}, {Role: plan.PersonContact, Organisation: "nowhere"}}
	fs := rules(plan.Check(f))
	for _, p := range []string{"programme.people[1].role", "programme.people[2].name", "programme.people[2].organisation"} {
		if fs[p] == "" {
			t.Errorf("no finding at %s: %v", p, fs)
		}
	}
	if len(fs) != 3 {
		t.Errorf("findings %v", fs)
	}
}

// A measure under no goal takes part in identities and in the revision as
// any measure does.
func TestUnplacedMeasuresCount(t *testing.T) {
	base := small(t)
	plan.AssignMeasureIDs(base, nil)
	draft := small(t)
	draft.Plan.Measures = []plan.Measure{{Label: "P9", Title: "Ny, ikkje plassert"}}
	plan.AssignMeasureIDs(draft, base)
	m := draft.Plan.Measures[0]
	if m.ID == "" {
		t.Fatal("an unplaced measure got no ID")
	}
	if g, found := draft.Plan.FindMeasureByID(m.ID); g != nil || found == nil || found.Title != m.Title {
		t.Errorf("FindMeasureByID: %v %v", g, found)
	}
	var kinds []plan.DispositionKind
	for _, r := range plan.Revise(base, draft) {
		if r.ID == m.ID {
			kinds = append(kinds, r.Kind)
		}
	}
	if len(kinds) != 1 || kinds[0] != plan.DispositionNew {
		t.Errorf("the unplaced measure's revision: %v", kinds)
	}
}
