package web

import (
	"testing"

	"planverk/auth"
	"planverk/e2e"
)

// The final evaluation's pages — its form (also with a figure refused), the
// document and the template page — pass axe-core's WCAG 2.1 AA rules and
// the HTML checker in every language. They are checked here rather than in
// e2e/ because the evaluation is offered only in the period's last year,
// and this test sets the server's clock.
func TestEvaluationPagesAccessible(t *testing.T) {
	fx := newFixture(t, "sqlite")
	vtToPeriodEnd(t, fx)
	fx.user("leiar@vt.no", "", true, "vest-telemark", auth.RoleAdmin)
	b := e2e.NewBrowser(t)
	p := b.Open(t, fx.srv.URL+"/login")
	p.SetValue("#f-email", "leiar@vt.no")
	p.SetValue("#f-password", testPassword)
	p.ClickAndWait(`form[action="/login"] button[type=submit]`)
	docs := map[string][]byte{}
	const ev = "/programmes/vest-telemark/evaluation"
	for _, lang := range []string{"nb", "nn", "en"} {
		p.Navigate(fx.srv.URL + "/")
		p.ClickAndWait(`.langs button[value="` + lang + `"]`)
		for _, path := range []string{ev + "/edit", ev, "/admin/evaluation-templates", "/programmes/vest-telemark"} {
			t.Run(lang+path, func(t *testing.T) {
				p := p.For(t)
				if status := p.Navigate(fx.srv.URL + path); status != 200 {
					t.Fatalf("status %d", status)
				}
				p.AssertNoAxeViolations(t)
				docs[lang+path] = []byte(p.HTML())
			})
		}
		p.Navigate(fx.srv.URL + ev + "/edit")
		p.SetValue(`input[inputmode="numeric"]`, "mange")
		if status := p.ClickAndWait(`form.edit button[type=submit]`); status != 422 {
			t.Errorf("%s: a figure that is not a number answered %d, want 422", lang, status)
		}
		p.AssertNoAxeViolations(t)
		docs[lang+"evaluation-error"] = []byte(p.HTML())
	}
	e2e.AssertValidHTMLFiles(t, docs)
}
