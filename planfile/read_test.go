package planfile

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

const minimal = `planverk: 1
programme:
  id: p
  kind: other
  name: P
  period: {from: 2025, to: 2026}
plan:
  year: 2025
  title: T
  language: nb
`

func TestUnknownFieldListsAllowed(t *testing.T) {
	doc, err := Read("x.yaml", []byte(strings.Replace(minimal, "  title: T\n", "  title: T\n  titel: U\n", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Findings) != 1 {
		t.Fatalf("want one finding, got %+v", doc.Findings)
	}
	f := doc.Findings[0]
	if f.Rule != "unknown-field" || f.Args["Field"] != "titel" {
		t.Fatalf("got %+v", f)
	}
	if allowed := f.Args["Allowed"].([]string); !slices.Contains(allowed, "title") || !slices.Contains(allowed, "goals") {
		t.Errorf("allowed list %v lacks title/goals", allowed)
	}
	if pos := doc.Pos(f.Path); pos.Line != 10 || pos.Col != 3 {
		t.Errorf("position %+v, want line 10 column 3", pos)
	}
	if doc.File != nil {
		t.Error("a file with unknown fields must not be decoded")
	}
}

func TestBadValuesAreFindingsWithPositions(t *testing.T) {
	src := minimal + `  anchoring:
    - municipality: a
      council: 31.06.2025
  budgets:
    - id: b
      title: B
      years: [2025]
      lines:
        - id: l
          label: L
          amounts:
            2025: 12,5
  goals:
    - number: one
      title: G
      weight: sixty
`
	doc, err := Read("x.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{ // path → line
		"plan.anchoring[0].council":             13,
		"plan.budgets[0].lines[0].amounts.2025": 22,
		"plan.goals[0].number":                  24,
		"plan.goals[0].weight":                  26,
	}
	for _, f := range doc.Findings {
		line, ok := want[f.Path]
		if !ok {
			t.Errorf("unexpected finding %+v", f)
			continue
		}
		if got := doc.Pos(f.Path).Line; got != line {
			t.Errorf("%s at line %d, want %d", f.Path, got, line)
		}
		delete(want, f.Path)
	}
	for p := range want {
		t.Errorf("no finding at %s", p)
	}
}

func TestSyntaxError(t *testing.T) {
	_, err := Read("x.yaml", []byte("plan:\n  title: [unclosed\n"))
	se, ok := err.(*SyntaxError)
	if !ok {
		t.Fatalf("want *SyntaxError, got %v", err)
	}
	if se.Pos.Line < 1 {
		t.Errorf("no position: %+v", se)
	}
}

// Writing a plan and reading it back gives the same plan, for the small test
// plan and for both example plans.
func TestMarshalRoundTrip(t *testing.T) {
	for _, name := range []string{"../plan/testdata/small.yaml", "../examples/driv-2025.yaml", "../examples/vest-telemark-2025.yaml"} {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(name)
			if err != nil {
				t.Skipf("%s not present: %v", name, err)
			}
			doc, err := Read(name, b)
			if err != nil || doc.File == nil {
				t.Fatalf("read: %v %+v", err, doc)
			}
			out, err := Marshal(doc.File)
			if err != nil {
				t.Fatal(err)
			}
			again, err := Read("out.yaml", out)
			if err != nil || again.File == nil {
				t.Fatalf("read back: %v %+v\n%s", err, again, out)
			}
			if d := cmp.Diff(doc.File, again.File, cmpopts.EquateEmpty()); d != "" {
				t.Errorf("round trip differs (-before +after):\n%s", d)
			}
		})
	}
}

func TestLeadingZeroMustBeQuoted(t *testing.T) {
	src := minimal + "organisations:\n  - id: oslo\n    name: Oslo\n    municipality_number: 0301\n"
	doc, err := Read("x.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Findings) != 1 || doc.Findings[0].Message != "schema.quote" || doc.Findings[0].Path != "organisations[0].municipality_number" {
		t.Fatalf("want a schema.quote finding, got %+v", doc.Findings)
	}
}
