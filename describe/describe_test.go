package describe

import (
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"planverk/examples"
	"planverk/i18n"
	"planverk/plan"
)

func seeds(t *testing.T) (driv, vt *plan.File) {
	t.Helper()
	fs, err := examples.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		switch f.Programme.ID {
		case "driv":
			driv = f
		case "vest-telemark":
			vt = f
		}
	}
	if driv == nil || vt == nil {
		t.Fatal("the seeds are not both there")
	}
	return driv, vt
}

// line writes a Line as the history page reads it.
func line(l Line) string {
	var b strings.Builder
	for i, p := range l.Place {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(p.String())
	}
	if len(l.Place) > 0 {
		b.WriteString(": ")
	}
	b.WriteString(l.Subject.String())
	switch l.Kind {
	case plan.ChangeAdded:
		b.WriteString(" + " + l.After.String())
	case plan.ChangeRemoved:
		b.WriteString(" - " + l.Before.String())
	default:
		b.WriteString(": " + l.Before.String() + " → " + l.After.String())
	}
	return strings.ReplaceAll(b.String(), "\u00a0", " ")
}

func TestChangesInThePlansWords(t *testing.T) {
	_, vt := seeds(t)
	nn := New(vt, i18n.Nynorsk)
	en := New(vt, i18n.English)
	cases := []struct {
		book *Book
		c    plan.Change
		want string
	}{
		{nn, plan.Change{Path: "plan.budgets[period].lines[bustader].amounts[2026]", Kind: plan.ChangeChanged, Before: "5000000", After: "5200000"},
			"Budsjett «Fordeling av budsjett for heile avtaleperioden (statleg medfinansiering)», Linje 1 «Fleire eigna bustader i Vest-Telemark»: Beløp 2026: 5 000 000 → 5 200 000"},
		{nn, plan.Change{Path: "plan.goals[1].measures[2].status", Kind: plan.ChangeChanged, Before: "planned", After: "ongoing", Goal: 1, Measure: 2},
			"Tiltak 1.2 «Risikoreduserande tiltak ved bustadbygging»: Status: Planlagt → Pågår"},
		{en, plan.Change{Path: "plan.goals[1].measures[2].status", Kind: plan.ChangeChanged, Before: "planned", After: "ongoing", Goal: 1, Measure: 2},
			"Measure 1.2 “Risikoreduserande tiltak ved bustadbygging”: Status: Planned → Ongoing"},
		{nn, plan.Change{Path: "plan.goals[1].measures[2].leads[2]", Kind: plan.ChangeAdded, After: `{"org":"husbanken"}`, Goal: 1, Measure: 2},
			"Tiltak 1.2 «Risikoreduserande tiltak ved bustadbygging»: Hovudansvarleg + Husbanken"},
		{nn, plan.Change{Path: "plan.goals[1].measures[2].time_frame.from", Kind: plan.ChangeChanged, Before: "2025", After: "2026", Goal: 1, Measure: 2},
			"Tiltak 1.2 «Risikoreduserande tiltak ved bustadbygging», Tidsramme: Frå: 2025 → 2026"},
		{nn, plan.Change{Path: "plan.goals[1].measures[2].priority", Kind: plan.ChangeChanged, Before: "now", After: "later", Goal: 1, Measure: 2},
			"Tiltak 1.2 «Risikoreduserande tiltak ved bustadbygging»: Prioritet: I år → Seinare i perioden"},
		{nn, plan.Change{Path: "plan.goals[1].weight", Kind: plan.ChangeChanged, Before: "60 %", After: "55 %", Goal: 1},
			"Mål 1 «Fleire eigna bustader i Vest-Telemark»: Vekt: 60 % → 55 %"},
		{nn, plan.Change{Path: "plan.anchoring[1].council", Kind: plan.ChangeChanged, Before: "2025-06-19", After: "2025-06-26"},
			"Forankring «Kviteseid kommune»: Kommunestyre: 19.06.2025 → 26.06.2025"},
		{nn, plan.Change{Path: "programme.parties[0].role", Kind: plan.ChangeChanged, Before: "funder", After: "signatory"},
			"Programmet, Part «Kommunal- og distriktsdepartementet»: Rolle: Finansierer → Part i avtala"},
		{nn, plan.Change{Path: "plan.financing[2025].rows[0].cells[1].amount", Kind: plan.ChangeChanged, Before: "100000", After: "150000"},
			"Finansieringstabell «Samla budsjett og finansiering for 2025», Rad «Fleire eigna bustader i Vest-Telemark», Kjelde «Kommunal eigendel»: Beløp: 100 000 → 150 000"},
		{nn, plan.Change{Path: "plan.financing[2025].printed.sources[kdd-post-66]", Kind: plan.ChangeChanged, Before: "2400000", After: "2500000"},
			"Finansieringstabell «Samla budsjett og finansiering for 2025», Sumraden slik planen viser han: Sum for KDD 13.50 post 66: 2 400 000 → 2 500 000"},
		{nn, plan.Change{Path: "plan.goals[1].measures.order", Kind: plan.ChangeChanged, Before: "1,2,3", After: "2,1,3", Goal: 1},
			"Mål 1 «Fleire eigna bustader i Vest-Telemark»: Tiltak, rekkjefølgje: 1.1, 1.2, 1.3 → 1.2, 1.1, 1.3"},
		{nn, plan.Change{Path: "organisations[husbanken].website", Kind: plan.ChangeAdded, After: "https://husbanken.no"},
			"Organisasjon «Husbanken»: Nettstad + https://husbanken.no"},
		{nn, plan.Change{Path: "plan.budgets[period].years[4]", Kind: plan.ChangeAdded, After: "2029"},
			"Budsjett «Fordeling av budsjett for heile avtaleperioden (statleg medfinansiering)»: År + 2029"},
		// A part of the plan types that is newer than the catalogues, or
		// older than the types, reads with its name in words.
		{nn, plan.Change{Path: "plan.goals[1].measures[2].ceiling_note", Kind: plan.ChangeAdded, After: "inntil", Goal: 1, Measure: 2},
			"Tiltak 1.2 «Risikoreduserande tiltak ved bustadbygging»: Ceiling note + inntil"},
	}
	for _, tc := range cases {
		if got := line(tc.book.Change(tc.c)); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.c.Path, got, tc.want)
		}
	}
}

