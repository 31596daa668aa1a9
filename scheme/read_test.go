package scheme

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/google/go-cmp/cmp"

	"planverk/plan"
)

func TestReadTestdata(t *testing.T) {
	schemes := readTestSchemes(t)
	if len(schemes) != 10 {
		t.Fatalf("read %d schemes, want 10", len(schemes))
	}
	s := schemes[0]
	if s.ID != "husbanken-startlan" || s.Name.In(LangNN) != "Startlån" || s.Provider != "husbanken" ||
		s.Level != LevelNational || !s.HowToApply.Deadline.Continuous ||
		s.Checked != (plan.Date{Year: 2026, Month: 11, Day: 2}) {
		t.Errorf("first scheme read as %+v", s)
	}
	if got := s.HowToApply.Steps.In(LangNB); len(got) != 2 || !strings.HasPrefix(got[0], "Ta kontakt") {
		t.Errorf("steps in nb = %q", got)
	}
	d := schemes[2].HowToApply.Deadline
	want := Deadline{Dates: []DeadlineDate{
		{Date: plan.Date{Year: 2026, Month: 3, Day: 1}, Note: Text{LangNN: "Første søknadsrunde"}},
		{Date: plan.Date{Year: 2026, Month: 9, Day: 1}, Note: Text{LangNN: "Andre søknadsrunde"}},
	}}
	if diff := cmp.Diff(want, d); diff != "" {
		t.Errorf("deadline (-want +got):\n%s", diff)
	}
	if len(readTestGlossary(t)) != 4 {
		t.Errorf("glossary: want 4 terms")
	}
}

// A file's mistakes are reported with the line and column the YAML library
// gives, so that whoever writes the catalogue can find them.
func TestReadErrors(t *testing.T) {
	for _, c := range []struct {
		src, want string
	}{
		{"- id: a\n  critera: {nn: x}\n", `f.yaml:2:3: unknown field "critera"`},
		{"- id: a\n  kinds: loan\n", "f.yaml:2:10: string was used where sequence is expected"},
		{"- id: a\n  checked: 2026-13-23\n", `f.yaml:2:12: "2026-13-23" is not a valid date`},
		{"- id: a\n  how_to_apply:\n    deadline: sometimes\n", `f.yaml:3:15: deadline is "sometimes": write continuous, or a list of dates`},
		{"- id: a\n  how_to_apply:\n    deadline: {date: 2026-03-15}\n", "f.yaml:3:15: deadline is a mapping"},
		{"- id: a\n  how_to_apply:\n    deadline: [{date: 2026-03-15, nte: {nb: x}}]\n", `f.yaml:3:35: unknown field "nte"`},
		{"- id: a\n  how_to_apply:\n    deadline: [{date: 2026-02-30}]\n", `f.yaml:3:23: "2026-02-30" is not a valid date`},
		{"- id: a\n  name: {nn: x\n", "f.yaml:2:9:"},
		{"id: a\n", "f.yaml:1:3: mapping was used where sequence is expected"},
	} {
		_, err := ReadSchemes("f.yaml", []byte(c.src))
		var re *ReadError
		if !errors.As(err, &re) || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("ReadSchemes(%q) = %v, want an error starting %q", c.src, err, c.want)
		}
	}
	_, err := ReadGlossary("g.yaml", []byte("- id: a\n  term: {nb: [x]}\n"))
	if err == nil || !strings.HasPrefix(err.Error(), `g.yaml:2:3: unknown field "term"`) {
		t.Errorf("ReadGlossary with an unknown key = %v", err)
	}
}

// A scheme written out and read back, as YAML and as JSON, is the same.
func TestRoundTrip(t *testing.T) {
	schemes := readTestSchemes(t)
	b, err := yaml.Marshal(schemes)
	if err != nil {
		t.Fatal(err)
	}
	again, err := ReadSchemes("again.yaml", b)
	if err != nil {
		t.Fatalf("reading what was written: %v\n%s", err, b)
	}
	if diff := cmp.Diff(schemes, again); diff != "" {
		t.Errorf("YAML round trip (-want +got):\n%s", diff)
	}

	j, err := json.Marshal(schemes)
	if err != nil {
		t.Fatal(err)
	}
	var fromJSON []Scheme
	if err := json.Unmarshal(j, &fromJSON); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(schemes, fromJSON); diff != "" {
		t.Errorf("JSON round trip (-want +got):\n%s", diff)
	}
	for _, want := range []string{`"deadline":"continuous"`, `"deadline":[{"date":"2026-03-01","note":{"nn":"Første søknadsrunde"}}`, `"checked":"2026-11-02"`, `"also_known_as":["startlån frå kommunen"]`} {
		if !strings.Contains(string(j), want) {
			t.Errorf("JSON lacks %s", want)
		}
	}
}
