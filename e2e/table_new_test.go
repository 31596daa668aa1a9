package e2e_test

import (
	"strings"
	"testing"

	"planverk/e2e"
)

// TestAddBudgetInBrowser adds a budget table in each language as a person
// does, with clicks and the keyboard: the link on the plan page, the new
// table's form (once with a mistake the form explains), a line with an
// amount, a year added and filled in, and the plan page's computed total;
// then the removal's confirmation. Every page passes axe-core and the HTML
// checker.
func TestAddBudgetInBrowser(t *testing.T) {
	e2e.Require(t, e2e.Chromium, e2e.AxeCore, e2e.HTMLChecker)
	srv := startServer(t)
	c := &checked{docs: map[string][]byte{}}
	p := e2e.NewBrowser(t).Open(t, srv.URL+"/login")
	logIn(t, p, srv.URL, adminEmail, adminPassword)
	plan := srv.URL + "/programmes/vest-telemark/plans/2025"
	for _, lang := range []string{"nb", "nn", "en"} {
		t.Run(lang, func(t *testing.T) {
			p := p.For(t)
			p.Navigate(srv.URL + "/")
			p.ClickAndWait(`.langs button[value="` + lang + `"]`)
			p.Navigate(plan)
			if status := p.ClickAndWait(`nav.actions a[href$="/budgets/new"]`); status != 200 {
				t.Fatalf("the new budget form: status %d", status)
			}
			c.check(t, p, lang+"-new")

			// No title: the form says so beside the field.
			p.SetValue("#f-to", "2026")
			p.SendKeys("#f-from", "")
			if status := p.PressAndWait("\r"); status != 422 {
				t.Fatalf("a budget without a title answered %d, want 422", status)
			}
			if p.Text("#f-title-error") == "" {
				t.Errorf("no message beside the title: %q", p.Text("main"))
			}
			c.check(t, p, lang+"-new-error")

			title := "Kommunikasjon " + lang
			p.SendKeys("#f-title", title)
			if status := p.PressAndWait("\r"); status != 200 || !strings.HasSuffix(p.URL(), "/budgets/kommunikasjon-"+lang+"/edit") {
				t.Fatalf("after creating: status %d at %s", status, p.URL())
			}
			c.check(t, p, lang+"-edit")
			p.SendKeys("#f-new-label", "Nettside")
			p.SendKeys("#f-new-y2025", "100000")
			p.SendKeys("#f-new_year", "2027")
			if status := p.ClickAndWait(`form.edit button.primary`); status != 200 || !strings.Contains(p.URL(), "added=1") {
				t.Fatalf("after adding a year: status %d at %s", status, p.URL())
			}
			p.SendKeys("#f-line-0-y2027", "50 000")
			if status := p.ClickAndWait(`form.edit button.primary`); status != 200 {
				t.Fatalf("saving the year's amount: status %d", status)
			}
			main := strings.ReplaceAll(p.Text("main"), "\u00a0", " ")
			if !strings.Contains(main, title) || !strings.Contains(main, "150 000") {
				t.Errorf("the plan page lacks the new budget or its total:\n%s", main)
			}
			c.check(t, p, lang+"-plan")

			p.Navigate(plan + "/budgets/kommunikasjon-" + lang + "/delete")
			if !strings.Contains(strings.ReplaceAll(p.Text("main"), "\u00a0", " "), "150 000") {
				t.Errorf("the confirmation does not say what goes: %q", p.Text("main"))
			}
			c.check(t, p, lang+"-delete")
			for _, path := range []string{"/financing/new", "/financing/2025/edit", "/financing/2025/delete", "/budgets/period/edit", "/budgets/period/delete"} {
				if status := p.Navigate(plan + path); status != 200 {
					t.Errorf("%s: status %d", path, status)
				}
				c.check(t, p, lang+path)
			}
		})
	}
	e2e.AssertValidHTMLFiles(t, c.docs)
}
