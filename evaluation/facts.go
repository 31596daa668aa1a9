package evaluation

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"planverk/cycle"
	"planverk/plan"
)

// Record is one year's plan as the record holds it: its latest approved
// release, or else its latest release.
type Record struct {
	Release cycle.Release
	File    *plan.File
}

// Facts is what planverk gathers for the final evaluation from the record
// of every year: nothing in it is typed, except the achieved figures the
// programme enters (Apply).
type Facts struct {
	// Programme is the programme as its latest record describes it.
	Programme plan.Programme
	// Language is the language of the latest plan's text.
	Language plan.Language
	Years    []YearFact
	// ProgrammeTargets are the targets for the whole period; Targets the
	// plans' targets that belong to no goal.
	ProgrammeTargets []TargetFact
	Targets          []TargetFact
	Goals            []GoalFact
	// Ended lists every measure ended in the period, in the order the
	// revisions ended them.
	Ended []EndedMeasure
}

// YearFact is one year's plan that the facts were read from.
type YearFact struct {
	Year     int
	Title    string
	Release  cycle.Release
	Approved bool
}

// TargetFact is a target with what the programme says it reached.
type TargetFact struct {
	Key    string
	Target plan.Target
	// Achieved is the figure entered, nil for none yet.
	Achieved *int64
}

// GoalFact is a goal of the plans with its targets and its measures' counts.
type GoalFact struct {
	Number   int
	Title    string
	MainGoal string
	Weight   plan.Share
	Targets  []TargetFact
	// Ended counts the goal's measures ended in the period; Ongoing those
	// still running in the last plan; Later those the last plan
	// prioritised later in the period.
	Ended, Ongoing, Later int
}

// EndedMeasure is a measure that ended in the period, with what its
// revision said it achieved.
type EndedMeasure struct {
	ID string
	// Number is the measure's number as "goal.measure" in the last plan
	// it was in.
	Number    string
	Title     string
	Goal      int
	GoalTitle string
	// Year is the year of the plan whose revision ended it, PlanTitle its
	// title.
	Year       int
	PlanTitle  string
	Assessment plan.Markdown
}

// Gather reads the facts from the records of a programme's years, in any
// order; years without a record are left out by the caller.
func Gather(records []Record) *Facts {
	rs := slices.Clone(records)
	slices.SortFunc(rs, func(a, b Record) int { return cmp.Compare(a.File.Plan.Year, b.File.Plan.Year) })
	f := &Facts{}
	if len(rs) == 0 {
		return f
	}
	last := rs[len(rs)-1].File
	f.Programme, f.Language = last.Programme, last.Plan.Language
	seenTarget := map[string]bool{}
	for _, t := range last.Programme.Targets {
		k := TargetKey(t)
		if !seenTarget[k] {
			seenTarget[k] = true
			f.ProgrammeTargets = append(f.ProgrammeTargets, TargetFact{Key: k, Target: t})
		}
	}
	goals := map[int]*GoalFact{}
	goal := func(n int) *GoalFact {
		if g, ok := goals[n]; ok {
			return g
		}
		g := &GoalFact{Number: n}
		goals[n] = g
		return g
	}
	ended := map[string]bool{}
	for i, r := range rs {
		p := &r.File.Plan
		f.Years = append(f.Years, YearFact{Year: p.Year, Title: p.Title, Release: r.Release,
			Approved: r.Release.Kind == cycle.Approved})
		for _, g := range p.Goals {
			// A later plan's wording of a goal wins.
			x := goal(g.Number)
			x.Title, x.MainGoal, x.Weight = g.Title, g.MainGoal, g.Weight
		}
		for _, t := range p.Targets {
			k := TargetKey(t)
			if seenTarget[k] {
				continue
			}
			seenTarget[k] = true
			if t.Goal != 0 {
				goal(t.Goal).Targets = append(goal(t.Goal).Targets, TargetFact{Key: k, Target: t})
			} else {
				f.Targets = append(f.Targets, TargetFact{Key: k, Target: t})
			}
		}
		var revised []plan.MeasureRevision
		if i > 0 {
			revised = plan.Revise(rs[i-1].File, r.File)
		} else {
			// The first plan revises none: what it has ended already, it
			// ended itself.
			for _, g := range p.Goals {
				for mi := range g.Measures {
					if m := &g.Measures[mi]; m.Ended() {
						revised = append(revised, plan.MeasureRevision{ID: m.ID, Kind: plan.DispositionEnded,
							After: m, GoalAfter: g.Number, Disposition: p.Revision.Disposition(m.ID)})
					}
				}
			}
		}
		for _, m := range revised {
			if m.Kind != plan.DispositionEnded || ended[m.ID] {
				continue
			}
			ended[m.ID] = true
			cur, g := m.After, m.GoalAfter
			if cur == nil {
				cur, g = m.Before, m.GoalBefore
			}
			f.Ended = append(f.Ended, EndedMeasure{ID: m.ID, Number: fmt.Sprintf("%d.%d", g, cur.Number),
				Title: cur.Title, Goal: g, Year: p.Year, PlanTitle: p.Title, Assessment: m.Disposition.Assessment})
			goal(g).Ended++
		}
	}
	for _, g := range last.Plan.Goals {
		for _, m := range g.Measures {
			switch {
			case ended[m.ID] || m.Ended():
			case m.Priority == plan.PriorityLater:
				goal(g.Number).Later++
			default:
				goal(g.Number).Ongoing++
			}
		}
	}
	for _, g := range goals {
		f.Goals = append(f.Goals, *g)
	}
	slices.SortFunc(f.Goals, func(a, b GoalFact) int { return cmp.Compare(a.Number, b.Number) })
	for i := range f.Ended {
		f.Ended[i].GoalTitle = goals[f.Ended[i].Goal].Title
	}
	return f
}

// TargetKey names a target so that the figure achieved stays with it from
// year to year: by what it counts and when, not by its place in a list or
// its value, which a revision may change. A target for the whole period has
// one key whichever year's plan states it.
func TargetKey(t plan.Target) string {
	label := strings.ToLower(strings.Join(strings.Fields(t.Label), " "))
	when := "plan"
	switch {
	case t.Period != nil:
		when = fmt.Sprintf("period %d-%d", t.Period.From, t.Period.To)
	case t.Year != 0:
		when = fmt.Sprintf("year %d", t.Year)
	}
	return fmt.Sprintf("%s|goal %d|%s|%s|%s", when, t.Goal, t.Kind, label, t.Unit)
}

// Apply writes the achieved figures of an evaluation into the facts.
func (f *Facts) Apply(e *Evaluation) {
	set := func(ts []TargetFact) {
		for i := range ts {
			if v, ok := e.Achieved[ts[i].Key]; ok {
				ts[i].Achieved = &v
			}
		}
	}
	set(f.ProgrammeTargets)
	set(f.Targets)
	for i := range f.Goals {
		set(f.Goals[i].Targets)
	}
}

// AllTargets lists every target of the facts: the programme's, the plans'
// without a goal, then each goal's.
func (f *Facts) AllTargets() []TargetFact {
	out := slices.Concat(f.ProgrammeTargets, f.Targets)
	for _, g := range f.Goals {
		out = append(out, g.Targets...)
	}
	return out
}
