package web

import (
	"context"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"planverk/auth"
	"planverk/i18n"
	"planverk/plan"
	"planverk/store"
)

// Every rule has a name in words in every language, for the pages that
// show its findings.
func TestRuleNamesInWords(t *testing.T) {
	for _, r := range plan.Rules {
		for _, lang := range i18n.Langs {
			if _, ok := i18n.Lookup(lang, "words.rule."+r.ID, nil); !ok {
				t.Errorf("rule %s has no name in %s: add words.rule.%s to i18n/locales/words.*.yaml", r.ID, lang, r.ID)
			}
		}
	}
}

// pageText is the text of a page's main part as a reader sees it.
func pageText(page string) string {
	m := regexp.MustCompile(`(?s)<main.*</main>`).FindString(page)
	m = regexp.MustCompile(`<[^>]+>`).ReplaceAllString(m, "")
	return strings.Join(strings.Fields(strings.ReplaceAll(html.UnescapeString(m), "\u00a0", " ")), " ")
}

// Findings on a page name their rule in words and their place in the
// plan, never the rule's code; the API keeps the code.
func TestFindingsInWords(t *testing.T) {
	fx := newFixture(t, "sqlite")
	// A goal without a title is a finding that names a field.
	if _, err := fx.store.EditPlan(context.Background(), "driv", 2025, store.Edit{}, func(f *plan.File) error {
		f.Plan.Goals[0].Title = ""
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	// The draft is read by those who write it; visitors read the release.
	fx.user("skriver@driv.no", "drangedal-kommune", false, "driv", auth.RoleEditor)
	editor := fx.login("skriver@driv.no")
	for lang, want := range map[string][]string{
		"nb": {"Advarsel Andeler slik planen viser dem (Finansieringstabell «Finansiering 2025», Rad «Driv 2025», Kilde «Telemark fylkeskommune», Andel): oppgitt som 75%",
			"Feil Mangler verdi (Mål 1, Tittel): Tittel må fylles ut"},
		"nn": {"Åtvaring Delar slik planen viser dei (Finansieringstabell «Finansiering 2025»", "Tittel må fyllast ut"},
		"en": {"Warning Shares as printed (Financing table “Finansiering 2025”", "Title is required"},
	} {
		_, page := editor.get("/programmes/driv/plans/2025", "Accept-Language", lang)
		text := pageText(page)
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the findings lack %q:\n%s", lang, w, text[strings.Index(text, "planverk "):])
			}
		}
		for _, code := range []string{"share-label", "required", "title"} {
			if regexp.MustCompile(`\b` + code + `\b`).MatchString(text[strings.Index(text, "planverk "):]) {
				t.Errorf("%s: the findings show the code %q", lang, code)
			}
		}
	}
	_, body := fx.anonymous().get("/api/v1/programmes/driv/plans/2025")
	if !strings.Contains(body, `"rule": "share-label"`) {
		t.Error("the API lost the rule's code")
	}
}

