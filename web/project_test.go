package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"planverk/auth"
)

// TestProjects: Driv's editor registers a project under a goal, a grant
// commitment of 150 000 at 50 % of a 300 000 budget, and two payments of
// 100 000 and 60 000. The project's page shows the figures and the
// finding that 160 000 is paid of 150 000 committed; the money page shows
// the figures per goal and per source and year against the financing.
// A visitor sees the granted project but not an idea.
func TestProjects(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) { testProjects(t, engine) })
	}
}

// projectIDIn reads the project's address from a redirect.
var projectIDIn = regexp.MustCompile(`^/programmes/driv/projects/(\d+)`)

func testProjects(t *testing.T, engine string) {
	fx := newFixture(t, engine)
	fx.user("redaktor@driv.no", "", false, "driv", auth.RoleEditor)
	ed := fx.login("redaktor@driv.no").in("en")
	const base = "/programmes/driv/projects"

	_, page := ed.get(base + "/new")
	form := formAt(t, page, base+"/new")
	form.Set("title", "Opplevelsesnettverk")
	form.Set("label", "P7")
	form.Set("status", "granted")
	form.Set("phase", "pre-project")
	form.Set("goal", "1")
	form.Set("owner", "Drangedal næringsforening")
	form.Set("manager", "Ola Nordmann")
	form.Set("sponsor", "Kari Styremedlem")
	form.Set("from", "2025-03")
	form.Set("to", "31.12.2026")
	form.Set("case_ref", "2025/1234")
	form.Set("budget", "300 000")
	form.Set("own_share", "150 000")
	resp, body := ed.postFollow(base+"/new", form)
	if resp.StatusCode != http.StatusOK || !strings.Contains(cellText(body), "Saved.") {
		t.Fatalf("register: %d %.500s", resp.StatusCode, cellText(body))
	}
	m := projectIDIn.FindStringSubmatch(resp.Request.URL.Path)
	if m == nil {
		t.Fatalf("not on a project's page: %s", resp.Request.URL)
	}
	project := base + "/" + m[1]
	text := cellText(body)
	for _, want := range []string{"P7 Opplevelsesnettverk", "Status Granted", "Phase Pre-project", "Period March 2025 – 31.12.2026",
		"Project manager Ola Nordmann", "Sponsor on the board Kari Styremedlem", "Case reference 2025/1234",
		"Total budget 300 000", "Own contribution 150 000", "Goal 1 Utvikling i næringsliv"} {
		if !strings.Contains(text, want) {
			t.Errorf("project page lacks %q: %.800s", want, text)
		}
	}

	_, page = ed.get(project + "/commitments/new")
	form = formAt(t, page, project+"/commitments/new")
	form.Set("amount", "inntil 150 000")
	form.Set("source", "fylkeskommunen")
	form.Set("share", "50 %")
	form.Set("decided", "10.02.2025")
	form.Set("body", "Styret i Driv")
	form.Set("deadline", "2026-12")
	form.Set("conditions", "Sluttrapport med regnskap")
	resp, body = ed.postFollow(project+"/commitments/new", form)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("commitment: %d %.500s", resp.StatusCode, cellText(body))
	}
	if text := cellText(body); !strings.Contains(text, "Amount up to 150 000") || !strings.Contains(text, "Funding source Telemark fylkeskommune") ||
		!strings.Contains(text, "Support share 50 %") || !strings.Contains(text, "The checks of the project's money found nothing.") {
		t.Fatalf("commitment on the page: %.1500s", text)
	}
	pay := regexp.MustCompile(`href="(` + regexp.QuoteMeta(project) + `/commitments/\d+/payments/new)"`).FindStringSubmatch(body)
	if pay == nil {
		t.Fatal("no link to register a payment")
	}
	for _, p := range [][2]string{{"01.04.2025", "100 000"}, {"2025-10-15", "60 000 kr"}} {
		_, page = ed.get(pay[1])
		form = formAt(t, page, pay[1])
		form.Set("date", p[0])
		form.Set("amount", p[1])
		if resp, body = ed.postFollow(pay[1], form); resp.StatusCode != http.StatusOK {
			t.Fatalf("payment %s: %d %.500s", p[1], resp.StatusCode, cellText(body))
		}
	}
	text = cellText(body)
	for _, want := range []string{"Committed 150 000", "Paid 160 000", "Left to pay −10 000", "01.04.2025 100 000", "15.10.2025 60 000",
		"P7 Opplevelsesnettverk: 160 000 kroner paid, more than the 150 000 kroner committed."} {
		if !strings.Contains(text, want) {
			t.Errorf("after two payments the page lacks %q: %.1500s", want, text)
		}
	}

	// An idea, which visitors do not see.
	_, page = ed.get(base + "/new")
	form = formAt(t, page, base+"/new")
	form.Set("title", "Idé om et bedriftshotell")
	if resp, _ := ed.post(base+"/new", form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("idea: %d", resp.StatusCode)
	}

	_, body = ed.get(base + "/money")
	text = cellText(body)
	for _, want := range []string{
		"Approved financing 4 670 000", "Committed 150 000", "Paid 160 000", "Left to commit 4 520 000",
		// 4/6 of 4 670 000 is 3 113 333; 150 000 of it is committed.
		"1 Utvikling i næringsliv 4/6 3 113 333 150 000 100 % 160 000 2 963 333",
		"Telemark fylkeskommune 2025 3 500 000 150 000 160 000 3 350 000",
		"P7 Opplevelsesnettverk: 160 000 kroner paid"} {
		if !strings.Contains(text, want) {
			t.Errorf("money page lacks %q: %.2500s", want, text)
		}
	}

	visitor := fx.anonymous().in("en")
	_, body = visitor.get(base)
	if text := cellText(body); !strings.Contains(text, "P7 Opplevelsesnettverk") || strings.Contains(text, "bedriftshotell") {
		t.Errorf("a visitor's list: %.800s", text)
	}
	_, body = ed.get(base)
	if text := cellText(body); !strings.Contains(text, "bedriftshotell") || !strings.Contains(text, "2 projects, page 1 of 1") {
		t.Errorf("a member's list: %.800s", text)
	}
	idea := regexp.MustCompile(`href="(` + base + `/\d+)"[^>]*>Idé om`).FindStringSubmatch(body)
	if idea == nil {
		t.Fatal("no link to the idea")
	}
	if resp, _ := visitor.get(idea[1]); resp.StatusCode != http.StatusNotFound {
		t.Errorf("a visitor reads an idea: %d", resp.StatusCode)
	}
}

