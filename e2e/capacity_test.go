package e2e_test

import (
	"strings"
	"testing"

	"planverk/e2e"
)

// TestCapacitySurveyAccessible follows a development-capacity survey in a
// browser: the administrator opens a round and reads its links, a
// respondent sends the form without scores (each indicator's fieldset says
// what is missing) and then a full answer, and the results page says that
// too few have answered. Every page passes axe-core and the HTML checker.
func TestCapacitySurveyAccessible(t *testing.T) {
	e2e.Require(t, e2e.Chromium, e2e.AxeCore, e2e.HTMLChecker)
	srv := startServer(t)
	c := &checked{docs: map[string][]byte{}}

	admin := e2e.NewBrowser(t).Open(t, srv.URL+"/login")
	logIn(t, admin, srv.URL, adminEmail, adminPassword)
	admin.Navigate(srv.URL + "/programmes/vest-telemark/capacity/rounds")
	c.check(t, admin, "capacity-rounds")
	admin.SetValue("#f-year", "2026")
	admin.ClickAndWait(`form[action$="/capacity/rounds"] button[type=submit]`)
	link := admin.Text(".notice dd code")
	if !strings.Contains(link, "/survey/") {
		t.Fatalf("no survey link: %q", admin.Text("main"))
	}
	c.check(t, admin, "capacity-links")

	respondent := e2e.NewBrowser(t).Open(t, link)
	c.check(t, respondent, "capacity-form")
	respondent.ClickAndWait(`main form button[type=submit]`)
	if n := respondent.Count(`fieldset .field-error`); n != 8 {
		t.Errorf("an empty answer: %d errors beside the indicators, want 8", n)
	}
	c.check(t, respondent, "capacity-form-errors")
	for _, key := range []string{"tillit", "vilje", "holdninger", "apenhet", "kompetanse-kapasitet", "samhandling-samarbeid",
		"kommunikasjon", "mobilisering-ressurser"} {
		respondent.Click("#f-score-" + key + "-4")
	}
	respondent.ClickAndWait(`main form button[type=submit]`)
	if !strings.Contains(respondent.Text("main"), "Your answer has been recorded.") {
		t.Errorf("no thanks: %q", respondent.Text("main"))
	}
	c.check(t, respondent, "capacity-thanks")

	admin.Navigate(srv.URL + "/programmes/vest-telemark/capacity")
	c.check(t, admin, "capacity-results")
	e2e.AssertValidHTMLFiles(t, c.docs)
}
