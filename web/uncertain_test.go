package web

import (
	"context"
	"strings"
	"testing"

	"planverk/planfile"
)

// uncertainPlan is a plan file that uses every way of writing a fact that
// is not fully known.
const uncertainPlan = `planverk: 1
organisations:
  - {id: kommune-u, name: Usikker kommune, kind: municipality}
programme:
  id: usikker
  kind: restructuring-programme
  name: Omstilling Usikker
  period: {from: 2022, note: Forlengd inntil vidare}
  signed: 2022-11
  people:
    - {name: Kari Leiar, role: board-chair, organisation: kommune-u}
    - {name: Ola Kontakt, role: contact}
plan:
  year: 2025
  title: Handlingsplan Usikker 2025
  language: nn
  sections:
    - {title: Mål, blocks: [goals, "budget:b", "financing:f", approvals]}
  goals:
    - label: A
      title: Næringsutvikling
      measures:
        - {label: P1, title: Prosjekt ein, people: [{name: Per Prosjekt, role: project-lead}]}
  measures:
    - {label: P5, title: Prosjekt som ventar}
  sources:
    - {id: s, name: Staten}
  budgets:
    - id: b
      title: Budsjett
      years: [2025, 2026]
      lines:
        - {id: l, label: Prosjekta, amounts: {2025: inntil 100 000, 2026: inntil 50 000}}
  financing:
    - id: f
      title: Fasemidlar
      years: {from: 2025, to: 2026}
      budget: b
      sources: [s]
      rows:
        - line: l
          cells: [{source: s, amount: inntil 150 000}]
  approvals:
    - {party: kommune-u, date: "2022"}
`

// A plan file with an open period, a month-only date, ceilings, a span of
// years, labels, a measure under no goal and people goes into the store and
// reads on its pages in words, in every language.
func TestUncertainFactsShowInWords(t *testing.T) {
	fx := newFixture(t, "sqlite")
	doc, err := planfile.Read("usikker.yaml", []byte(uncertainPlan))
	if err != nil || doc.File == nil {
		t.Fatalf("read: %v %+v", err, doc)
	}
	v, err := fx.store.SavePlan(context.Background(), doc.File)
	if err != nil {
		t.Fatal(err)
	}
	if err := fx.store.SetPublished(context.Background(), v.ProgrammeID, v.Year, true, 0); err != nil {
		t.Fatal(err)
	}
	stored, _, err := fx.store.LoadPlan(context.Background(), "usikker", 2025)
	if err != nil {
		t.Fatal(err)
	}
	measureP1 := "/programmes/usikker/plans/2025/measures/" + stored.Plan.Goals[0].Measures[0].ID
	measureP5 := "/programmes/usikker/plans/2025/measures/" + stored.Plan.Measures[0].ID
	want := map[string]map[string][]string{
		"nb": {
			"/programmes/usikker":            {"2022–, uten fastsatt slutt", "Forlengd inntil vidare", "november 2022", "Kari Leiar, Styreleder", "Usikker kommune", "Ola Kontakt, Kontaktperson"},
			"/programmes/usikker/plans/2025": {"Mål A", "Tiltak P1", "Tiltak som ikke er plassert under et mål", "Tiltak P5", "inntil\u00a0100\u00a0000", "inntil\u00a0150\u00a0000", "(2025–2026)", "Per Prosjekt, Prosjektleder"},
			measureP1:                        {"Tiltak P1", "Mål A", "Per Prosjekt, Prosjektleder"},
			measureP5:                        {"Tiltak P5", "Tiltak som ikke er plassert under et mål"},
		},
		"nn": {
			"/programmes/usikker":            {"2022–, utan fastsett slutt", "november 2022", "Kari Leiar, Styreleiar"},
			"/programmes/usikker/plans/2025": {"Tiltak som ikkje er plasserte under eit mål", "inntil\u00a0150\u00a0000", "Per Prosjekt, Prosjektleiar"},
			measureP5:                        {"Tiltak P5"},
		},
		"en": {
			"/programmes/usikker":            {"2022–, with no end set", "November 2022", "Kari Leiar, Board chair", "Ola Kontakt, Contact person"},
			"/programmes/usikker/plans/2025": {"Measures not placed under a goal", "up to\u00a0100\u00a0000", "up to\u00a0150\u00a0000", "Per Prosjekt, Project lead"},
			measureP1:                        {"Per Prosjekt, Project lead"},
		},
	}
	for lang, pages := range want {
		visitor := fx.anonymous().in(lang)
		for path, words := range pages {
			resp, page := visitor.get(path)
			if resp.StatusCode != 200 {
				t.Errorf("%s %s: status %d", lang, path, resp.StatusCode)
				continue
			}
			text := visibleText(page)
			for _, w := range words {
				if !strings.Contains(text, w) {
					t.Errorf("%s %s does not say %q", lang, path, w)
				}
			}
			if strings.Contains(text, "2022–0") {
				t.Errorf("%s %s shows an open period as ending in year 0", lang, path)
			}
		}
	}
}