// The history speaks in the plan's terms: where, what, and the values as
// the plan shows them, never a data path, JSON or a raw value.
func TestHistoryInWords(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			fx.user("kari@example.no", "", false, "vest-telemark", auth.RoleEditor)
			edit := func(summary string, change func(f *plan.File)) {
				t.Helper()
				if _, err := fx.store.EditPlan(context.Background(), "vest-telemark", 2025, store.Edit{Summary: summary},
					func(f *plan.File) error { change(f); return nil }); err != nil {
					t.Fatal(err)
				}
			}
			edit("1.2", func(f *plan.File) { f.Plan.Goals[0].Measures[1].Status = plan.MeasurePlanned })
			edit("1.2", func(f *plan.File) {
				m := &f.Plan.Goals[0].Measures[1]
				m.Status = plan.MeasureOngoing
				m.Leads = append(m.Leads, plan.Actor{Org: "husbanken"})
			})
			edit("budget:period", func(f *plan.File) { f.Plan.Budgets[0].Lines[0].Amounts[2026] = 5_200_000 })
			edit("", func(f *plan.File) { f.Plan.Goals[1].Measures = f.Plan.Goals[1].Measures[1:] })
			kari := fx.login("kari@example.no").in("nn")
			_, page := kari.get("/programmes/vest-telemark/plans/2025/history")
			text := pageText(page)
			for _, want := range []string{
				"Tiltak 1.2 «Risikoreduserande tiltak ved bustadbygging»: Status: før: Planlagt → etter: Pågår",
				"Tiltak 1.2 «Risikoreduserande tiltak ved bustadbygging»: Hovudansvarleg lagt til: etter: Husbanken",
				"Budsjett «Fordeling av budsjett for heile avtaleperioden (statleg medfinansiering)», Linje 1 «Fleire eigna bustader i Vest-Telemark»: Beløp 2026: før: 5 000 000 → etter: 5 200 000",
				"Mål 2 «Korleis få fleire arbeidsplassar i privat sektor»: Tiltak 2.1 fjerna: før: SMB-utvikling",
				// What planverk recorded for the person, in words.
				"· Tiltak 1.2 «Risikoreduserande tiltak ved bustadbygging»",
				"· Budsjett «Fordeling av budsjett",
			} {
				if !strings.Contains(text, want) {
					t.Errorf("the history lacks %q:\n%s", want, text)
				}
			}
			list := pageText("<main>" + strings.Join(regexp.MustCompile(`(?s)<ul class="changes">.*?</ul>`).FindAllString(page, -1), "") + "</main>")
			if m := regexp.MustCompile(`plan\.|\w\[|[{}]|"\w+":|\b(ongoing|planned)\b|budget:`).FindString(list); m != "" {
				t.Errorf("the history shows %q:\n%s", m, list)
			}
			// A measure's own history names it the same way.
			_, page = kari.get("/programmes/vest-telemark/plans/2025/goals/1/measures/2/history")
			if text := pageText(page); !strings.Contains(text, "Status: før: Planlagt → etter: Pågår") {
				t.Errorf("the measure's history lacks the status:\n%s", text)
			}
		})
	}
}

// Error pages are in the visitor's language, title and text alike: a page
// that is not there, a form posted to a page that is only shown, a form
// from another site, a form from someone not logged in, and the short
// answer when no page can be rendered.
func TestErrorPagesInTheirLanguage(t *testing.T) {
	fx := newFixture(t, "sqlite")
	type answer struct {
		status int
		title  string
	}
	want := map[string][]answer{
		"nb": {{404, "Ingenting her"}, {405, "Ikke brukt slik"}, {403, "Ingen tilgang"}, {401, "Logg inn først"}},
		"nn": {{404, "Ingenting her"}, {405, "Ikkje brukt slik"}, {403, "Ingen tilgang"}, {401, "Logg inn først"}},
		"en": {{404, "Nothing here"}, {405, "Not used that way"}, {403, "No access"}, {401, "Log in first"}},
	}
	for lang, answers := range want {
		c := fx.anonymous().in(lang)
		pages := make([]string, 4)
		var resps [4]*http.Response
		resps[0], pages[0] = c.get("/no/such/page")
		resps[1], pages[1] = c.send(http.MethodPost, "/programmes/driv")
		req, _ := http.NewRequest(http.MethodPost, fx.srv.URL+"/language", strings.NewReader("lang=en"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		req.Header.Set("Origin", "https://evil.example")
		resps[2], pages[2] = c.do(req)
		resps[3], pages[3] = c.post("/programmes/driv/plans/2025/goals/1/edit", url.Values{})
		for i, a := range answers {
			if resps[i].StatusCode != a.status {
				t.Errorf("%s: status %d, want %d", lang, resps[i].StatusCode, a.status)
				continue
			}
			if !strings.Contains(pages[i], "<title>"+a.title+" – planverk</title>") || !strings.Contains(pages[i], "<h1>"+a.title+"</h1>") {
				t.Errorf("%s %d: the page is not titled %q:\n%s", lang, a.status, a.title, pageText(pages[i]))
			}
			if !strings.Contains(pages[i], `<html lang="`+lang+`">`) {
				t.Errorf("%s %d: the page is not in %s", lang, a.status, lang)
			}
		}
		if allow := resps[1].Header.Get("Allow"); allow != "GET" {
			t.Errorf("405 allows %q, want GET", allow)
		}
	}
	// Where no page can be rendered, the short answer is in the language too.
	rec := httptest.NewRecorder()
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	r.Header.Set("Accept-Language", "nn")
	plainError(rec, r, http.StatusInternalServerError, "error.internal")
	if got := rec.Body.String(); !strings.HasPrefix(got, "Noko gjekk gale: Noko gjekk gale hos oss.") {
		t.Errorf("plain error in nynorsk: %q", got)
	}
}
