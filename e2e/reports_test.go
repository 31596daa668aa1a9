package e2e_test

import (
	"strings"
	"testing"

	"planverk/e2e"
)

// TestReportPagesAccessible follows a project report in a browser, in
// every language: the administrator registers a supported project, writes
// a report with a count below nought and a period that ends before it
// starts, is told so beside the fields, submits it, accepts it, and sees
// its jobs in the job ledger. The report form, the form with its errors,
// the report's page before and after the decision, the project's page
// and the job ledger pass axe-core and the HTML checker.
func TestReportPagesAccessible(t *testing.T) {
	e2e.Require(t, e2e.Chromium, e2e.AxeCore, e2e.HTMLChecker)
	srv := startServer(t)
	c := &checked{docs: map[string][]byte{}}
	p := e2e.NewBrowser(t).Open(t, srv.URL+"/login")
	logIn(t, p, srv.URL, adminEmail, adminPassword)
	p.Navigate(srv.URL + "/")
	p.ClickAndWait(`.langs button[value="en"]`)
	const submit = `main form.edit button[type=submit]`
	p.Navigate(srv.URL + "/programmes/driv/projects/new")
	p.SetValue("#f-title", "Opplevelsesnettverk")
	p.SetValue("#f-status", "granted")
	if status := p.ClickAndWait(submit); status != 200 {
		t.Fatalf("registering the project: %d", status)
	}
	project := strings.TrimSuffix(strings.SplitN(p.URL(), "?", 2)[0], "/")
	p.Navigate(project + "/commitments/new")
	p.SetValue("#f-amount", "150 000")
	p.SetValue("#f-source", "fylkeskommunen")
	if status := p.ClickAndWait(submit); status != 200 {
		t.Fatalf("the commitment: %d", status)
	}
	for _, lang := range []string{"nb", "nn", "en"} {
		p.Navigate(srv.URL + "/")
		p.ClickAndWait(`.langs button[value="` + lang + `"]`)
		p.Navigate(project + "/reports/new")
		c.check(t, p, lang+"-report-new")
		p.SetValue("#f-kind", "interim")
		p.SetValue("#f-progress", "on-track")
		p.SetValue("#f-from", "2025-06")
		p.SetValue("#f-to", "2025-01")
		p.SetValue("#f-jobs_created", "-1")
		p.SetValue("#f-result_label_1", "Kurs")
		p.SetValue("#f-result_count_1", "mange")
		if status := p.ClickAndWait(`main form.edit button[value=submit]`); status != 422 {
			t.Errorf("%s: a bad report answered %d, want 422", lang, status)
		}
		if n := p.Count(`[aria-invalid="true"]`); n != 3 {
			t.Errorf("%s: %d fields marked wrong, want 3", lang, n)
		}
		c.check(t, p, lang+"-report-error")
		p.SetValue("#f-to", "2025-12")
		p.SetValue("#f-jobs_created", "3")
		p.SetValue("#f-result_count_1", "2")
		if status := p.ClickAndWait(`main form.edit button[value=submit]`); status != 200 {
			t.Fatalf("%s: submitting the report: %d", lang, status)
		}
		c.check(t, p, lang+"-report-submitted")
		if status := p.ClickAndWait(`main form.edit button[value=accept]`); status != 200 {
			t.Fatalf("%s: accepting the report: %d", lang, status)
		}
		c.check(t, p, lang+"-report-accepted")
		p.Navigate(project)
		c.check(t, p, lang+"-project-reports")
		p.Navigate(srv.URL + "/programmes/driv/jobs")
		c.check(t, p, lang+"-jobs")
	}
	// Each language's pass accepted one report of 3 jobs, in 2025.
	if got := strings.Fields(p.Text("#years + div tbody tr")); len(got) < 4 || got[0] != "2025" || got[3] != "9" {
		t.Errorf("the ledger's 2025: %q, want 9 jobs", got)
	}
	e2e.AssertValidHTMLFiles(t, c.docs)
}
