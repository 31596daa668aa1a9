package web

import (
	"context"
	"fmt"
	"html"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"planverk/describe"
	"planverk/i18n"
	"planverk/plan"
)

// fullPlan is a plan file with every field of the plan types filled, each
// text with words of its own, so that a page can be searched for each.
func fullPlan() *plan.File {
	amount := func(a plan.Amount) *plan.Amount { return &a }
	date := func(s string) *plan.Date {
		d, err := plan.ParseDate(s)
		if err != nil {
			panic(err)
		}
		return &d
	}
	return &plan.File{
		Format: plan.FormatVersion,
		Organisations: []plan.Organisation{
			{ID: "org-alfa", Name: "Alfa kommune", Kind: plan.OrgMunicipality, Number: "964963738",
				MunicipalityNumber: "4003", Website: "https://alfa.example/"},
			{ID: "gruppa", Name: "Gruppa Beta", Kind: plan.OrgGroup, Members: []string{"org-alfa"}},
		},
		Programme: plan.Programme{
			ID: "fullt", Kind: plan.KindRuralGrowth, Name: "Programmet Fullt", ShortName: "Fulltkort",
			// An open period, a date known to the month.
			Period: plan.Period{From: 2024, Note: "Perioden er forlengd inntil vidare."}, Signed: date("2025-06"),
			People: []plan.Person{{Name: "Kari Styreleiar", Role: plan.PersonBoardChair, Organisation: "org-alfa",
				Note: "Personmerknaden står her."}},
			Description:    "Programskildringa står her.",
			Parties:        []plan.Party{{Org: "org-alfa", Role: plan.RoleSignatory, Note: "Partsmerknaden står her."}},
			Municipalities: []string{"org-alfa"},
			Goals:          []plan.ProgrammeGoal{{Text: "Programmålet står her.", Note: "Programmålmerknaden står her."}},
			SDGs:           []plan.SDG{{Number: 11, Title: "Berekraftige byar", Text: "Berekraftsteksten står her."}},
			References:     []plan.Reference{{Title: "Programdokumentet", Year: 2024, URL: "https://dok.example/program", Note: "Programdokumentmerknaden."}},
			Targets: []plan.Target{{Kind: plan.TargetJobs, Label: "Programmåltalet", Value: 151, Period: &plan.Period{From: 2025, To: 2028},
				Gross: true, Goal: 1, Note: "Programmåltalmerknaden."}},
			Capacity: &plan.CapacityFramework{Title: "Utviklingsevna", Note: "Kapasitetsmerknaden.",
				Dimensions: []plan.CapacityDimension{{Name: "Kulturdimensjonen", Indicators: []string{"Tillitsindikatoren"}}}},
		},
		Plan: plan.Plan{
			Year: 2025, Title: "Handlingsplan Fullt 2025", Subtitle: "Undertittelen står her", Language: plan.Nynorsk,
			Status: plan.StatusAnchored,
			Sections: []plan.Section{{Number: "1", Title: "Innleiingsdelen", Kind: "introduction", Body: "Innleiingsteksten står her.",
				Figures: []plan.Figure{{Label: "Figur 1", Caption: "Figurteksten står her.", Description: "Figurskildringa står her."}},
				Blocks: []plan.Block{plan.BlockProgrammeGoals, plan.BlockSDGs, plan.BlockTargets, plan.BlockCapacity, plan.BlockGoals,
					plan.BlockSpecialEfforts, "budget:periode", "financing:rutenett", "financing:einskild", plan.BlockAnchoring, plan.BlockApprovals, plan.BlockRevision}, Review: true}},
			WeightBasis: "innsatsen i perioden",
			Goals: []plan.Goal{{Number: 1, Title: "Måltittelen", Heading: "Måloverskrifta", Description: "Målskildringa står her.",
				MainGoal: "Hovudmålet står her.", Weight: "100 %", MeasuresIntro: "Tiltaksinnleiinga står her.", MeasuresCaption: "Tabell 9",
				Notes: "Målnotatet står her.",
				Measures: []plan.Measure{
					{ID: "fullt-1", Number: 1, Title: "Tiltakstittelen", Summary: "Tiltakssamandraget står her.",
						Leads:    []plan.Actor{{Org: "org-alfa", As: "Alfa-forkortinga"}, {Text: "prosjektleiaren"}},
						Partners: []plan.Actor{{Org: "gruppa"}}, PartnersAndOthers: true,
						TimeFrame: plan.TimeFrame{From: 2025, To: 2026, Text: "juni–august 2026"},
						Priority:  plan.PriorityNow, Status: plan.MeasureOngoing, Schemes: []string{"husbanken-startlan"},
						Sections: []plan.Section{{Number: "a", Title: "Tiltaksdelen", Kind: "challenge", Body: "Tiltaksdelteksten står her.",
							Figures: []plan.Figure{{Label: "Figur T", Caption: "Tiltaksfigurteksten.", Description: "Tiltaksfigurskildringa."}}}}},
					{ID: "fullt-2", Number: 2, Title: "Tiltakstittel to", Priority: plan.PriorityLater, Status: plan.MeasureCompleted,
						TimeFrame: plan.TimeFrame{NextRevision: true}},
				}},
				{Label: "A", Title: "Målet med berre etikett", Measures: []plan.Measure{
					{ID: "fullt-4", Label: "P1", Title: "Tiltaket med etikett",
						People: []plan.Person{{Name: "Per Prosjektleiar", Role: plan.PersonProjectLead}}}}}},
			Measures:       []plan.Measure{{ID: "fullt-5", Label: "P5", Title: "Tiltaket utan mål"}},
			SpecialEfforts: []plan.Effort{{Text: "Satsinga står her", Items: []plan.Effort{{Text: "Underpunktet står her"}}, Note: "Satsingsmerknaden."}},
			Targets:        []plan.Target{{Kind: plan.TargetOther, Label: "Planmåltalet", Value: 31, Unit: "kurs", Year: 2025, Goal: 1, Note: "Planmåltalmerknaden."}},
			Communication: []plan.Activity{{Activity: "Kommunikasjonstiltaket står her", TargetGroup: "Målgruppa står her",
				Channel: "Kanalen står her", From: date("2025-03"), To: date("2025-11"), When: "Kvar månad",
				Responsible: []plan.Actor{{Org: "org-alfa"}}, Status: plan.MeasureOngoing}},
			Sources: []plan.FundingSource{{ID: "kjelde-alfa", Name: "Kjelde Alfa", Org: "org-alfa", BudgetRef: "kap. 999 post 11"},
				{ID: "kjelde-beta", Name: "Kjelde Beta"}},
			Budgets: []plan.Budget{{ID: "periode", Title: "Budsjettet for perioden", Covers: []string{"kjelde-alfa"}, Years: []int{2025, 2026},
				Lines: []plan.BudgetLine{{ID: "linje-alfa", Number: "L1", Label: "Budsjettlinja", Goal: 1,
					Amounts: map[int]plan.Amount{2025: 1_000_000, 2026: 2_000_000}, Kind: plan.AmountCeiling, PrintedTotal: amount(3_000_001), Mark: "¹"}},
				Printed:   &plan.PrintedTotals{Years: map[int]plan.Amount{2025: 1_000_003, 2026: 2_000_000}, Total: amount(3_000_002), Mark: "²"},
				Footnotes: []plan.Footnote{{Mark: "¹", Text: "Budsjettfotnoten står her."}}, Note: "Budsjettnotatet står her."}},
			Financing: []plan.Financing{
				{ID: "rutenett", Title: "Finansiering i rutenett", Year: 2025, Budget: "periode", Sources: []string{"kjelde-alfa", "kjelde-beta"},
					Rows: []plan.FinancingRow{{Line: "linje-alfa", Cells: []plan.FinancingCell{
						{Source: "kjelde-alfa", Amount: amount(600_000), Kind: plan.AmountCeiling, Share: "60 %", Note: "Cellemerknaden i rutenettet",
							Payments: []plan.Payment{{Year: 2025, Share: "40 %"}, {Year: 2027, Share: "60 %"}}, Mark: "³"},
						{Source: "kjelde-beta", Note: "Ukjend enno, står her"}},
						PrintedTotal: amount(600_004), Mark: "⁴"}},
					Printed:   &plan.FinancingTotals{Sources: map[string]plan.Amount{"kjelde-alfa": 600_005}, Marks: map[string]string{"kjelde-alfa": "⁵"}, Total: amount(600_006), Minimum: true},
					Footnotes: []plan.Footnote{{Mark: "³", Text: "Finansieringsfotnoten står her."}}, Note: "Finansieringsnotatet står her."},
				{ID: "einskild", Title: "Finansiering, ei rad", Years: &plan.Period{From: 2025, To: 2026, Note: "Fasemerknaden står her."}, Sources: []string{"kjelde-alfa"},
					Rows: []plan.FinancingRow{{Label: "Radetiketten", Cells: []plan.FinancingCell{{Source: "kjelde-alfa", Amount: amount(100_007), Share: "100 %",
						Note: "Cellemerknaden på ei rad", Payments: []plan.Payment{{Year: 2026, Share: "100 %"}}, Mark: "*"}},
						PrintedTotal: amount(100_008), Mark: "†"}}},
			},
			Anchoring: []plan.Anchoring{{Municipality: "org-alfa", ExecutiveCommittee: date("2025-06-11"), Council: date("2025-06-19"),
				Note: "Forankringsmerknaden står her."}},
			Approvals:  []plan.Approval{{Party: "org-alfa", Date: date("2025"), Body: "kommunestyret", Note: "Godkjenningsmerknaden står her."}},
			References: []plan.Reference{{Title: "Plandokumentet", Year: 2023, URL: "https://dok.example/plan", Note: "Plandokumentmerknaden."}},
			Revision: &plan.Revision{Base: &plan.RevisionBase{Year: 2024, Release: 1}, Measures: []plan.Disposition{
				{Measure: "fullt-1", Reason: "Grunngjevinga for endringa står her."},
				{Measure: "fullt-2", New: plan.NewWithStateMoney, Amount: amount(250_009)},
				{Measure: "fullt-3", Assessment: "Vurderinga av det avslutta tiltaket står her."}}},
			Checks: &plan.Checks{WeightTolerance: func() *plan.Share { s := plan.Share("2 %"); return &s }()},
		},
	}
}

