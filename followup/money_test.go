package followup

import (
	"strings"
	"testing"

	"planverk/plan"
)

// twoGoals is a plan of 2025 whose goals share the grant money 4/6 and
// 2/6, with 600 000 from the county and 150 000 from the municipality.
func twoGoals() *plan.File {
	f := &plan.File{}
	f.Plan.Year = 2025
	f.Plan.Sources = []plan.FundingSource{{ID: "county", Name: "Fylkeskommunen"}, {ID: "municipality", Name: "Kommunen"}}
	f.Plan.Goals = []plan.Goal{
		{Number: 1, Title: "Næringsutvikling", Weight: "4/6", Measures: []plan.Measure{{ID: "m-a", Number: 1, Title: "Bedriftsutvikling"}}},
		{Number: 2, Title: "Stedsutvikling", Weight: "2/6", Measures: []plan.Measure{{ID: "m-b", Number: 1, Title: "Sentrum"}}},
	}
	f.Plan.Financing = []plan.Financing{{ID: "2025", Year: 2025, Sources: []string{"county", "municipality"},
		Rows: []plan.FinancingRow{{Label: "2025", Cells: []plan.FinancingCell{
			{Source: "county", Amount: amt(600000)}, {Source: "municipality", Amount: amt(150000)}}}}}}
	return f
}

func TestProgrammeMoneyPerGoalAndSource(t *testing.T) {
	ps := []Project{
		{ID: 1, Title: "Bedrift", Measures: []string{"m-a"}, Budget: amt(300000), Status: StatusUnderway,
			Commitments: []Commitment{{Amount: 150000, Share: "50 %", Source: "county", Decided: date("2025-02-10"),
				Payments: []Payment{{Date: *date("2025-05-01"), Amount: 100000}}}}},
		{ID: 2, Title: "Torget", Measures: []string{"m-b"}, Budget: amt(600000), Status: StatusGranted,
			Commitments: []Commitment{{Amount: 300000, Share: "50 %", Source: "county", Decided: date("2025-03")}}},
		{ID: 3, Title: "Idé", Status: StatusIdea},
	}
	m := ProgrammeMoney(ps, []*plan.File{twoGoals()})
	if m.Committed != 450000 || m.Paid != 100000 || m.Financed != 750000 {
		t.Fatalf("committed %d paid %d financed %d", m.Committed, m.Paid, m.Financed)
	}
	g1, g2 := m.Goals[0], m.Goals[1]
	if g1.Committed != 150000 || g1.Paid != 100000 || *g1.Allotment != 500000 || *g1.Left() != 350000 {
		t.Fatalf("goal 1: %+v", g1)
	}
	// 2/6 of 750 000 is 250 000; 300 000 committed is over it.
	if g2.Committed != 300000 || *g2.Allotment != 250000 {
		t.Fatalf("goal 2: %+v", g2)
	}
	var found []string
	for _, f := range m.Findings {
		found = append(found, f.Message)
	}
	if strings.Join(found, " ") != "followup.finding.goal-over-weight" {
		t.Fatalf("findings: %v", found)
	}
	if m.Findings[0].Args["Committed"] != plan.Amount(300000) || m.Findings[0].Args["Allotment"] != plan.Amount(250000) {
		t.Fatalf("goal finding's figures: %v", m.Findings[0].Args)
	}
	var county *SourceYear
	for i, s := range m.Sources {
		if s.Source == "county" && s.Year == 2025 {
			county = &m.Sources[i]
		}
	}
	if county == nil || *county.Financed != 600000 || county.Committed != 450000 || county.Paid != 100000 || *county.Left() != 150000 {
		t.Fatalf("county 2025: %+v", county)
	}
}

func TestProgrammeMoneyOverFinancing(t *testing.T) {
	ps := []Project{
		{ID: 1, Title: "Stor", Measures: []string{"m-a"}, Budget: amt(2000000),
			Commitments: []Commitment{{Amount: 700000, Share: "35 %", Source: "county", Decided: date("2025-02-10")},
				{Amount: 50000, Source: "fund", Decided: date("2026-01-10")}}},
	}
	m := ProgrammeMoney(ps, []*plan.File{twoGoals()})
	var msgs []string
	for _, f := range m.Findings {
		msgs = append(msgs, f.Message)
	}
	got := strings.Join(msgs, " ")
	for _, want := range []string{"followup.finding.goal-over-weight", "followup.finding.source-over", "followup.finding.source-unfinanced"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %s among %s", want, got)
		}
	}
}

func TestGoalBudgetCountsEachYearOnce(t *testing.T) {
	f := twoGoals()
	f.Plan.Budgets = []plan.Budget{
		{ID: "period", Years: []int{2025, 2026}, Lines: []plan.BudgetLine{{ID: "a", Goal: 1, Amounts: map[int]plan.Amount{2025: 400000, 2026: 400000}}}},
		{ID: "year", Years: []int{2025}, Lines: []plan.BudgetLine{{ID: "a", Goal: 1, Amounts: map[int]plan.Amount{2025: 400000}}}},
	}
	m := ProgrammeMoney([]Project{{ID: 1, Title: "Bedrift", Measures: []string{"m-a"},
		Commitments: []Commitment{{Amount: 900000, Source: "county", Decided: date("2025-02-10")}}}}, []*plan.File{f})
	if b := m.Goals[0].Budget; b == nil || *b != 800000 {
		t.Fatalf("goal 1's budget: %v", b)
	}
	found := false
	for _, fd := range m.Findings {
		found = found || fd.Message == "followup.finding.goal-over-budget"
	}
	if !found {
		t.Fatal("900 000 committed over a goal budget of 800 000 is no finding")
	}
}

// A project that serves no measure counts towards the goal it names, as
// in a plan whose goals have no measures.
func TestProgrammeMoneyGoalWithoutMeasures(t *testing.T) {
	m := ProgrammeMoney([]Project{{ID: 1, Title: "Nettverk", Goal: 2,
		Commitments: []Commitment{{Amount: 100000, Source: "county", Decided: date("2025-05-02")}}},
		{ID: 2, Title: "Uten mål", Commitments: []Commitment{{Amount: 20000, Source: "county", Decided: date("2025-05-02")}}}},
		[]*plan.File{twoGoals()})
	if m.Goals[1].Committed != 100000 || m.Unplaced.Committed != 20000 {
		t.Fatalf("goal 2 %d, unplaced %d", m.Goals[1].Committed, m.Unplaced.Committed)
	}
}
