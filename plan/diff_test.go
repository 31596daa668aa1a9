package plan_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"planverk/examples"
	"planverk/plan"
)

// example returns a fresh copy of the example plan of the programme id, so a
// test can change it freely.
func example(tb testing.TB, id string) *plan.File {
	tb.Helper()
	files, err := examples.Load()
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range files {
		if f.Programme.ID == id {
			return f
		}
	}
	tb.Fatalf("no example plan of programme %q", id)
	return nil
}

func goal(tb testing.TB, f *plan.File, n int) *plan.Goal {
	tb.Helper()
	for i := range f.Plan.Goals {
		if f.Plan.Goals[i].Number == n {
			return &f.Plan.Goals[i]
		}
	}
	tb.Fatalf("no goal %d", n)
	return nil
}

func measureIndex(tb testing.TB, g *plan.Goal, n int) int {
	tb.Helper()
	i := slices.IndexFunc(g.Measures, func(m plan.Measure) bool { return m.Number == n })
	if i < 0 {
		tb.Fatalf("goal %d has no measure %d", g.Number, n)
	}
	return i
}

func organisation(tb testing.TB, f *plan.File, id string) int {
	tb.Helper()
	i := slices.IndexFunc(f.Organisations, func(o plan.Organisation) bool { return o.ID == id })
	if i < 0 {
		tb.Fatalf("no organisation %q", id)
	}
	return i
}