// notShown are the stored values no page shows as text, and why. Every
// other value of fullPlan must be found on a page.
var notShown = map[string]string{
	"File.planverk":           "the file format's version, for programs",
	"Organisation.id":         "keys, shown only in addresses",
	"Programme.id":            "keys, shown only in addresses",
	"FundingSource.id":        "keys, shown only in addresses",
	"Budget.id":               "keys, shown only in addresses",
	"BudgetLine.id":           "keys, shown only in addresses",
	"Financing.id":            "keys, shown only in addresses",
	"Section.kind":            "a classification for comparing plans, not part of the text",
	"Section.blocks":          "where the tables stand, shown by their place",
	"Financing.budget":        "the budget a table finances, shown by its rows, which are the budget's lines",
	"Checks.weight_tolerance": "a setting of the checks, shown by their findings",
	"Measure.id":              "the lasting key that follows a measure from year to year, for programs",
	"Disposition.measure":     "the measure's lasting key, shown by the measure's number and title",
	"Section.review":          "a mark for the writers, shown by its finding",
}

// storedValue is one value of a plan file and the text a page shows for
// it.
type storedValue struct {
	path string // Type.field, as notShown names it
	at   string // where in the file, for messages
	want []string
	// inHTML is set for values a page holds in its markup (a link's
	// address), not in its text.
	inHTML bool
}