// TestProjectBadInput: a form that is wrong names each field in the
// person's language and keeps what was typed.
func TestProjectBadInput(t *testing.T) {
	fx := newFixture(t, "sqlite")
	fx.user("redaktor@driv.no", "", false, "driv", auth.RoleEditor)
	ed := fx.login("redaktor@driv.no").in("nb")
	const base = "/programmes/driv/projects"
	_, page := ed.get(base + "/new")
	form := formAt(t, page, base+"/new")
	form.Set("title", "")
	form.Set("budget", "tre hundre tusen")
	form.Set("from", "31.06.2025")
	resp, body := ed.post(base+"/new", form)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("bad project: %d", resp.StatusCode)
	}
	if e := errorBeside(body, "budget"); e != "Feil: Totalbudsjett: «tre hundre tusen» er ikke et beløp. Skriv hele kroner, for eksempel 150 000." {
		t.Errorf("budget: %q", e)
	}
	if e := errorBeside(body, "from"); !strings.Contains(e, "Fra: «31.06.2025» er ikke en dato") {
		t.Errorf("from: %q", e)
	}
	if errorBeside(body, "title") == "" {
		t.Error("no message for the missing title")
	}
	if got := formAt(t, body, base+"/new").Get("budget"); got != "tre hundre tusen" {
		t.Errorf("the form lost what was typed: %q", got)
	}

	form = formAt(t, page, base+"/new")
	form.Set("title", "Prosjekt")
	form.Set("status", "granted")
	resp, _ = ed.post(base+"/new", form)
	project, _, _ := strings.Cut(resp.Header.Get("Location"), "?")
	_, page = ed.get(project + "/commitments/new")
	form = formAt(t, page, project+"/commitments/new")
	form.Set("amount", "mye")
	form.Set("share", "halvparten")
	form.Set("released", "10 000")
	resp, body = ed.post(project+"/commitments/new", form)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("bad commitment: %d", resp.StatusCode)
	}
	for field, want := range map[string]string{
		"amount":      "Beløp: «mye» er ikke et beløp.",
		"share":       "Støtteandel: «halvparten» er ikke en andel.",
		"source":      "",
		"released_on": "Frigjort dato: oppgi datoen restbeløpet ble frigjort.",
	} {
		if e := errorBeside(body, field); e == "" || !strings.Contains(e, want) {
			t.Errorf("%s: %q", field, e)
		}
	}
}