// js is v's compact JSON as Diff writes a whole added or removed value.
func js(tb testing.TB, v any) string {
	tb.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		tb.Fatal(err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func TestDiff(t *testing.T) {
	const vt, driv = "vest-telemark", "driv"
	tests := []struct {
		name    string
		example string
		// edit changes the two copies of the example and returns the changes
		// Diff must find between them.
		edit func(t *testing.T, before, after *plan.File) []plan.Change
	}{{
		name:    "identical files",
		example: vt,
		edit:    func(t *testing.T, before, after *plan.File) []plan.Change { return nil },
	}, {
		name:    "measure title changed",
		example: vt,
		edit: func(t *testing.T, before, after *plan.File) []plan.Change {
			g := goal(t, after, 2)
			m := &g.Measures[measureIndex(t, g, 3)]
			old := m.Title
			m.Title = "Nettverk og klynger i bygg & anlegg <Vest-Telemark>"
			return []plan.Change{{Path: "plan.goals[2].measures[3].title", Kind: "changed",
				Before: old, After: m.Title, Goal: 2, Measure: 3}}
		},
	}, {
		name:    "measure added in the middle",
		example: vt,
		edit: func(t *testing.T, before, after *plan.File) []plan.Change {
			g := goal(t, after, 1)
			g.Measures = slices.Insert(g.Measures, 2, plan.Measure{Number: 7, Title: "Bustadbørs", Priority: plan.PriorityLater})
			return []plan.Change{{Path: "plan.goals[1].measures[7]", Kind: "added",
				After: `{"number":7,"title":"Bustadbørs","time_frame":{},"priority":"later"}`, Goal: 1, Measure: 7}}
		},
	}, {
		name:    "measure removed",
		example: vt,
		edit: func(t *testing.T, before, after *plan.File) []plan.Change {
			g := goal(t, after, 1)
			i := measureIndex(t, g, 2)
			old := g.Measures[i]
			g.Measures = slices.Delete(g.Measures, i, i+1)
			return []plan.Change{{Path: "plan.goals[1].measures[2]", Kind: "removed",
				Before: js(t, old), Goal: 1, Measure: 2}}
		},
	}, {
		name:    "measure moved to another goal",
		example: vt,
		edit: func(t *testing.T, before, after *plan.File) []plan.Change {
			from, to := goal(t, after, 1), goal(t, after, 2)
			i := measureIndex(t, from, 6)
			m := from.Measures[i]
			from.Measures = slices.Delete(from.Measures, i, i+1)
			moved := m
			moved.Number = 5
			to.Measures = append(to.Measures, moved)
			return []plan.Change{
				{Path: "plan.goals[1].measures[6]", Kind: "removed", Before: js(t, m), Goal: 1, Measure: 6},
				{Path: "plan.goals[2].measures[5]", Kind: "added", After: js(t, moved), Goal: 2, Measure: 5},
			}
		},
	}, {
		name:    "measures reordered",
		example: vt,
		edit: func(t *testing.T, before, after *plan.File) []plan.Change {
			g := goal(t, after, 3)
			if len(g.Measures) != 4 {
				t.Fatalf("goal 3 has %d measures, the test expects 4", len(g.Measures))
			}
			g.Measures[0], g.Measures[1] = g.Measures[1], g.Measures[0]
			return []plan.Change{{Path: "plan.goals[3].measures.order", Kind: "changed",
				Before: "1,2,3,4", After: "2,1,3,4", Goal: 3}}
		},
	}, {
		name:    "budget amount changed",
		example: vt,
		edit: func(t *testing.T, before, after *plan.File) []plan.Change {
			b := &after.Plan.Budgets[slices.IndexFunc(after.Plan.Budgets, func(b plan.Budget) bool { return b.ID == "period" })]
			l := b.Lines[slices.IndexFunc(b.Lines, func(l plan.BudgetLine) bool { return l.ID == "bustader" })]
			old := l.Amounts[2026]
			l.Amounts[2026] = old + 250_000
			return []plan.Change{{Path: "plan.budgets[period].lines[bustader].amounts[2026]", Kind: "changed",
				Before: strconv.FormatInt(int64(old), 10), After: strconv.FormatInt(int64(old)+250_000, 10)}}
		},
	}, {
		name:    "organisation renamed",
		example: vt,
		edit: func(t *testing.T, before, after *plan.File) []plan.Change {
			after.Organisations[organisation(t, after, "husbanken")].Name = "Den Norske Stats Husbank"
			return []plan.Change{{Path: "organisations[husbanken].name", Kind: "changed",
				Before: "Husbanken", After: "Den Norske Stats Husbank"}}
		},
	}, {
		name:    "organisations renamed, removed and added, in document order",
		example: vt,
		edit: func(t *testing.T, before, after *plan.File) []plan.Change {
			after.Organisations[organisation(t, after, "husbanken")].Name = "Den Norske Stats Husbank"
			i := organisation(t, after, "nav")
			nav := after.Organisations[i]
			after.Organisations = slices.Delete(after.Organisations, i, i+1)
			added := plan.Organisation{ID: "a-first", Name: "A først", Kind: plan.OrgOther}
			after.Organisations = slices.Insert(after.Organisations, 0, added)
			return []plan.Change{
				{Path: "organisations[a-first]", Kind: "added", After: `{"id":"a-first","name":"A først","kind":"other"}`},
				{Path: "organisations[husbanken].name", Kind: "changed", Before: "Husbanken", After: "Den Norske Stats Husbank"},
				{Path: "organisations[nav]", Kind: "removed", Before: js(t, nav)},
			}
		},
	}, {
		name:    "party without identity changed by index",
		example: vt,
		edit: func(t *testing.T, before, after *plan.File) []plan.Change {
			p := &after.Programme.Parties[0]
			old := p.Role
			p.Role = plan.RoleAdviser
			return []plan.Change{{Path: "programme.parties[0].role", Kind: "changed",
				Before: string(old), After: "adviser"}}
		},
	}, {
		name:    "section named by its number, map entry by its key",
		example: vt,
		edit: func(t *testing.T, before, after *plan.File) []plan.Change {
			sec := &after.Plan.Sections[1]
			if sec.Number != "2" {
				t.Fatalf("second section is numbered %q, the test expects 2", sec.Number)
			}
			oldTitle := sec.Title
			sec.Title = "Rammer"
			f := &after.Plan.Financing[0]
			old := f.Printed.Sources["kommunal-eigendel"]
			f.Printed.Sources["kommunal-eigendel"] = old + 1
			return []plan.Change{
				{Path: "plan.sections[2].title", Kind: "changed", Before: oldTitle, After: "Rammer"},
				{Path: "plan.financing[" + f.ID + "].printed.sources[kommunal-eigendel]", Kind: "changed",
					Before: strconv.FormatInt(int64(old), 10), After: strconv.FormatInt(int64(old)+1, 10)},
			}
		},
	}, {
		name:    "anchoring date changed",
		example: vt,
		edit: func(t *testing.T, before, after *plan.File) []plan.Change {
			a := &after.Plan.Anchoring[0]
			old := a.Council.String()
			a.Council = &plan.Date{Year: 2025, Month: 8, Day: 21}
			return []plan.Change{{Path: "plan.anchoring[0].council", Kind: "changed",
				Before: old, After: "2025-08-21"}}
		},
	}, {
		name:    "financing amount set where it was unknown",
		example: driv,
		edit: func(t *testing.T, before, after *plan.File) []plan.Change {
			f := &after.Plan.Financing[0]
			cells := f.Rows[0].Cells
			i := slices.IndexFunc(cells, func(c plan.FinancingCell) bool { return c.Source == "bundet-fond" })
			if i < 0 || cells[i].Amount != nil {
				t.Fatal("Driv's financing no longer has an unknown amount from bundet-fond")
			}
			cells[i].Amount = plan.Amount(250_000).Ptr()
			return []plan.Change{{Path: "plan.financing[" + f.ID + "].rows[0].cells[" + strconv.Itoa(i) + "].amount",
				Kind: "added", After: "250000"}}
		},
	}, {
		name:    "weight share and priority changed in a goal and a measure",
		example: vt,
		edit: func(t *testing.T, before, after *plan.File) []plan.Change {
			g := goal(t, after, 1)
			g.Weight = "3/5"
			m := &g.Measures[measureIndex(t, g, 5)]
			m.Priority = plan.PriorityNow
			return []plan.Change{
				{Path: "plan.goals[1].weight", Kind: "changed", Before: "60 %", After: "3/5", Goal: 1},
				{Path: "plan.goals[1].measures[5].priority", Kind: "changed", Before: "later", After: "now", Goal: 1, Measure: 5},
			}
		},
	}, {
		name:    "nil and empty are the same",
		example: vt,
		edit: func(t *testing.T, before, after *plan.File) []plan.Change {
			before.Plan.Budgets = append(before.Plan.Budgets, plan.Budget{ID: "tom", Title: "Tom"})
			after.Plan.Budgets = append(after.Plan.Budgets, plan.Budget{ID: "tom", Title: "Tom",
				Covers: []string{}, Years: []int{}, Lines: []plan.BudgetLine{}, Footnotes: []plan.Footnote{}})
			before.Plan.Financing[0].Rows[0].Cells[0].Payments = nil
			after.Plan.Financing[0].Rows[0].Cells[0].Payments = []plan.Payment{}
			before.Plan.Budgets[0].Lines[0].Amounts = nil
			after.Plan.Budgets[0].Lines[0].Amounts = map[int]plan.Amount{}
			for _, f := range []*plan.File{before, after} {
				g := goal(t, f, 1)
				g.Measures[0].Sections = nil
				g.Measures[0].Leads = nil
			}
			after.Plan.Goals[0].Measures[0].Sections = []plan.Section{}
			after.Plan.Goals[0].Measures[0].Leads = []plan.Actor{}
			return nil
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, after := example(t, tt.example), example(t, tt.example)
			want := tt.edit(t, before, after)
			got := plan.Diff(before, after)
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("Diff (-want +got):\n%s", d)
			}
			// Diff is deterministic and its reverse is its mirror image in kinds.
			if again := plan.Diff(before, after); !slices.Equal(got, again) {
				t.Errorf("Diff gave %v, then %v", got, again)
			}
			if back := plan.Diff(after, before); len(back) != len(got) {
				t.Errorf("Diff(after, before) has %d changes, Diff(before, after) %d", len(back), len(got))
			}
		})
	}
}

// The whole object of an added or removed measure is its JSON, which reads
// back as the measure.
func TestDiffObjectReadsBack(t *testing.T) {
	before, after := example(t, "vest-telemark"), example(t, "vest-telemark")
	g := goal(t, after, 1)
	i := measureIndex(t, g, 2)
	old := g.Measures[i]
	g.Measures = slices.Delete(g.Measures, i, i+1)
	cs := plan.Diff(before, after)
	if len(cs) != 1 {
		t.Fatalf("got %d changes, want 1: %v", len(cs), cs)
	}
	var m plan.Measure
	if err := json.Unmarshal([]byte(cs[0].Before), &m); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(old, m); d != "" {
		t.Errorf("removed measure read back (-want +got):\n%s", d)
	}
}

func TestDiffFromNothing(t *testing.T) {
	f := example(t, "driv")
	var paths []string
	for _, c := range plan.Diff(nil, f) {
		if c.Kind != "added" || c.Before != "" || c.After == "" {
			t.Errorf("change %+v: want an added value", c)
		}
		paths = append(paths, c.Path)
	}
	if want := []string{"planverk", "organisations", "programme", "plan"}; !slices.Equal(paths, want) {
		t.Errorf("paths %v, want %v", paths, want)
	}
	if cs := plan.Diff(f, nil); len(cs) != 4 || cs[0].Kind != "removed" {
		t.Errorf("Diff(f, nil) = %v, want four removed values", cs)
	}
	if cs := plan.Diff(nil, nil); cs != nil {
		t.Errorf("Diff(nil, nil) = %v, want none", cs)
	}
}

func TestMeasureChanges(t *testing.T) {
	before, after := example(t, "vest-telemark"), example(t, "vest-telemark")
	g := goal(t, after, 1)
	g.Title = "Fleire bustader"
	g.Measures[measureIndex(t, g, 1)].Title = "Innsikt"
	g.Measures[measureIndex(t, g, 3)].Summary = "Ny omtale."
	if m := &g.Measures[measureIndex(t, g, 3)]; m.Priority == plan.PriorityNow {
		m.Priority = plan.PriorityLater
	} else {
		m.Priority = plan.PriorityNow
	}
	goal(t, after, 2).Measures[0].Title = "SMB"
	cs := plan.Diff(before, after)
	if len(cs) != 5 {
		t.Fatalf("got %d changes, want 5: %v", len(cs), cs)
	}
	var got []string
	for _, c := range plan.MeasureChanges(cs, 1, 3) {
		got = append(got, c.Path)
	}
	want := []string{"plan.goals[1].measures[3].summary", "plan.goals[1].measures[3].priority"}
	if !slices.Equal(got, want) {
		t.Errorf("MeasureChanges(1, 3) paths %v, want %v", got, want)
	}
	if own := plan.MeasureChanges(cs, 1, 0); len(own) != 1 || own[0].Path != "plan.goals[1].title" {
		t.Errorf("MeasureChanges(1, 0) = %v, want the goal's title", own)
	}
	if none := plan.MeasureChanges(cs, 3, 1); none != nil {
		t.Errorf("MeasureChanges(3, 1) = %v, want none", none)
	}
}

// Paths name values by their JSON names, and claim those are the plan file's
// names: every field's yaml and json names must agree.
func TestDiffPathsUseYAMLNames(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(t2 reflect.Type) {
		for t2.Kind() == reflect.Pointer || t2.Kind() == reflect.Slice || t2.Kind() == reflect.Map {
			t2 = t2.Elem()
		}
		if t2.Kind() != reflect.Struct || seen[t2] {
			return
		}
		seen[t2] = true
		for i := range t2.NumField() {
			f := t2.Field(i)
			if !f.IsExported() {
				continue
			}
			y, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			j, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if y != j {
				t.Errorf("%s.%s: yaml name %q, json name %q", t2.Name(), f.Name, y, j)
			}
			walk(f.Type)
		}
	}
	walk(reflect.TypeFor[plan.File]())
}

// BenchmarkDiffExamples diffs the Vest-Telemark plan against a copy with one
// measure's title changed: the work of one save.
func BenchmarkDiffExamples(b *testing.B) {
	before, after := example(b, "vest-telemark"), example(b, "vest-telemark")
	after.Plan.Goals[1].Measures[2].Title = "Nettverk og klynger i bygg og anlegg"
	if n := len(plan.Diff(before, after)); n != 1 {
		b.Fatalf("got %d changes, want 1", n)
	}
	b.ReportAllocs()
	for b.Loop() {
		plan.Diff(before, after)
	}
}

// BenchmarkDiffExamplesBaseline encodes the same two files as JSON and does
// nothing else: the floor BenchmarkDiffExamples is to be read against, since
// Diff does this encoding first.
func BenchmarkDiffExamplesBaseline(b *testing.B) {
	before, after := example(b, "vest-telemark"), example(b, "vest-telemark")
	after.Plan.Goals[1].Measures[2].Title = "Nettverk og klynger i bygg og anlegg"
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(before); err != nil {
			b.Fatal(err)
		}
		if _, err := json.Marshal(after); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkClone copies the Vest-Telemark plan, as every edit does once
// and every load of a plan kept in memory does: against
// BenchmarkDiffExamplesBaseline in the same run.
func BenchmarkClone(b *testing.B) {
	f := example(b, "vest-telemark")
	b.ReportAllocs()
	for b.Loop() {
		f.Clone()
	}
}