// storedValues walks a file as encoding/json would and lists every
// non-empty value with the words a page in lang shows for it. A field
// that is empty everywhere in the file is listed as empty, for the test
// to ask for it to be filled.
func storedValues(t *testing.T, f *plan.File, lang i18n.Lang) (values []storedValue, empty []string) {
	filled := map[string]bool{}
	var walk func(v reflect.Value, owner reflect.Type, field, at string)
	msg := func(id string, pairs ...any) string { return (&view{Lang: lang}).T(id, pairs...) }
	orgName := func(id string) string {
		for _, o := range f.Organisations {
			if o.ID == id {
				return o.Name
			}
		}
		return id
	}
	add := func(key, at string, inHTML bool, want ...string) {
		values = append(values, storedValue{path: key, at: at, want: want, inHTML: inHTML})
	}
	walk = func(v reflect.Value, owner reflect.Type, field, at string) {
		key := owner.Name() + "." + field
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return
			}
			v = v.Elem()
		}
		if v.IsZero() {
			return
		}
		filled[key] = true
		if _, skip := notShown[key]; skip {
			return
		}
		t := v.Type()
		switch {
		case t == reflect.TypeFor[plan.Amount]():
			add(key, at, false, i18n.Amount(plan.Amount(v.Int())))
			return
		case t == reflect.TypeFor[plan.Date]():
			add(key, at, false, i18n.Date(lang, v.Interface().(plan.Date)))
			return
		case t == reflect.TypeFor[plan.Share]():
			add(key, at, false, strings.ReplaceAll(strings.TrimSpace(v.String()), " %", "\u00a0%"))
			return
		}
		if id, ok := describe.EnumMessage(t, v.String()); ok {
			switch {
			case key == "Measure.priority" && v.String() == string(plan.PriorityLater):
				add(key, at, false, msg("measure.later"))
			case key == "Target.kind" && v.String() == string(plan.TargetJobs):
				add(key, at, false, msg("target.jobs", "Count", 2))
			case key == "Target.kind":
				// Another target is shown by its unit.
			default:
				add(key, at, false, msg(id))
			}
			return
		}
		switch t.Kind() {
		case reflect.Struct:
			for i := range t.NumField() {
				name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
				walk(v.Field(i), t, name, at+"."+name)
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i), owner, field, fmt.Sprintf("%s[%d]", at, i))
			}
		case reflect.Map:
			for _, k := range v.MapKeys() {
				walk(v.MapIndex(k), owner, field, fmt.Sprintf("%s[%v]", at, k))
			}
		case reflect.Bool:
			switch key {
			case "Measure.partners_and_others":
				add(key, at, false, msg("measure.and-others"))
			case "TimeFrame.next_revision":
				add(key, at, false, msg("measure.next-revision"))
			case "Target.gross":
				add(key, at, false, msg("target.gross"))
			case "FinancingTotals.minimum":
				add(key, at, false, msg("table.minimum"))
			default:
				add(key, at, false, "say in storedValues how a page shows "+key)
			}
		case reflect.Int, reflect.Int64:
			n := strconv.FormatInt(v.Int(), 10)
			if key == "BudgetLine.goal" || key == "Target.goal" {
				add(key, at, false, msg("goal.heading", "Number", n))
				return
			}
			add(key, at, false, n)
		case reflect.String:
			s := v.String()
			switch key {
			case "Actor.org", "Party.org", "Anchoring.municipality", "Approval.party", "FundingSource.org", "Person.organisation",
				"Programme.municipalities", "Organisation.members":
				add(key, at, false, orgName(s))
			case "FinancingCell.source", "Financing.sources", "Budget.covers":
				for _, src := range f.Plan.Sources {
					if src.ID == s {
						add(key, at, false, src.Name)
					}
				}
			case "FinancingRow.line":
				for _, bt := range f.Plan.Budgets {
					for _, l := range bt.Lines {
						if l.ID == s {
							add(key, at, false, l.Label)
						}
					}
				}
			case "Measure.schemes":
				add(key, at, false, "Startlån")
			case "Reference.url", "Organisation.website":
				add(key, at, true, `href="`+s+`"`)
			default:
				add(key, at, false, strings.Join(strings.Fields(s), " "))
			}
		default:
			add(key, at, false, "say in storedValues how a page shows a "+t.Kind().String())
		}
	}
	root := reflect.ValueOf(f).Elem()
	rt := root.Type()
	for i := range rt.NumField() {
		name, _, _ := strings.Cut(rt.Field(i).Tag.Get("json"), ",")
		walk(root.Field(i), rt, name, name)
	}
	// Every field of every type the file holds must be filled somewhere.
	seen := map[reflect.Type]bool{}
	var fields func(st reflect.Type)
	fields = func(st reflect.Type) {
		for st.Kind() == reflect.Pointer || st.Kind() == reflect.Slice || st.Kind() == reflect.Map {
			st = st.Elem()
		}
		if st.Kind() != reflect.Struct || seen[st] || st.PkgPath() != "planverk/plan" || st == reflect.TypeFor[plan.Date]() {
			return
		}
		seen[st] = true
		for i := range st.NumField() {
			name, _, _ := strings.Cut(st.Field(i).Tag.Get("json"), ",")
			if key := st.Name() + "." + name; !filled[key] {
				empty = append(empty, key)
			}
			fields(st.Field(i).Type)
		}
	}
	fields(rt)
	slices.Sort(empty)
	return values, empty
}

