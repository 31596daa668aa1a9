package plan_test

import (
	"os"
	"slices"
	"testing"

	"planverk/plan"
	"planverk/planfile"
)

func readExample(t *testing.T, name string) *plan.File {
	t.Helper()
	b, err := os.ReadFile("../examples/" + name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := planfile.Read(name, b)
	if err != nil || doc.File == nil {
		t.Fatalf("%s: %v", name, err)
	}
	plan.AssignMeasureIDs(doc.File, nil)
	return doc.File
}

func findMeasure(t *testing.T, f *plan.File, goal, number int) *plan.Measure {
	t.Helper()
	for gi := range f.Plan.Goals {
		g := &f.Plan.Goals[gi]
		for mi := range g.Measures {
			if g.Number == goal && g.Measures[mi].Number == number {
				return &g.Measures[mi]
			}
		}
	}
	t.Fatalf("no measure %d.%d", goal, number)
	return nil
}

// Rolling Vest-Telemark's 2025 plan into 2026 carries goals, measures,
// sources and the budget years ahead; marks every section for review; and
// leaves the 2025 plan as it was.
func TestRollVestTelemark(t *testing.T) {
	base := readExample(t, "vest-telemark-2025.yaml")
	orig := base.Clone()
	next := plan.Roll(base, 2026, 3)
	if d := plan.Diff(orig, base); len(d) > 0 {
		t.Fatalf("Roll changed the plan it rolled: %v", d)
	}
	p := next.Plan
	if p.Year != 2026 || p.Status != plan.StatusDraft {
		t.Errorf("rolled plan is %d %s, want 2026 draft", p.Year, p.Status)
	}
	if p.Title != "Handlingsplan 2026 - oppfølging av Bygdevekstavgift for Vest-Telemark" {
		t.Errorf("title %q", p.Title)
	}
	if p.Revision == nil || p.Revision.Base == nil || *p.Revision.Base != (plan.RevisionBase{Year: 2025, Release: 3}) {
		t.Errorf("revision base %+v, want 2025 release 3", p.Revision)
	}
	for _, s := range p.Sections {
		if !s.Review {
			t.Errorf("section %q is not marked for review", s.Title)
		}
	}
	if len(p.Goals) != len(base.Plan.Goals) {
		t.Fatalf("%d goals, want %d", len(p.Goals), len(base.Plan.Goals))
	}
	for gi, g := range p.Goals {
		if g.Weight != base.Plan.Goals[gi].Weight || len(g.Measures) != len(base.Plan.Goals[gi].Measures) {
			t.Errorf("goal %d: weight %s and %d measures, want %s and %d", g.Number, g.Weight, len(g.Measures),
				base.Plan.Goals[gi].Weight, len(base.Plan.Goals[gi].Measures))
		}
		for mi, m := range g.Measures {
			if m.ID != base.Plan.Goals[gi].Measures[mi].ID || m.TimeFrame != base.Plan.Goals[gi].Measures[mi].TimeFrame {
				t.Errorf("measure %d.%d lost its ID or time frame", g.Number, m.Number)
			}
		}
	}
	for _, b := range p.Budgets {
		if slices.Contains(b.Years, 2025) {
			t.Errorf("budget %s still has 2025", b.ID)
		}
		if b.Printed != nil {
			t.Errorf("budget %s keeps the printed totals of 2025", b.ID)
		}
		for _, l := range b.Lines {
			if _, ok := l.Amounts[2025]; ok {
				t.Errorf("budget line %s keeps its 2025 amount", l.ID)
			}
			if len(l.Amounts) == 0 {
				t.Errorf("budget line %s lost the years ahead", l.ID)
			}
		}
	}
	if len(p.Financing) != 1 || p.Financing[0].ID != "2026" || p.Financing[0].Year != 2026 {
		t.Fatalf("financing %+v, want one table for 2026", p.Financing)
	}
	for _, r := range p.Financing[0].Rows {
		for _, c := range r.Cells {
			if c.Amount != nil {
				t.Errorf("financing 2026 row %s carries an amount from 2025", r.Line)
			}
		}
	}
	blocks := []plan.Block{}
	for _, s := range p.Sections {
		blocks = append(blocks, s.Blocks...)
	}
	if !slices.Contains(blocks, "financing:2026") {
		t.Errorf("the financing section does not show the 2026 table: %v", blocks)
	}
	for _, a := range p.Anchoring {
		if a.Council != nil || a.ExecutiveCommittee != nil {
			t.Errorf("anchoring of %s keeps 2025's dates", a.Municipality)
		}
	}
	// The rolled plan holds to every rule but one: its financing is not yet
	// filled in, so it does not cover the budget.
	for _, f := range plan.Check(next) {
		if f.Severity == plan.SeverityError && f.Rule != "financing-budget" {
			t.Errorf("rolled plan: %s at %s %v", f.Rule, f.Path, f.Args)
		}
	}
	// Nothing changed yet: every measure continues.
	for _, r := range plan.Revise(base, next) {
		if r.Kind != plan.DispositionContinued {
			t.Errorf("measure %s is %s right after the roll", r.ID, r.Kind)
		}
	}
}

func TestReplaceYearKeepsSpans(t *testing.T) {
	f := &plan.File{Plan: plan.Plan{Year: 2025, Title: "Handlingsplan 2025 for avtaleperioden 2025–2028 (og 2022-2025)"}}
	if got := plan.Roll(f, 2026, 1).Plan.Title; got != "Handlingsplan 2026 for avtaleperioden 2025–2028 (og 2022-2025)" {
		t.Errorf("title %q", got)
	}
}

// The yearly revision the ministry asks for: one measure changed with a
// reason, one ended with an assessment, one "later" measure brought into
// the year, one new measure; the report lists exactly those.
func TestRevisionReportVestTelemark(t *testing.T) {
	base := readExample(t, "vest-telemark-2025.yaml")
	next := plan.Roll(base, 2026, 3)

	changed := findMeasure(t, next, 1, 1)
	changed.TimeFrame.To = 2027
	ended := findMeasure(t, next, 3, 4)
	ended.Status = plan.MeasureEnded
	later := findMeasure(t, next, 2, 1)
	if later.Priority != plan.PriorityLater {
		t.Fatalf("measure 2.1 is %s, the test needs a measure prioritised later", later.Priority)
	}
	later.Priority = plan.PriorityNow
	next.Plan.Goals[0].Measures = append(next.Plan.Goals[0].Measures,
		plan.Measure{ID: "ny-bustadrettleiar", Number: 9, Title: "Bustadrettleiar i kvar kommune"})

	findings := plan.CheckRevision(base, next)
	rules := map[string]int{}
	for _, f := range findings {
		rules[f.Rule]++
	}
	// 1.1 and 2.1 changed without a reason, 3.4 ended without an
	// assessment, the new one not classed.
	if rules["revision-reason"] != 2 || rules["revision-assessment"] != 1 || rules["revision-new"] != 1 {
		t.Errorf("findings before the dispositions: %v", rules)
	}

	next.Plan.SetDisposition(plan.Disposition{Measure: changed.ID, Reason: "Kartlegginga tek eit år til."})
	next.Plan.SetDisposition(plan.Disposition{Measure: later.ID, Reason: "Prioritert i 2026."})
	next.Plan.SetDisposition(plan.Disposition{Measure: ended.ID, Assessment: "Ti lærlingar fekk plass."})
	amount := plan.Amount(400000)
	next.Plan.SetDisposition(plan.Disposition{Measure: "ny-bustadrettleiar", New: plan.NewWithStateMoney, Amount: &amount})
	for _, f := range plan.CheckRevision(base, next) {
		if f.Severity == plan.SeverityError || f.Rule == "revision-new" {
			t.Errorf("after the dispositions: %s at %s", f.Rule, f.Path)
		}
	}

	budget := &next.Plan.Budgets[0]
	old := budget.Lines[0].Amounts[2026]
	budget.Lines[0].Amounts[2026] = old + 200000

	r := plan.Report(base, next)
	ids := func(ms []plan.MeasureRevision) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.ID)
		}
		return out
	}
	if got := ids(r.New); !slices.Equal(got, []string{"ny-bustadrettleiar"}) {
		t.Errorf("new %v", got)
	}
	if got := ids(r.Changed); !slices.Equal(got, []string{changed.ID, later.ID}) {
		t.Errorf("changed %v, want %s and %s", got, changed.ID, later.ID)
	}
	if got := ids(r.Ended); !slices.Equal(got, []string{ended.ID}) {
		t.Errorf("ended %v", got)
	}
	if r.Changed[0].Disposition.Reason == "" || !slices.Equal(r.Changed[0].Fields, []string{"time_frame"}) {
		t.Errorf("changed measure: fields %v, reason %q", r.Changed[0].Fields, r.Changed[0].Disposition.Reason)
	}
	if !slices.Equal(r.Changed[1].Fields, []string{"priority"}) {
		t.Errorf("the measure brought in changed %v, want priority", r.Changed[1].Fields)
	}
	if r.New[0].Disposition.Amount == nil || *r.New[0].Disposition.Amount != 400000 {
		t.Errorf("the new measure's money: %+v", r.New[0].Disposition)
	}
	if len(r.Weights) != 0 {
		t.Errorf("weight changes %v, want none", r.Weights)
	}
	if len(r.Budgets) != 1 || len(r.Budgets[0].Cells) != 1 {
		t.Fatalf("budget changes %+v, want one cell", r.Budgets)
	}
	c := r.Budgets[0].Cells[0]
	if c.Year != 2026 || *c.Before != old || *c.After != old+200000 {
		t.Errorf("budget change %+v", c)
	}
	if r.Budgets[0].TotalAfter-r.Budgets[0].TotalBefore != 200000 {
		t.Errorf("budget totals %d → %d, want 200 000 more", r.Budgets[0].TotalBefore, r.Budgets[0].TotalAfter)
	}
	// The 2026 financing has no amounts yet: every 2025 amount is gone.
	if len(r.Financing) != 1 || r.Financing[0].TotalAfter != 0 || r.Financing[0].TotalBefore == 0 {
		t.Errorf("financing %+v", r.Financing)
	}
}