// A measure that is gone from the plan is named from the change that
// removed it, and its removal reads as words, never as JSON.
func TestRemovedMeasureNamedFromItsRemoval(t *testing.T) {
	_, vt := seeds(t)
	after := cloneFile(t, vt)
	g := &after.Plan.Goals[0]
	removed := g.Measures[1]
	g.Measures = append(g.Measures[:1], g.Measures[2:]...)
	changes := plan.Diff(vt, after)
	b := New(after, i18n.Bokmal)
	b.Learn(changes)
	var got []string
	for _, c := range changes {
		got = append(got, line(b.Change(c)))
	}
	want := "Mål 1 «Fleire eigna bustader i Vest-Telemark»: Tiltak 1.2 - " + removed.Title + " ("
	if len(got) != 1 || !strings.HasPrefix(got[0], want) {
		t.Fatalf("got %q, want it to start %q", got, want)
	}
	// An older change inside the measure names it from what was learnt.
	old := line(b.Change(plan.Change{Path: "plan.goals[1].measures[2].title", Kind: plan.ChangeChanged, Before: "A", After: removed.Title, Goal: 1, Measure: 2}))
	if !strings.HasPrefix(old, "Tiltak 1.2 «"+removed.Title+"»: Tittel: A → ") {
		t.Errorf("older change: %s", old)
	}
}

// Measures may come to be named by a lasting id in paths
// (plan.goals[2].measures[m-2025-2-3]); such a path reads as one named by
// number does, and so does one by number in a plan whose measures have ids.
func TestMeasureNamedByIDOrNumber(t *testing.T) {
	_, vt := seeds(t)
	b := New(vt, i18n.Nynorsk)
	// Give the book's measures ids, as a later plan file has them.
	for _, g := range member(b.root, "plan").(map[string]any)["goals"].([]any) {
		for _, m := range member(g, "measures").([]any) {
			m.(map[string]any)["id"] = "m-" + scalar(member(g, "number")) + "-" + scalar(member(m, "number"))
		}
	}
	want := "Tiltak 2.3 «" + vt.Plan.Goals[1].Measures[2].Title + "»: Tittel: A → B"
	for _, p := range []string{"plan.goals[2].measures[m-2-3].title", "plan.goals[2].measures[3].title"} {
		if got := line(b.Change(plan.Change{Path: p, Kind: plan.ChangeChanged, Before: "A", After: "B", Goal: 2, Measure: 3})); got != want {
			t.Errorf("%s:\n got %s\nwant %s", p, got, want)
		}
	}
}

var jsonLike = regexp.MustCompile(`[{}\[\]]|"[a-z_]+":`)