// The pages of a programme, its plan and its measures, and of the
// organisations it names, show every value the plan file holds that a
// reader of the printed plan would see: notes, time-frame texts, cell
// shares and notes, footnotes, figures, references.
func TestPagesShowEveryStoredValue(t *testing.T) {
	fx := newFixture(t, "sqlite")
	ctx := context.Background()
	f := fullPlan()
	// The plan revises last year's approved plan, in which the first
	// measure read otherwise, the second did not exist and a third ran.
	base := fullPlan()
	base.Plan.Year, base.Plan.Title, base.Plan.Revision = 2024, "Handlingsplan Fullt 2024", nil
	base.Plan.Status = plan.StatusApproved
	base.Plan.Sections[0].Review = false
	g := &base.Plan.Goals[0]
	g.Measures[0].Summary = "Samandraget i fjor."
	g.Measures[1] = plan.Measure{ID: "fullt-3", Number: 2, Title: "Tiltaket som gjekk ut", Priority: plan.PriorityNow, Status: plan.MeasureOngoing,
		TimeFrame: plan.TimeFrame{From: 2024, To: 2024}}
	if _, err := fx.store.SavePlan(ctx, base); err != nil {
		t.Fatal(err)
	}
	if err := fx.store.SetPublished(ctx, "fullt", 2024, true, 0); err != nil {
		t.Fatal(err)
	}
	v, err := fx.store.SavePlan(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if err := fx.store.SetPublished(ctx, v.ProgrammeID, v.Year, true, 0); err != nil {
		t.Fatal(err)
	}
	stored, _, err := fx.store.LoadPlan(ctx, "fullt", 2025)
	if err != nil {
		t.Fatal(err)
	}
	if d := plan.Diff(f, stored); len(d) > 0 {
		t.Errorf("the store lost or changed values: %+v", d)
	}
	for _, lang := range []i18n.Lang{i18n.Nynorsk, i18n.English} {
		visitor := fx.anonymous().in(string(lang))
		var pages, texts []string
		for _, p := range []string{"/programmes/fullt", "/programmes/fullt/plans/2025",
			"/programmes/fullt/plans/2025/goals/1/measures/1", "/programmes/fullt/plans/2025/goals/1/measures/2",
			"/programmes/fullt/plans/2025/measures/fullt-4", "/programmes/fullt/plans/2025/measures/fullt-5",
			"/organisations/org-alfa", "/organisations/gruppa"} {
			resp, page := visitor.get(p)
			if resp.StatusCode != 200 {
				t.Fatalf("%s: status %d", p, resp.StatusCode)
			}
			pages = append(pages, page)
			texts = append(texts, visibleText(page))
		}
		all, allText := strings.Join(pages, "\n"), strings.Join(texts, "\n")
		values, empty := storedValues(t, f, lang)
		for _, e := range empty {
			t.Errorf("fullPlan leaves %s empty: fill it, and show it on a page (or say in notShown why not)", e)
		}
		for _, sv := range values {
			for _, w := range sv.want {
				hay := allText
				if sv.inHTML {
					hay = all
				}
				if !strings.Contains(hay, w) {
					t.Errorf("%s: %s (%s) is stored but no page shows %q", lang, sv.at, sv.path, w)
				}
			}
		}
	}
}

// visibleText is a page's text as a reader sees it, with its spaces
// folded and no-break spaces kept.
func visibleText(page string) string {
	page = regexp.MustCompile(`(?s)<(script|style)[^>]*>.*?</(script|style)>`).ReplaceAllString(page, "")
	page = regexp.MustCompile(`<[^>]+>`).ReplaceAllString(page, "")
	return strings.Join(strings.FieldsFunc(html.UnescapeString(page), func(r rune) bool {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r'
	}), " ")
}
