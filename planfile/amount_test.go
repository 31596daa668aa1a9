package planfile

import (
	"strings"
	"testing"

	"planverk/i18n"
)

// budgetWith is the minimal plan with one budget line whose 2025 amount is
// written as given.
func budgetWith(amount string) string {
	return minimal + `  budgets:
    - id: b
      title: B
      years: [2025]
      lines:
        - id: l
          label: L
          amounts:
            2025: ` + amount + "\n"
}

// A plan file reads an amount in every form a form or a table import does,
// and planverk writes it back as a plain integer.
func TestAmountFormsInPlanFile(t *testing.T) {
	for _, in := range []string{"1000000", "1 000 000", "1 000 000 kr", `"1 000 000 kr"`, "kr 1 000 000",
		`"1.000.000,-"`, "1\u00a0000\u00a0000", "1\u202f000\u202f000 kr.", "NOK 1 000 000"} {
		doc, err := Read("x.yaml", []byte(budgetWith(in)))
		if err != nil || doc.File == nil {
			t.Fatalf("%s: %v %+v", in, err, doc.Findings)
		}
		if got := doc.File.Plan.Budgets[0].Lines[0].Amounts[2025]; got != 1000000 {
			t.Errorf("%s read as %d, want 1000000", in, got)
		}
		out, err := Marshal(doc.File)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), "2025: 1000000\n") {
			t.Errorf("%s is written back as\n%s\nwant the plain integer 1000000", in, out)
		}
	}
}

// The same in a JSON plan file: a number, or a string as plans write it.
func TestAmountFormsInJSONPlanFile(t *testing.T) {
	for _, in := range []string{`1000000`, `"1 000 000 kr"`, `"3.500.000,-"`} {
		src := `{"planverk": 1, "programme": {"id": "p", "kind": "other", "name": "P", "period": {"from": 2025, "to": 2026}},
 "plan": {"year": 2025, "title": "T", "language": "nb", "budgets": [{"id": "b", "title": "B", "years": [2025],
 "lines": [{"id": "l", "label": "L", "amounts": {"2025": ` + in + `}}]}]}}`
		doc, err := Read("x.json", []byte(src))
		if err != nil || doc.File == nil {
			t.Fatalf("%s: %v %+v", in, err, doc.Findings)
		}
		if got := doc.File.Plan.Budgets[0].Lines[0].Amounts[2025]; got != 1000000 && got != 3500000 {
			t.Errorf("%s read as %d", in, got)
		}
	}
}

// An amount with øre is refused on its line, with words that say amounts
// are whole kroner, in the reader's language.
func TestAmountWithOreIsRefused(t *testing.T) {
	doc, err := Read("x.yaml", []byte(budgetWith(`"1 000,50"`)))
	if err != nil {
		t.Fatal(err)
	}
	if doc.File != nil || len(doc.Findings) != 1 {
		t.Fatalf("want one finding and no plan, got %+v", doc.Findings)
	}
	f := doc.Findings[0]
	if pos := doc.Pos(f.Path); pos.Line != 19 {
		t.Errorf("finding at line %d, want 19", pos.Line)
	}
	want := map[i18n.Lang]string{"en": "planverk counts no øre", "nb": "planverk regner ikke med øre", "nn": "planverk reknar ikkje med øre"}
	for lang, w := range want {
		msg := i18n.Finding(lang, f)
		if !strings.Contains(msg, w) || !strings.Contains(msg, "1 000,50") || !strings.Contains(msg, "2025") {
			t.Errorf("%s: %q, want it to name the year, the value and say %q", lang, msg, w)
		}
	}
}
