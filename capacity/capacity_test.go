package capacity

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

func TestDefault(t *testing.T) {
	s := Default()
	if len(s.Dimensions) != 2 || len(s.Indicators()) != 8 {
		t.Fatalf("default set: %d dimensions, %d indicators", len(s.Dimensions), len(s.Indicators()))
	}
	if s.Scale.Min != 1 || s.Scale.Max != 6 || len(s.Scale.Steps()) != 6 {
		t.Errorf("scale %+v", s.Scale)
	}
	if got := s.Dimensions[0].Indicators[2].Name.In("nn"); got != "Haldningar" {
		t.Errorf("holdninger in nynorsk: %q", got)
	}
	if got := s.Dimensions[1].Indicators[3].Name.In("en"); got != "Mobilisation of resources" {
		t.Errorf("mobilisering in English: %q", got)
	}
}

// Each mistake is found on the line it stands on.
func TestParseSetFindings(t *testing.T) {
	base := string(DefaultSource)
	for _, tc := range []struct {
		name, src, key string
		line           int
	}{
		{"empty", "  \n", "capacity.set.empty", 1},
		{"syntax", "name: [x\n", "capacity.set.syntax", 1},
		{"unknown field", base + "colour: blue\n", "capacity.set.syntax", 0},
		{"no name", strings.Replace(base, "name: utviklingsevne\n", "", 1), "capacity.set.missing", 1},
		{"key twice", strings.Replace(base, "key: vilje", "key: tillit", 1), "capacity.set.twice", lineOf2(base, "key: vilje")},
		{"bad key", strings.Replace(base, "key: kommunikasjon", "key: Kommunikasjon!", 1), "capacity.set.bad-key", lineOf2(base, "key: kommunikasjon")},
		{"missing language", strings.Replace(base, "          nn: Haldningar\n", "", 1), "capacity.set.no-name", lineOf2(base, "key: holdninger")},
		{"scale upside down", strings.Replace(base, "max: 6", "max: 1", 1), "capacity.set.bad-scale", 0},
		{"scale too long", strings.Replace(base, "max: 6", "max: 40", 1), "capacity.set.long-scale", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseSet([]byte(tc.src))
			var se *SetError
			if !errors.As(err, &se) {
				t.Fatalf("error %v, want a *SetError", err)
			}
			if se.Key != tc.key {
				t.Errorf("key %q, want %q (%v)", se.Key, tc.key, err)
			}
			if tc.line != 0 && se.Line != tc.line {
				t.Errorf("line %d, want %d (%v)", se.Line, tc.line, err)
			}
		})
	}
}

// lineOf2 is the line of the list entry that a text of the document is on.
func lineOf2(src, text string) int {
	i := strings.Index(src, text)
	return strings.Count(src[:i], "\n") + 1
}

func full(s *Set, v int) map[string]string {
	m := map[string]string{}
	for _, ind := range s.Indicators() {
		m[ScoreField(ind.Key)] = strconv.Itoa(v)
	}
	return m
}

func TestReadResponse(t *testing.T) {
	s := Default()
	form := full(s, 4)
	form["comment"] = "  Godt arbeid.  "
	resp, problems := ReadResponse(s, func(f string) string { return form[f] })
	if len(problems) != 0 || len(resp.Scores) != 8 || resp.Scores["tillit"] != 4 || resp.Comment != "Godt arbeid." {
		t.Errorf("a full answer: %+v, %+v", resp, problems)
	}
	form[ScoreField("vilje")] = "7"
	delete(form, ScoreField("kommunikasjon"))
	form["comment"] = strings.Repeat("x", MaxComment+1)
	_, problems = ReadResponse(s, func(f string) string { return form[f] })
	if len(problems) != 3 || problems[0].Field != "score-vilje" || problems[0].Key != "capacity.answer.off-scale" ||
		problems[1].Field != "score-kommunikasjon" || problems[1].Key != "capacity.answer.missing" || problems[2].Field != "comment" {
		t.Errorf("problems: %+v", problems)
	}
	if problems[0].Args[1] != "vilje" {
		t.Errorf("the problem does not name the indicator: %+v", problems[0])
	}
}

// Three answers show nothing; five show the mean.
func TestSummariseThreshold(t *testing.T) {
	s := Default()
	var answers []Answer
	for i, v := range []int{2, 3, 4} {
		answers = append(answers, Answer{Group: i % 2, Response: Response{Scores: map[string]int{"tillit": v, "vilje": v}}})
	}
	res := Summarise(s, 2, answers)
	if res.All.Indicators["tillit"].Shown() || res.All.Respondents.Shown() || res.All.Dimensions["kultur"].Shown() {
		t.Errorf("three answers are shown: %+v", res.All)
	}
	for _, v := range []int{5, 6} {
		answers = append(answers, Answer{Group: 0, Response: Response{Scores: map[string]int{"tillit": v, "vilje": 1}}})
	}
	res = Summarise(s, 2, answers)
	c := res.All.Indicators["tillit"]
	if !c.Shown() || c.N != 5 || c.Mean != 4 {
		t.Errorf("five answers: tillit %+v, want 5 answers, mean 4", c)
	}
	// kultur: (2+2)/2, 3, 4, (5+1)/2, (6+1)/2 → 2, 3, 4, 3, 3.5
	if d := res.All.Dimensions["kultur"]; !d.Shown() || d.Mean != 3.1 {
		t.Errorf("kultur %+v, want mean 3.1", d)
	}
	if res.All.Indicators["kommunikasjon"].Shown() {
		t.Error("an indicator nobody scored is shown")
	}
	if g := res.Groups[0]; g.Respondents.N != 4 || g.Indicators["tillit"].Shown() {
		t.Errorf("group 0 of four: %+v", g)
	}
	if _, ok := Trend(res.All.Indicators["tillit"], Cell{N: 3, Mean: 1}); ok {
		t.Error("a trend against a hidden year")
	}
	if d, ok := Trend(res.All.Indicators["tillit"], Cell{N: 6, Mean: 3.5}); !ok || d != 0.5 {
		t.Errorf("trend %v %v", d, ok)
	}
}

func TestComments(t *testing.T) {
	var answers []Answer
	for i := range 4 {
		answers = append(answers, Answer{Response: Response{Comment: "c" + strconv.Itoa(4-i)}})
	}
	if got := Comments(answers, 0); got != nil {
		t.Errorf("four answers' comments are shown: %v", got)
	}
	answers = append(answers, Answer{})
	if got := Comments(answers, 0); len(got) != 4 || got[0] != "c1" {
		t.Errorf("comments %v", got)
	}
}

func TestToken(t *testing.T) {
	a, b := NewToken(), NewToken()
	if a == b || len(a) < 40 {
		t.Errorf("tokens %q %q", a, b)
	}
	if h := HashToken(a); h == a || h == HashToken(b) || len(h) != 64 {
		t.Error("hash")
	}
}
