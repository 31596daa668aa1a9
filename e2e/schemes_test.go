package e2e_test

import (
	"strings"
	"testing"

	"planverk/e2e"
	"planverk/examples"
)

// TestSchemeEditorInBrowser: a system administrator opens a scheme's form,
// makes a mistake the form explains beside the field, fixes it and saves;
// the scheme's page and history show the change. The form, its error state
// and the history pass axe-core and the HTML checker, and the search page
// and the form fit a 320 px screen.
func TestSchemeEditorInBrowser(t *testing.T) {
	e2e.Require(t, e2e.Chromium, e2e.AxeCore, e2e.HTMLChecker)
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) { schemeEditorInBrowser(t, startServerOn(t, engine)) })
	}
}

func schemeEditorInBrowser(t *testing.T, srv *server) {
	c := &checked{docs: map[string][]byte{}}
	p := e2e.NewBrowser(t).Open(t, srv.URL+"/login")
	logIn(t, p, srv.URL, adminEmail, adminPassword)

	p.Navigate(srv.URL + "/schemes/husbanken-startlan")
	p.ClickAndWait(`a[href="/schemes/husbanken-startlan/edit"]`)
	if !strings.HasSuffix(p.URL(), "/schemes/husbanken-startlan/edit") {
		t.Fatalf("the edit link went to %s", p.URL())
	}
	c.check(t, p, "scheme-edit")

	// A date that does not exist, and no kind of support ticked.
	p.SetValue("#f-checked", "31.02.2026")
	var ignored any
	p.Eval(`document.querySelectorAll('input[name="kinds"]').forEach(b => b.checked = false)`, &ignored)
	p.SetValue("#f-summary_nn", "Eit samandrag skrive i nettlesaren.")
	if status := p.ClickAndWait(`form.edit button.primary`); status != 422 {
		t.Fatalf("the bad save answered %d, want 422", status)
	}
	if p.Attr("#f-checked", "aria-invalid") != "true" || !strings.Contains(p.Text("#f-checked-error"), "31.02.2026") {
		t.Errorf("the bad date is not marked: %q", p.Text("#f-checked-error"))
	}
	if !strings.Contains(p.Text("#f-kinds-error"), "Tick at least one") || !strings.Contains(p.Text(".error-summary"), "Tick at least one") {
		t.Errorf("no kind ticked is not explained: %q / %q", p.Text("#f-kinds-error"), p.Text(".error-summary"))
	}
	var typed string
	p.Eval(`document.querySelector("#f-summary_nn").value`, &typed)
	if typed != "Eit samandrag skrive i nettlesaren." {
		t.Errorf("what was typed is gone: %q", typed)
	}
	c.check(t, p, "scheme-edit-error")

	p.SetValue("#f-checked", "20.11.2026")
	p.Click(`input[name="kinds"][value="loan"]`)
	if status := p.ClickAndWait(`form.edit button.primary`); status != 200 {
		t.Fatalf("the save ended on status %d: %q", status, p.Text("main"))
	}
	if !strings.Contains(p.Text("main"), "20.11.2026") {
		t.Errorf("the page does not show the new date: %q", p.Text("main"))
	}
	c.check(t, p, "scheme-saved")
	p.ClickAndWait(`a[href="/schemes/husbanken-startlan/history"]`)
	if h := p.Text("main"); !strings.Contains(h, "Sara Systemansvarleg") || !strings.Contains(h, "2026-11-20") {
		t.Errorf("the history lacks the change or its author: %q", h)
	}
	c.check(t, p, "scheme-history")

	p.Navigate(srv.URL + "/schemes/new")
	c.check(t, p, "scheme-new")

	// At 320 px neither the search nor the form scrolls sideways.
	p.SetViewport(320, 800)
	for _, path := range []string{"/schemes?q=bustad&kind=loan", "/schemes/husbanken-startlan/edit", "/schemes/finder?who=farmers&want=tourism&where=Vinje"} {
		p.Navigate(srv.URL + path)
		if over := p.HorizontalOverflow(); over > 0 {
			t.Errorf("%s at 320 px scrolls sideways by %d px", path, over)
		}
		p.AssertNoAxeViolations(t)
	}
	e2e.AssertValidHTMLFiles(t, c.docs)
}

// Every scheme page of the seed catalogue passes axe-core with no violation
// and is valid HTML: the pages differ in what they hold (dates, steps,
// links, discontinued schemes), so each is checked, in nynorsk, the
// language most of them are written in.
func TestEverySchemePageAccessible(t *testing.T) {
	e2e.Require(t, e2e.Chromium, e2e.AxeCore, e2e.HTMLChecker)
	srv := startServer(t)
	schemes, _, err := examples.Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	p := e2e.NewBrowser(t).Open(t, srv.URL+"/")
	p.ClickAndWait(`.langs button[value="nn"]`)
	docs := map[string][]byte{}
	for _, s := range schemes {
		t.Run(s.ID, func(t *testing.T) {
			p := p.For(t)
			if status := p.Navigate(srv.URL + "/schemes/" + s.ID); status != 200 {
				t.Fatalf("status %d", status)
			}
			p.AssertNoAxeViolations(t)
			docs[s.ID] = []byte(p.HTML())
		})
	}
	e2e.AssertValidHTMLFiles(t, docs)
}
