package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"planverk/auth"
	"planverk/followup"
	"planverk/store"
)

// TestProjectReports: Driv's editor links a granted project to its
// manager's account; the manager, who has no role in the programme, writes
// a report with bad input and is told, in bokmål, which field is wrong,
// with what was typed kept; then submits it. The manager cannot open the
// report form of another project nor accept the report. The job ledger
// counts nothing until the programme accepts it, and then shows its jobs
// against 2025's target and the period's, and so does the overview.
func TestProjectReports(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) { testProjectReports(t, engine) })
	}
}

var reportIDIn = regexp.MustCompile(`/reports/(\d+)`)

func testProjectReports(t *testing.T, engine string) {
	fx := newFixture(t, engine)
	ctx := context.Background()
	fx.user("redaktor@driv.no", "", false, "driv", auth.RoleEditor)
	olaUser := fx.user("ola@example.no", "", false, "", "")
	save := func(p followup.Project) string {
		t.Helper()
		saved, err := fx.store.SaveProject(ctx, p, store.Edit{})
		if err != nil {
			t.Fatal(err)
		}
		return projectPath(saved)
	}
	mine := save(followup.Project{ProgrammeID: "driv", Title: "Opplevelsesnettverk", Status: followup.StatusGranted, Goal: 1,
		Commitments: []followup.Commitment{{Amount: 150000, Source: "fylkeskommunen"}}})
	other := save(followup.Project{ProgrammeID: "driv", Title: "Annet prosjekt", Status: followup.StatusGranted, Goal: 1,
		Commitments: []followup.Commitment{{Amount: 90000, Source: "fylkeskommunen"}}})
	idea := save(followup.Project{ProgrammeID: "driv", Title: "Ei idé", Status: followup.StatusIdea})

	ed := fx.login("redaktor@driv.no").in("nb")
	// An address with no account is named, and kept.
	resp, body := ed.post(mine+"/manager", url.Values{"email": {"ukjent@example.no"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(cellText(body), "ingen konto har adressen ukjent@example.no") ||
		!strings.Contains(body, `value="ukjent@example.no"`) {
		t.Fatalf("an unknown address: %d %.600s", resp.StatusCode, cellText(body))
	}
	resp, body = ed.postFollow(mine+"/manager", url.Values{"email": {"ola@example.no"}})
	if resp.StatusCode != http.StatusOK || !strings.Contains(cellText(body), "Prosjektlederens konto: ola") {
		t.Fatalf("linking the manager: %d %.600s", resp.StatusCode, cellText(body))
	}

	ola := fx.login("ola@example.no").in("nb")
	// The manager finds the project on their account page.
	if _, page := ola.get("/account"); !strings.Contains(page, `href="`+mine+`#reports"`) || !strings.Contains(cellText(page), "Prosjekter du leder") {
		t.Errorf("the account page does not list the managed project: %.800s", cellText(page))
	}
	_, page := ola.get(mine)
	if !strings.Contains(page, mine+"/reports/new") {
		t.Fatalf("the manager's project page has no way to write a report: %.600s", cellText(page))
	}
	_, page = ola.get(mine + "/reports/new")
	form := formAt(t, page, mine+"/reports/new")
	form.Set("kind", "interim")
	form.Set("progress", "delayed")
	form.Set("from", "2025-06")
	form.Set("to", "2025-01")
	form.Set("account", "Oppstarten tok lengre tid enn ventet.")
	form.Set("jobs_created", "-2")
	form.Set("jobs_secured", "tre")
	form.Set("result_label_1", "Kurs holdt")
	form.Set("result_count_1", "4")
	form.Set("action", "submit")
	resp, body = ola.post(mine+"/reports/new", form)
	text := cellText(body)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("bad input: status %d", resp.StatusCode)
	}
	for _, want := range []string{"Nye arbeidsplasser: skriv null eller mer.", "Sikrede arbeidsplasser: «tre» er ikke et helt tall.",
		"Til: perioden kan ikke slutte før den begynner."} {
		if !strings.Contains(text, want) {
			t.Errorf("the form lacks %q: %.1500s", want, text)
		}
	}
	for _, kept := range []string{`value="-2"`, `value="tre"`, `value="2025-06"`, `value="Kurs holdt"`, "Oppstarten tok lengre tid enn ventet."} {
		if !strings.Contains(body, kept) {
			t.Errorf("the form lost %s", kept)
		}
	}
	// The same in English and in nynorsk.
	for lang, want := range map[string][]string{
		"en": {"Jobs created: write nought or more.", "Jobs secured: “tre” is not a whole number."},
		"nn": {"Nye arbeidsplassar: skriv null eller meir.", "Sikra arbeidsplassar: «tre» er ikkje eit heilt tal."},
	} {
		_, body := ola.in(lang).post(mine+"/reports/new", form)
		for _, w := range want {
			if !strings.Contains(cellText(body), w) {
				t.Errorf("%s: the form lacks %q", lang, w)
			}
		}
	}
	ola.in("nb")
	form.Set("from", "2025-01")
	form.Set("to", "2025-06-30")
	form.Set("jobs_created", "4")
	form.Set("jobs_secured", "3")
	resp, body = ola.postFollow(mine+"/reports/new", form)
	if resp.StatusCode != http.StatusOK || !strings.Contains(cellText(body), "Rapporten er sendt inn til programmet.") {
		t.Fatalf("submit: %d %.600s", resp.StatusCode, cellText(body))
	}
	m := reportIDIn.FindStringSubmatch(resp.Request.URL.Path)
	if m == nil {
		t.Fatalf("not on a report's page: %s", resp.Request.URL)
	}
	report := mine + "/reports/" + m[1]
	if text := cellText(body); !strings.Contains(text, "Nye arbeidsplasser 4") || !strings.Contains(text, "Sendt inn av ola") ||
		!strings.Contains(text, "Kurs holdt 4") || strings.Contains(text, "Godkjenn rapporten") {
		t.Errorf("the submitted report's page: %.1200s", text)
	}

	// Another project's report form is not the manager's: refused for a
	// public one, not there for an idea.
	if resp, _ := ola.get(other + "/reports/new"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("another project's report form: %d", resp.StatusCode)
	}
	if resp, _ := ola.get(idea + "/reports/new"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("an idea's report form: %d", resp.StatusCode)
	}
	// An idea the manager manages is theirs to see and report on; a
	// visitor does not see it.
	ownIdea, err := fx.store.SaveProject(ctx, followup.Project{ProgrammeID: "driv", Title: "Mi idé", Status: followup.StatusIdea}, store.Edit{})
	if err != nil {
		t.Fatal(err)
	}
	if err := fx.store.SetProjectManager(ctx, "driv", ownIdea.ID, olaUser.ID); err != nil {
		t.Fatal(err)
	}
	if resp, _ := ola.get(projectPath(ownIdea) + "/reports/new"); resp.StatusCode != http.StatusOK {
		t.Errorf("the manager's own idea's report form: %d", resp.StatusCode)
	}
	if resp, _ := fx.anonymous().get(projectPath(ownIdea)); resp.StatusCode != http.StatusNotFound {
		t.Errorf("a visitor sees the idea: %d", resp.StatusCode)
	}
	if resp, _ := ola.post(report+"/decision", url.Values{"decision": {"accept"}, "version": {"1"}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("the manager accepting their own report: %d", resp.StatusCode)
	}
	if resp, _ := ola.get(report + "/edit"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("editing a submitted report: %d", resp.StatusCode)
	}

	jobsRow := func(c *client, target string) string {
		t.Helper()
		_, page := c.get("/programmes/driv/jobs")
		m := regexp.MustCompile(`(?s)<tr><th scope="row">(?:<span[^>]*>[^<]*</span>, )?` + target + `.*?</tr>`).FindString(page)
		return cellText("<main>" + m + "</main>")
	}
	// Submitted is not yet counted.
	if row := jobsRow(ed, "2025"); !strings.Contains(row, "31 0 31") {
		t.Errorf("2025 before the report is accepted: %q", row)
	}

	// The programme returns it without a comment: refused, and asked for one.
	_, page = ed.get(report)
	decide := formAt(t, page, report+"/decision")
	decide.Set("decision", "return")
	resp, body = ed.post(report+"/decision", decide)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(cellText(body), "Kommentar til prosjektlederen: skriv hva som bør endres") {
		t.Errorf("returning without a comment: %d %.600s", resp.StatusCode, cellText(body))
	}
	decide.Set("decision", "accept")
	resp, body = ed.postFollow(report+"/decision", decide)
	if resp.StatusCode != http.StatusOK || !strings.Contains(cellText(body), "Rapporten er godkjent.") || !strings.Contains(cellText(body), "Godkjent av redaktor") {
		t.Fatalf("accept: %d %.600s", resp.StatusCode, cellText(body))
	}

	// 4 created and 3 secured: 7 of 31 in 2025, 7 of 150 over 2022–27.
	for _, c := range []*client{ed, fx.anonymous().in("nb")} {
		if row := jobsRow(c, "2025"); !strings.Contains(row, "31 7 24") {
			t.Errorf("2025 after the report is accepted: %q", row)
		}
		if row := jobsRow(c, "2022–2027"); !strings.Contains(row, "150 7 143") {
			t.Errorf("2022–27 after the report is accepted: %q", row)
		}
	}
	_, page = fx.anonymous().in("nb").get("/programmes/driv/jobs")
	if !strings.Contains(page, `href="`+report+`"`) || !strings.Contains(page, `<svg class="chart" role="img"`) {
		t.Errorf("the job ledger lacks its drill-down to the report or its chart")
	}
	_, page = fx.anonymous().in("en").get("/overview")
	if !strings.Contains(cellText(page), "7 of 31, 2025") || !strings.Contains(cellText(page), "7 of 150, 2022–2027") {
		t.Errorf("the overview lacks the jobs counted: %.3000s", cellText(page))
	}
	// An accepted report is no longer the manager's to change.
	if resp, _ := ola.get(report + "/edit"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("editing an accepted report: %d", resp.StatusCode)
	}
}
