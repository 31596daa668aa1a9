package assessment

import (
	"math"
	"strings"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestDefaultSet(t *testing.T) {
	s := Default()
	if len(s.Dimensions) != 2 {
		t.Fatalf("dimensions: %d, want 2", len(s.Dimensions))
	}
	for _, d := range s.Dimensions {
		if len(d.Indicators) != 6 {
			t.Errorf("%s has %d indicators, want 6", d.Key, len(d.Indicators))
		}
	}
	if len(s.Roles) != 4 {
		t.Errorf("roles: %d, want 4", len(s.Roles))
	}
	if got := s.Scale.Steps(); len(got) != 6 || got[0] != 1 {
		t.Errorf("scale steps %v", got)
	}
}

// The process weighs most in years 1 and 2, the effects from year 3 on,
// also long after the last weight's first year.
func TestWeightsByProgrammeYear(t *testing.T) {
	s := Default()
	process, effects := s.Dimensions[0].Key, s.Dimensions[1].Key
	for _, y := range []int{1, 2} {
		w := s.WeightIn(y)
		if w[process] <= w[effects] {
			t.Errorf("year %d: process %d, effects %d; the process should weigh most", y, w[process], w[effects])
		}
	}
	for _, y := range []int{3, 4, 6, 9} {
		w := s.WeightIn(y)
		if w[effects] <= w[process] {
			t.Errorf("year %d: process %d, effects %d; the effects should weigh most", y, w[process], w[effects])
		}
	}
}

func TestProgrammeYear(t *testing.T) {
	for _, c := range []struct{ from, year, want int }{{2022, 2022, 1}, {2022, 2023, 2}, {2022, 2025, 4}, {0, 2025, 1}, {2024, 2023, 1}} {
		if got := ProgrammeYear(c.from, c.year); got != c.want {
			t.Errorf("ProgrammeYear(%d, %d) = %d, want %d", c.from, c.year, got, c.want)
		}
	}
}

// scoresOf gives every process indicator p and every effect indicator e.
func scoresOf(s *Set, p, e int) map[string]Score {
	out := map[string]Score{}
	for _, ind := range s.Dimensions[0].Indicators {
		out[ind.Key] = Score{Value: p}
	}
	for _, ind := range s.Dimensions[1].Indicators {
		out[ind.Key] = Score{Value: e}
	}
	return out
}

func TestComputeWeightsTheTotal(t *testing.T) {
	s := Default()
	scores := scoresOf(s, 6, 2)
	early, late := Compute(s, scores, 1), Compute(s, scores, 4)
	if !early.Complete || !late.Complete {
		t.Fatal("a fully scored assessment is not complete")
	}
	w1, w4 := s.WeightIn(1), s.WeightIn(4)
	p, e := s.Dimensions[0].Key, s.Dimensions[1].Key
	want1 := (6*float64(w1[p]) + 2*float64(w1[e])) / 100
	want4 := (6*float64(w4[p]) + 2*float64(w4[e])) / 100
	if !near(early.Overall, want1) || !near(late.Overall, want4) {
		t.Errorf("overall %v and %v, want %v and %v", early.Overall, late.Overall, want1, want4)
	}
	// A strong process counts for more early in the programme.
	if early.Overall <= late.Overall {
		t.Errorf("year 1 %v should be above year 4 %v", early.Overall, late.Overall)
	}
	d := early.Dimensions[0]
	if d.Scored != 6 || !near(d.Mean, 6) || !near(d.Weighted, 6*float64(w1[p])/100) {
		t.Errorf("process: %+v", d)
	}
}

func TestComputeMeanOfScoredOnly(t *testing.T) {
	s := Default()
	scores := map[string]Score{
		s.Dimensions[0].Indicators[0].Key: {Value: 3},
		s.Dimensions[0].Indicators[1].Key: {Value: 4, Comment: "ok"},
		s.Dimensions[0].Indicators[2].Key: {Value: 9}, // off the scale: not counted
	}
	r := Compute(s, scores, 1)
	if r.Complete || r.Overall != 0 {
		t.Errorf("effects unscored, yet complete %v overall %v", r.Complete, r.Overall)
	}
	if d := r.Dimensions[0]; d.Scored != 2 || !near(d.Mean, 3.5) {
		t.Errorf("process scored %d mean %v, want 2 and 3.5", d.Scored, d.Mean)
	}
}

func TestCheckNamesWhatIsWrong(t *testing.T) {
	s := Default()
	a := Start("p", 2025, DefaultSource)
	key := s.Dimensions[1].Indicators[2].Key
	a.Scores[key] = Score{Value: 7}
	a.Scores["nope"] = Score{Value: 2}
	a.Team = []Member{{Name: "Kari", Role: "unknown"}, {Name: "", Role: s.Roles[0].Key}}
	a.Proposals = []Proposal{{Text: "x"}, {Text: ""}}
	kinds := map[string]bool{}
	for _, p := range Check(s, a) {
		kinds[p.Kind] = true
		if p.Kind == "score" && (p.Key != key || p.Value != 7) {
			t.Errorf("score problem %+v", p)
		}
	}
	for _, k := range []string{"score", "indicator", "role", "member", "proposal"} {
		if !kinds[k] {
			t.Errorf("no %s problem found", k)
		}
	}
}

func TestParseSetRefuses(t *testing.T) {
	src := string(DefaultSource)
	for name, doc := range map[string]string{
		"weights not 100": strings.Replace(src, "effekter: 30", "effekter: 40", 1),
		"gap in years":    strings.Replace(src, "  - from: 3", "  - from: 4", 1),
		"unknown field":   src + "colour: red\n",
		"no name in nn":   strings.Replace(src, "nn: Effektar", "nn: \"\"", 1),
		"empty":           "",
	} {
		if _, err := ParseSet([]byte(doc)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