// Every change between two real versions reads without JSON, paths or raw
// values: the import of both seeds as a whole, and a revision of each
// that touches every kind of part.
func TestWholeFilesInWords(t *testing.T) {
	driv, vt := seeds(t)
	for _, f := range []*plan.File{driv, vt} {
		after := cloneFile(t, f)
		after.Plan.Status = plan.StatusApproved
		for i := range after.Plan.Goals {
			if g := &after.Plan.Goals[i]; len(g.Measures) > 1 {
				g.Measures[1].Status = plan.MeasureOngoing
				g.Measures = g.Measures[1:]
				break
			}
		}
		after.Plan.Goals = append(after.Plan.Goals, plan.Goal{Number: 9, Title: "Nytt mål", Weight: "10 %",
			Measures: []plan.Measure{{Number: 1, Title: "Nytt tiltak", Leads: []plan.Actor{{Org: f.Organisations[0].ID}}, TimeFrame: plan.TimeFrame{From: 2026, To: 2027}}}})
		if len(after.Plan.Budgets) > 0 {
			after.Plan.Budgets[0].Lines = after.Plan.Budgets[0].Lines[1:]
		}
		if len(after.Programme.Parties) > 0 {
			after.Programme.Parties = after.Programme.Parties[1:]
		}
		after.Organisations = after.Organisations[1:]
		for _, pair := range [][2]*plan.File{{nil, f}, {f, after}} {
			changes := plan.Diff(pair[0], pair[1])
			for _, lang := range i18n.Langs {
				b := New(pair[1], lang)
				b.Learn(changes)
				for _, c := range changes {
					got := line(b.Change(c))
					if jsonLike.MatchString(got) || strings.Contains(got, "words.") {
						t.Errorf("%s %s (%s): %s", f.Programme.ID, c.Path, lang, got)
					}
					for _, raw := range []string{"ongoing", "approved", "rural-growth-agreement", "restructuring-programme", "signatory"} {
						if strings.Contains(got, raw) {
							t.Errorf("%s %s (%s) shows %q: %s", f.Programme.ID, c.Path, lang, raw, got)
						}
					}
				}
			}
		}
	}
}

func TestFindingPlaces(t *testing.T) {
	_, vt := seeds(t)
	b := New(vt, i18n.Nynorsk)
	for path, want := range map[string]string{
		"plan.budgets[0].lines[1].amounts.2026": "Budsjett «Fordeling av budsjett for heile avtaleperioden (statleg medfinansiering)», Linje 2 «Korleis få fleire arbeidsplassar i privat sektor», Beløp 2026",
		"plan.goals[0].measures[1].time_frame":  "Tiltak 1.2 «Risikoreduserande tiltak ved bustadbygging», Tidsramme",
		"plan.financing[0].printed.total":       "Finansieringstabell «Samla budsjett og finansiering for 2025», Sumraden slik planen viser han, Sum",
		"programme.period":                      "Programmet, Periode",
		"plan.goals[2].weight":                  "Mål 3 «" + vt.Plan.Goals[2].Title + "», Vekt",
		"plan.anchoring[9].council":             "Forankring, Kommunestyre",
		"organisations[2].municipality_number":  "Organisasjon «Fyresdal kommune», Kommunenummer",
	} {
		if got := strings.ReplaceAll(b.Place(path).String(), "\u00a0", " "); got != want {
			t.Errorf("%s:\n got %s\nwant %s", path, got, want)
		}
	}
	if got := b.Label("plan.goals[0].measures[1].title"); got != "Tittel" {
		t.Errorf("label %q", got)
	}
	if got := b.Value("plan.goals[0].measures[1].status", "ongoing").String(); got != "Pågår" {
		t.Errorf("value %q", got)
	}
}

// Every field of the plan types has a label in every language, and every
// list an item label, so that no change reads with a field's name in the
// file.
func TestEveryFieldHasALabel(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(st reflect.Type)
	walk = func(st reflect.Type) {
		st = structType(st)
		if st == nil || seen[st] {
			return
		}
		seen[st] = true
		for name, ft := range jsonFields(st) {
			for _, lang := range i18n.Langs {
				b := &Book{lang: lang}
				_, ok1 := b.lookup("words.field." + name)
				_, ok2 := b.lookup("words.field." + typeKey(st) + "." + name)
				if !ok1 && !ok2 {
					t.Errorf("%s.%s (%s): add words.field.%s to i18n/locales/words.*.yaml", st.Name(), name, lang, name)
				}
				if isList(ft, nil) {
					_, ok1 := b.lookup("words.item." + name)
					_, ok2 := b.lookup("words.item." + typeKey(st) + "." + name)
					if !ok1 && !ok2 {
						t.Errorf("%s.%s (%s): add words.item.%s to i18n/locales/words.*.yaml", st.Name(), name, lang, name)
					}
				}
			}
			walk(ft)
			walk(elem(ft))
		}
	}
	walk(fileType)
}

func cloneFile(t *testing.T, f *plan.File) *plan.File {
	t.Helper()
	raw, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	var c plan.File
	if err := json.Unmarshal(raw, &c); err != nil {
		t.Fatal(err)
	}
	return &c
}