// Driv rolls the same way, with its two focus areas and their 4/6–2/6
// split.
func TestRollDriv(t *testing.T) {
	base := readExample(t, "driv-2025.yaml")
	next := plan.Roll(base, 2026, 1)
	if len(next.Plan.Goals) != 2 || next.Plan.Goals[0].Weight != "4/6" || next.Plan.Goals[1].Weight != "2/6" {
		t.Errorf("Driv 2026 goals %+v", next.Plan.Goals)
	}
	// The year's financing table and its row are named for 2026, their
	// amounts left for the new decisions.
	if ft := next.Plan.Financing[0]; ft.Year != 2026 || ft.Title != "Finansiering 2026" || ft.Rows[0].Label != "Driv 2026" || ft.Rows[0].Cells[0].Amount != nil {
		t.Errorf("Driv 2026 financing %+v", ft)
	}
	for _, tg := range next.Plan.Targets {
		if tg.Year == 2025 {
			t.Errorf("target %q stays in 2025", tg.Label)
		}
	}
	for _, f := range plan.Check(next) {
		if f.Severity == plan.SeverityError && f.Rule != "financing-budget" {
			t.Errorf("rolled Driv: %s at %s %v", f.Rule, f.Path, f.Args)
		}
	}
	// Driv lists no measures under its focus areas: its revision is the
	// split and the money. A new measure and a new split are reported.
	next.Plan.Goals[1].Measures = append(next.Plan.Goals[1].Measures,
		plan.Measure{ID: "mentor", Number: 1, Title: "Mentorordning for nye bedrifter"})
	next.Plan.Goals[0].Weight, next.Plan.Goals[1].Weight = "3/6", "3/6"
	r := plan.Report(base, next)
	if len(r.New) != 1 || r.New[0].ID != "mentor" || r.New[0].GoalAfter != 2 {
		t.Errorf("new %+v, want the mentor measure under goal 2", r.New)
	}
	if len(r.Weights) != 2 || r.Weights[0].Before != "4/6" || r.Weights[0].After != "3/6" || r.Weights[1].Before != "2/6" {
		t.Errorf("weights %+v", r.Weights)
	}
	// Taken out again, a measure Driv never approved is simply gone.
	next.Plan.Goals[1].Measures = nil
	if r := plan.Report(base, next); len(r.New)+len(r.Ended)+len(r.Changed) != 0 {
		t.Errorf("report lists %+v", r)
	}
}

// A measure taken out of the plan is ended, and needs its assessment.
func TestRevisionMeasureTakenOut(t *testing.T) {
	base := readExample(t, "vest-telemark-2025.yaml")
	next := plan.Roll(base, 2026, 1)
	gone := next.Plan.Goals[2].Measures[0]
	next.Plan.Goals[2].Measures = next.Plan.Goals[2].Measures[1:]
	r := plan.Report(base, next)
	if len(r.Ended) != 1 || r.Ended[0].ID != gone.ID || r.Ended[0].Before.Title != gone.Title || r.Ended[0].After != nil {
		t.Errorf("ended %+v, want %s", r.Ended, gone.ID)
	}
	fs := plan.CheckRevision(base, next)
	if len(fs) != 1 || fs[0].Rule != "revision-assessment" {
		t.Errorf("findings %+v, want the one missing assessment", fs)
	}
}