// TestProjectConflict: two people edit a project; the second save, from
// the version both opened, saves nothing and shows the first person's
// change in the field the second left alone.
func TestProjectConflict(t *testing.T) {
	fx := newFixture(t, "sqlite")
	fx.user("a@driv.no", "", false, "driv", auth.RoleEditor)
	fx.user("b@driv.no", "", false, "driv", auth.RoleEditor)
	a, b := fx.login("a@driv.no").in("en"), fx.login("b@driv.no").in("en")
	const base = "/programmes/driv/projects"
	_, page := a.get(base + "/new")
	form := formAt(t, page, base+"/new")
	form.Set("title", "Nettverk")
	resp, _ := a.post(base+"/new", form)
	project, _, _ := strings.Cut(resp.Header.Get("Location"), "?")
	_, pa := a.get(project + "/edit")
	_, pb := b.get(project + "/edit")
	fa, fb := formAt(t, pa, project+"/edit"), formAt(t, pb, project+"/edit")
	fa.Set("manager", "Ola Nordmann")
	if resp, _ := a.post(project+"/edit", fa); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("first save: %d", resp.StatusCode)
	}
	fb.Set("case_ref", "2025/99")
	resp, body := b.post(project+"/edit", fb)
	if resp.StatusCode != http.StatusConflict || !strings.Contains(cellText(body), "Someone else has saved this project") {
		t.Fatalf("second save: %d %.500s", resp.StatusCode, cellText(body))
	}
	again := formAt(t, body, project+"/edit")
	if again.Get("manager") != "Ola Nordmann" || again.Get("case_ref") != "2025/99" {
		t.Fatalf("merged form: manager %q, case %q", again.Get("manager"), again.Get("case_ref"))
	}
	if resp, body := b.postFollow(project+"/edit", again); resp.StatusCode != http.StatusOK ||
		!strings.Contains(cellText(body), "Project manager Ola Nordmann") || !strings.Contains(cellText(body), "2025/99") {
		t.Fatalf("saved again: %d %.500s", resp.StatusCode, cellText(body))
	}
}

// postFollow posts a form and follows the redirect after it, as a
// browser does.
func (c *client) postFollow(path string, form url.Values) (*http.Response, string) {
	c.fx.t.Helper()
	resp, body := c.post(path, form)
	if resp.StatusCode != http.StatusSeeOther {
		return resp, body
	}
	return c.get(resp.Header.Get("Location"))
}

// cellText is pageText with a space where a tag was, so that a term and
// its value, or a table's cells, read as words apart: "Status Granted".
func cellText(page string) string {
	return pageText(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(regexp.MustCompile(`(?s)^.*?<main`).ReplaceAllString(page, "<main"), " $0 "))
}
