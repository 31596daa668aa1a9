package e2e_test

import (
	"strings"
	"testing"

	"planverk/e2e"
)

// TestProjectMoneyPagesAccessible follows a project's money in a browser:
// the administrator registers a project, a grant commitment with a
// payment schedule and a payment, and then deletes the payment and the
// commitment from the pages that name what goes. Every page passes
// axe-core and the HTML checker.
func TestProjectMoneyPagesAccessible(t *testing.T) {
	e2e.Require(t, e2e.Chromium, e2e.AxeCore, e2e.HTMLChecker)
	srv := startServer(t)
	c := &checked{docs: map[string][]byte{}}
	p := e2e.NewBrowser(t).Open(t, srv.URL+"/login")
	logIn(t, p, srv.URL, adminEmail, adminPassword)
	p.Navigate(srv.URL + "/")
	p.ClickAndWait(`.langs button[value="en"]`)
	const submit = `main form.edit button[type=submit]`

	p.Navigate(srv.URL + "/programmes/driv/projects/new")
	c.check(t, p, "project-new")
	p.SetValue("#f-title", "Opplevelsesnettverk")
	p.SetValue("#f-status", "granted")
	if status := p.ClickAndWait(submit); status != 200 {
		t.Fatalf("registering the project: %d", status)
	}
	project := strings.TrimSuffix(strings.SplitN(p.URL(), "?", 2)[0], "/")
	c.check(t, p, "project")

	p.Navigate(project + "/commitments/new")
	p.SetValue("#f-amount", "200 000")
	p.SetValue("#f-source", "fylkeskommunen")
	p.SetValue("#f-deadline", "2026-06")
	p.SetValue("#f-schedule", "2025: mye")
	if status := p.ClickAndWait(submit); status != 422 {
		t.Errorf("a schedule that is not one answered %d, want 422", status)
	}
	c.check(t, p, "commitment-error")
	p.SetValue("#f-schedule", "2025: 75 %\n2026: 25 %")
	if status := p.ClickAndWait(submit); status != 200 {
		t.Fatalf("the commitment: %d", status)
	}
	if got := p.Text("main"); !strings.Contains(got, "2025: 150") {
		t.Errorf("the project's page does not show the schedule: %.800s", got)
	}

	p.Navigate(srv.URL + p.Attr(`a[href$="/payments/new"]`, "href"))
	p.SetValue("#f-date", "2026-07-01")
	p.SetValue("#f-amount", "180 000")
	p.ClickAndWait(submit)
	if got := p.Text("main"); !strings.Contains(got, "after the commitment's deadline") {
		t.Errorf("no finding of the late payment: %.1500s", got)
	}
	c.check(t, p, "project-with-money")

	p.Navigate(srv.URL + p.Attr(`a[href*="/payments/"][href$="/delete"]`, "href"))
	c.check(t, p, "payment-delete")
	p.ClickAndWait(submit)
	if got := p.Text("main"); !strings.Contains(got, "Deleted.") || strings.Contains(got, "01.07.2026") {
		t.Errorf("after deleting the payment: %.800s", got)
	}
	p.Navigate(srv.URL + p.Attr(`a[href*="/commitments/"][href$="/delete"]`, "href"))
	c.check(t, p, "commitment-delete")
	p.ClickAndWait(submit)
	if got := p.Text("main"); !strings.Contains(got, "No grant has been committed to the project yet.") {
		t.Errorf("after deleting the commitment: %.800s", got)
	}
	e2e.AssertValidHTMLFiles(t, c.docs)
}
