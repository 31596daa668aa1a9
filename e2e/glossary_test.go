package e2e_test

import (
	"fmt"
	"strings"
	"testing"

	"planverk/e2e"
)

// TestGlossaryEditorInBrowser: the system administrator edits a term of the
// glossary in the browser, then opens, in bokmål, nynorsk and English, the
// glossary with its editing links, the form of a term, that form in its
// error state, the form of a new term and the history of the glossary.
// Every one passes axe-core with no violation and is valid HTML.
func TestGlossaryEditorInBrowser(t *testing.T) {
	e2e.Require(t, e2e.Chromium, e2e.AxeCore, e2e.HTMLChecker)
	srv := startServer(t)
	c := &checked{docs: map[string][]byte{}}
	p := e2e.NewBrowser(t).Open(t, srv.URL+"/login")
	logIn(t, p, srv.URL, adminEmail, adminPassword)

	// One change saved through the form, so that the history lists one.
	p.Navigate(srv.URL + "/glossary")
	p.ClickAndWait(`a[href="/glossary/tilsagn/edit"]`)
	if !strings.HasSuffix(p.URL(), "/glossary/tilsagn/edit") {
		t.Fatalf("the edit link went to %s", p.URL())
	}
	p.SetValue("#f-terms_nn", "tilsegn\ntilsagn\ntilsegnsbrev\nlovnad om støtte")
	p.SetValue("#f-change_note", "Eit ord til")
	if status := p.ClickAndWait(`form.edit button.primary`); status != 200 {
		t.Fatalf("the save ended on status %d: %q", status, p.Text("main"))
	}
	if !strings.Contains(p.Text("main"), "lovnad om støtte") {
		t.Errorf("the glossary does not show the new word: %q", p.Text("main"))
	}

	for _, lang := range []string{"nb", "nn", "en"} {
		t.Run(lang, func(t *testing.T) {
			p := p.For(t)
			p.ClickAndWait(fmt.Sprintf(`.langs button[value="%s"]`, lang))
			if got := p.Attr("html", "lang"); got != lang {
				t.Fatalf("after choosing %s the page says lang=%q", lang, got)
			}
			p.Navigate(srv.URL + "/glossary")
			if p.Count(`a[href="/glossary/new"]`) != 1 || p.Count(`a[href="/glossary/history"]`) != 1 {
				t.Error("the glossary offers no new term or history")
			}
			c.check(t, p, lang+"-glossary")

			if status := p.Navigate(srv.URL + "/glossary/tilsagn/edit"); status != 200 {
				t.Fatalf("the form: status %d", status)
			}
			c.check(t, p, lang+"-edit")
			// No words in either language, and an explanation typed that
			// must not be lost.
			var ignored any
			p.Eval(`document.querySelectorAll("#f-terms_nb, #f-terms_nn").forEach(f => f.value = "")`, &ignored)
			p.SetValue("#f-explanation_nn", "Ei forklaring skriven i nettlesaren.")
			if status := p.ClickAndWait(`form.edit button.primary`); status != 422 {
				t.Fatalf("the bad save answered %d, want 422", status)
			}
			if p.Attr("#f-terms_nb", "aria-invalid") != "true" || p.Text("#f-terms_nb-error") == "" || p.Text(".error-summary") == "" {
				t.Errorf("the missing words are not marked: %q", p.Text("main"))
			}
			var typed string
			p.Eval(`document.querySelector("#f-explanation_nn").value`, &typed)
			if typed != "Ei forklaring skriven i nettlesaren." {
				t.Errorf("what was typed is gone: %q", typed)
			}
			c.check(t, p, lang+"-edit-error")

			if status := p.Navigate(srv.URL + "/glossary/new"); status != 200 {
				t.Fatalf("the new-term form: status %d", status)
			}
			c.check(t, p, lang+"-new")

			if status := p.Navigate(srv.URL + "/glossary/history"); status != 200 {
				t.Fatalf("the history: status %d", status)
			}
			if h := p.Text("main"); !strings.Contains(h, "Sara Systemansvarleg") || !strings.Contains(h, "Eit ord til") || !strings.Contains(h, "lovnad om støtte") {
				t.Errorf("the history lacks the change, its note or its author: %q", h)
			}
			c.check(t, p, lang+"-history")
		})
	}
	e2e.AssertValidHTMLFiles(t, c.docs)
}

// TestGlossaryByKeyboard: a new term is written and saved with the keyboard
// alone. Tab walks from the top of the form through its fields, each with
// a visible focus, and Enter on the save button stores the term.
func TestGlossaryByKeyboard(t *testing.T) {
	srv := startServer(t)
	p := e2e.NewBrowser(t).Open(t, srv.URL+"/login")
	logIn(t, p, srv.URL, adminEmail, adminPassword)
	p.Navigate(srv.URL + "/glossary/new")
	// tabTo presses Tab until the element with the id has the focus.
	tabTo := func(id string) {
		t.Helper()
		for i := 0; i < 40; i++ {
			p.PressTab()
			f := p.FocusedElement()
			if f.Tag == "body" {
				t.Fatalf("Tab %d lost the focus on the way to #%s", i+1, id)
			}
			if !f.FocusVisible {
				t.Errorf("Tab %d: %s has no visible focus", i+1, f)
			}
			if f.ID == id {
				return
			}
		}
		t.Fatalf("40 Tabs did not reach #%s", id)
	}
	tabTo("f-id")
	p.Press("tastatur-ord")
	tabTo("f-terms_nn")
	p.Press("tastaturord")
	tabTo("f-explanation_nn")
	p.Press("Eit ord skrive med tastaturet åleine.")
	for i := 0; i < 10 && p.FocusedElement().Type != "submit"; i++ {
		p.PressTab()
	}
	if f := p.FocusedElement(); f.Type != "submit" {
		t.Fatalf("Tab after the last field reached %s, not the save button", f)
	}
	if status := p.PressAndWait("\r"); status != 200 {
		t.Fatalf("Enter on the save button ended on status %d: %q", status, p.Text("main"))
	}
	if !strings.Contains(p.Text("main"), "Eit ord skrive med tastaturet åleine.") {
		t.Errorf("the glossary does not show the term written by keyboard: %q", p.Text("main"))
	}
}
