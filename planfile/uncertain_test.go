package planfile

import (
	"strings"
	"testing"

	"planverk/plan"
)

// uncertain is a plan file using every way of writing a fact that is not
// fully known: an open period with a note, dates known to the month or the
// year, ceilings written both ways, money over a span of years, labelled
// goals and measures, a measure under no goal, and people.
const uncertain = `planverk: 1
organisations:
  - {id: k, name: K kommune, kind: municipality}
programme:
  id: p
  kind: other
  name: P
  period: {from: 2022, note: extended until further notice}
  signed: 2022-11
  people:
    - {name: Kari Nordmann, role: board-chair, organisation: k, note: from 2023}
    - {name: Ola Nordmann, role: contact}
plan:
  year: 2030
  title: T
  language: nb
  goals:
    - label: A
      title: Goal A
      measures:
        - {label: P1, title: Project one, people: [{name: Per, role: project-lead}]}
  measures:
    - {label: P5, title: Not placed yet, time_frame: {from: 2029, to: 2031}}
  sources:
    - {id: s, name: S}
  budgets:
    - id: b
      title: B
      years: [2030, 2031]
      lines:
        - id: l
          label: L
          amounts: {2030: inntil 100 000, 2031: "inntil 50 000"}
  financing:
    - id: f
      title: F
      years: {from: 2030, to: 2031}
      budget: b
      sources: [s]
      rows:
        - line: l
          cells:
            - {source: s, amount: inntil 150 000}
  approvals:
    - {party: k, date: "2022"}
`

func TestUncertainFactsReadCheckAndWriteBack(t *testing.T) {
	doc, err := Read("u.yaml", []byte(uncertain))
	if err != nil {
		t.Fatal(err)
	}
	if plan.HasErrors(doc.Findings) {
		t.Fatalf("findings %+v", doc.Findings)
	}
	f := doc.File
	if p := f.Programme.Period; !p.Open() || p.Note == "" || !p.Contains(2040) {
		t.Errorf("period %+v", p)
	}
	if d := f.Programme.Signed; d == nil || d.Precision != plan.PrecisionMonth || d.String() != "2022-11" {
		t.Errorf("signed %+v", d)
	}
	if d := f.Plan.Approvals[0].Date; d == nil || d.Precision != plan.PrecisionYear {
		t.Errorf("approval date %+v", d)
	}
	l := f.Plan.Budgets[0].Lines[0]
	if l.Kind != plan.AmountCeiling || l.Amounts[2030] != 100_000 || l.Amounts[2031] != 50_000 {
		t.Errorf("line %+v", l)
	}
	c := f.Plan.Financing[0].Rows[0].Cells[0]
	if c.Kind != plan.AmountCeiling || *c.Amount != 150_000 {
		t.Errorf("cell %+v", c)
	}
	if f.Plan.Goals[0].Name() != "A" || f.Plan.Goals[0].Measures[0].Name() != "P1" || len(f.Plan.Measures) != 1 {
		t.Errorf("labels %+v", f.Plan)
	}
	if len(f.Programme.People) != 2 || f.Plan.Goals[0].Measures[0].People[0].Role != plan.PersonProjectLead {
		t.Errorf("people %+v", f.Programme.People)
	}
	if errs := plan.Check(f); plan.HasErrors(errs) {
		t.Errorf("check: %+v", errs)
	}
	// Written back, the kinds stand beside the amounts and the dates keep
	// their precision; read again, the file is the same.
	out, err := Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"kind: ceiling", "signed: 2022-11", "date: \"2022\"", "note: extended until further notice"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("written file lacks %q:\n%s", want, out)
		}
	}
	again, err := Read("again.yaml", out)
	if err != nil || plan.HasErrors(again.Findings) {
		t.Fatalf("reading back: %v %+v", err, again.Findings)
	}
	if d := plan.Diff(f, again.File); len(d) != 0 {
		t.Errorf("round trip changed %+v", d)
	}
}
