package evaluation

import (
	"testing"

	"planverk/cycle"
	"planverk/plan"
)

// threeYears is a programme of 2024–26 whose 2025 revision ends one
// measure and whose 2026 revision takes another out, each with an
// assessment.
func threeYears() []Record {
	f := &plan.File{Format: 1,
		Programme: plan.Programme{ID: "p", Name: "P", Period: plan.Period{From: 2024, To: 2026},
			Targets: []plan.Target{{Kind: plan.TargetJobs, Label: "Jobs", Value: 60, Period: &plan.Period{From: 2024, To: 2026}}}},
		Plan: plan.Plan{Year: 2024, Title: "Plan 2024", Language: plan.Bokmal,
			Goals: []plan.Goal{
				{Number: 1, Title: "Homes", Measures: []plan.Measure{{ID: "a", Number: 1, Title: "A"}, {ID: "b", Number: 2, Title: "B"}}},
				{Number: 2, Title: "Jobs", Measures: []plan.Measure{{ID: "c", Number: 1, Title: "C"}, {ID: "d", Number: 2, Title: "D", Priority: plan.PriorityLater}}},
			},
			Targets: []plan.Target{{Kind: plan.TargetJobs, Label: "Jobs", Value: 20, Year: 2024, Goal: 2}}}}
	y2025 := plan.Roll(f, 2025, 1)
	y2025.Plan.Goals[0].Measures[0].Status = plan.MeasureEnded
	y2025.Plan.SetDisposition(plan.Disposition{Measure: "a", Assessment: "A built ten homes."})
	y2026 := plan.Roll(y2025, 2026, 1)
	y2026.Plan.Goals[0].Measures = nil // b is taken out
	y2026.Plan.SetDisposition(plan.Disposition{Measure: "b", Assessment: "B was merged into C."})
	approved := cycle.Release{Number: 1, Kind: cycle.Approved}
	return []Record{{approved, y2026}, {approved, f}, {approved, y2025}}
}

func TestGather(t *testing.T) {
	facts := Gather(threeYears())
	if len(facts.Years) != 3 || facts.Years[0].Year != 2024 || !facts.Years[2].Approved {
		t.Fatalf("years: %+v", facts.Years)
	}
	if len(facts.Ended) != 2 {
		t.Fatalf("ended: %+v", facts.Ended)
	}
	a, b := facts.Ended[0], facts.Ended[1]
	if a.ID != "a" || a.Year != 2025 || a.PlanTitle != "Plan 2025" || a.Assessment != "A built ten homes." || a.Number != "1.1" || a.GoalTitle != "Homes" {
		t.Errorf("a: %+v", a)
	}
	if b.ID != "b" || b.Year != 2026 || b.Assessment != "B was merged into C." {
		t.Errorf("b: %+v", b)
	}
	if len(facts.Goals) != 2 {
		t.Fatalf("goals: %+v", facts.Goals)
	}
	if g := facts.Goals[0]; g.Ended != 2 || g.Ongoing != 0 {
		t.Errorf("goal 1: %+v", g)
	}
	if g := facts.Goals[1]; g.Ended != 0 || g.Ongoing != 1 || g.Later != 1 {
		t.Errorf("goal 2: %+v", g)
	}
	// The period target once; each year's own target of goal 2.
	if len(facts.ProgrammeTargets) != 1 || len(facts.Targets) != 0 {
		t.Errorf("programme targets %+v, plan targets %+v", facts.ProgrammeTargets, facts.Targets)
	}
	if ts := facts.Goals[1].Targets; len(ts) != 3 || ts[0].Target.Year != 2024 || ts[2].Target.Year != 2026 {
		t.Errorf("goal 2's targets: %+v", ts)
	}
	ev := Evaluation{Achieved: map[string]int64{facts.ProgrammeTargets[0].Key: 71}}
	facts.Apply(&ev)
	if a := facts.ProgrammeTargets[0].Achieved; a == nil || *a != 71 {
		t.Errorf("achieved: %v", a)
	}
	if len(facts.AllTargets()) != 4 {
		t.Errorf("all targets: %d", len(facts.AllTargets()))
	}
}
