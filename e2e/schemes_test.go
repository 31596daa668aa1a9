package e2e_test

import (
	"fmt"
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

// TestSchemeFinderByKeyboard: on a phone, a farmer who is starting a tourism
// business answers the finder by keyboard alone, ticking two answers to
// "who are you?", and is shown the municipal fund; on the search page the
// filters come before the results and are reached in a few Tabs, and a link
// skips past them. Every page passes axe-core.
func TestSchemeFinderByKeyboard(t *testing.T) {
	e2e.Require(t, e2e.Chromium, e2e.AxeCore)
	srv := startServer(t)
	p := e2e.NewBrowser(t).Open(t, srv.URL+"/")
	p.ClickAndWait(`.langs button[value="nn"]`)
	p.SetViewport(375, 740)
	p.Navigate(srv.URL + "/schemes/finder")
	p.AssertNoAxeViolations(t)

	// tabTo presses Tab until the focus is on the element the selector
	// picks, at most max times, and says how many it took.
	tabTo := func(selector string, max int) int {
		t.Helper()
		for i := 1; i <= max; i++ {
			p.PressTab()
			var there bool
			p.Eval(fmt.Sprintf(`document.activeElement === document.querySelector(%q)`, selector), &there)
			f := p.FocusedElement()
			if there {
				if !f.FocusVisible {
					t.Errorf("%s has no visible focus", f)
				}
				return i
			}
			if f.Tag == "body" {
				t.Fatalf("Tab %d lost the focus", i)
			}
		}
		t.Fatalf("%d Tabs did not reach %s", max, selector)
		return 0
	}
	tabTo(`input[name="who"][value="startups"]`, 40)
	p.Press(" ")
	tabTo(`input[name="who"][value="farmers"]`, 6)
	p.Press(" ")
	tabTo(`input[name="want"][value="tourism"]`, 20)
	p.Press(" ")
	tabTo(`form.finder button.primary`, 20)
	if status := p.PressAndWait("\r"); status != 200 {
		t.Fatalf("the finder answered %d", status)
	}
	if u := p.URL(); !strings.Contains(u, "who=startups") || !strings.Contains(u, "who=farmers") {
		t.Errorf("the two answers are not both sent: %s", u)
	}
	if n := p.Count(`a[href="/schemes/vinje-kommune-naeringsfond"]`); n == 0 {
		t.Errorf("the municipal fund is not recommended: %q", p.Text("#recommended + p"))
	}
	// The ticked boxes stand beside their labels, not in the middle of their
	// rows: a check box is as narrow as a check box.
	for _, name := range []string{"who", "stage"} {
		var boxWidth float64
		p.Eval(fmt.Sprintf(`document.querySelector('input[name="%s"]').getBoundingClientRect().width`, name), &boxWidth)
		if boxWidth > 40 {
			t.Errorf("a %s button is %.0f px wide", name, boxWidth)
		}
	}
	p.AssertNoAxeViolations(t)

	// The search page: filters before results, reached in a few Tabs.
	p.Navigate(srv.URL + "/schemes?q=bustad")
	var filtersFirst bool
	p.Eval(`document.querySelector("#filters").getBoundingClientRect().top < document.querySelector("#results-title").getBoundingClientRect().top`, &filtersFirst)
	if !filtersFirst {
		t.Error("on a phone the filters come after the results")
	}
	if n := tabTo("#filters > summary", 25); n > 20 {
		t.Errorf("the filters took %d Tabs", n)
	}
	p.Press("\r")
	var open bool
	p.Eval(`document.querySelector("#filters").open`, &open)
	if !open {
		t.Error("Enter on the filters' heading does not open them")
	}
	p.PressTab()
	if f := p.FocusedElement(); f.Tag != "input" || f.Type != "checkbox" {
		t.Errorf("the Tab after the filters' heading reaches %s, not a filter", f)
	}
	p.AssertNoAxeViolations(t)
	// The skip link leads past the filters to the results.
	p.Navigate(srv.URL + "/schemes?q=bustad")
	tabTo(`.skip-links a`, 25)
	p.Press("\r")
	if f := p.FocusedElement(); f.ID != "results-title" {
		t.Errorf("the skip link put the focus on %s", f)
	}
	// A search with no hits offers other words and the finder.
	p.Navigate(srv.URL + "/schemes?q=bustd")
	if n := p.Count(`.no-hits a[href="/schemes?q=bustad"]`); n != 1 {
		t.Errorf("no link to bustad: %q", p.Text(".no-hits"))
	}
	p.AssertNoAxeViolations(t)
}
