package e2e_test

import (
	"strings"
	"testing"

	"planverk/assessment"
	"planverk/e2e"
)

// TestAssessmentAccessible fills in Vest-Telemark's programme status
// assessment in a browser: a score that is a word is named beside its
// field, then every indicator is scored, and the result page shows the
// weighted total with its charts and tables. Every page passes axe-core
// and the HTML checker.
func TestAssessmentAccessible(t *testing.T) {
	e2e.Require(t, e2e.Chromium, e2e.AxeCore, e2e.HTMLChecker)
	srv := startServer(t)
	c := &checked{docs: map[string][]byte{}}
	p := e2e.NewBrowser(t).Open(t, srv.URL+"/login")
	logIn(t, p, srv.URL, adminEmail, adminPassword)
	p.Navigate(srv.URL + "/programmes/vest-telemark/assessments/2025/edit")
	c.check(t, p, "assessment-form")
	set := assessment.Default()
	for i, ind := range set.Indicators() {
		p.SetValue("#f-score-"+ind.Key, string(rune('1'+i%6)))
	}
	bad := set.Indicators()[3]
	p.SetValue("#f-score-"+bad.Key, "mykje")
	p.SetValue("#f-member-0-name", "Ola Programleiar")
	p.SetValue("#f-proposal-0-text", "Fleire møteplassar")
	if status := p.ClickAndWait(`form.edit button.primary`); status != 422 {
		t.Fatalf("a score that is a word answered %d, want 422", status)
	}
	if msg := p.Text("#f-score-" + bad.Key + "-error"); !strings.Contains(msg, "mykje") {
		t.Errorf("the message beside the score: %q", msg)
	}
	c.check(t, p, "assessment-form-error")
	p.SetValue("#f-score-"+bad.Key, "4")
	if status := p.ClickAndWait(`form.edit button.primary`); status != 200 {
		t.Fatalf("saving answered %d", status)
	}
	if p.Count(`svg[role="img"]`) != 2 || p.Text("#assessment-overall") == "" {
		t.Errorf("the result page lacks its charts or total: %q", p.Text("main"))
	}
	c.check(t, p, "assessment-result")
	p.Navigate(srv.URL + "/programmes/vest-telemark/assessments")
	c.check(t, p, "assessment-list")

	// Next year's plan: the revision form shows the proposal as input, and
	// the revision report says it was taken up in the plan as a whole.
	p.Navigate(srv.URL + "/programmes/vest-telemark/plans/2025/cycle")
	if status := p.ClickAndWait(`form[action$="/next"] button`); status != 200 {
		t.Fatalf("starting the plan for 2026 answered %d", status)
	}
	if got := p.Text("#proposals"); !strings.Contains(got, "Fleire møteplassar") {
		t.Fatalf("the revision form lacks the assessment's proposal: %q", got)
	}
	c.check(t, p, "revision-edit-proposals")
	var choice string
	p.Eval(`(() => { const o = [...document.querySelectorAll("#f-uptake-0 option")].find(o => o.value && o.value !== "no"); return o ? o.value : ""; })()`, &choice)
	if choice == "" {
		t.Fatal("the proposal's uptake offers no choice")
	}
	p.SetValue("#f-uptake-0", choice)
	if status := p.ClickAndWait(`form.uptake button`); status != 200 {
		t.Fatalf("saving the uptake answered %d", status)
	}
	p.Navigate(srv.URL + "/programmes/vest-telemark/plans/2026/revision")
	if got := p.Text(".proposals-taken-up"); !strings.Contains(got, "Fleire møteplassar") {
		t.Errorf("the revision report does not list the proposal as taken up: %q", p.Text("main"))
	}
	c.check(t, p, "revision-report-proposals")
	e2e.AssertValidHTMLFiles(t, c.docs)
}
