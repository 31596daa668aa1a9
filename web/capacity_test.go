package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"planverk/auth"
	"planverk/capacity"
)

// surveyLinkPattern finds the survey links on a page.
var surveyLinkPattern = regexp.MustCompile(`/survey/[A-Za-z0-9_-]{20,}`)

// answerForm is a full answer: every indicator of the default set scored v.
func answerForm(v int, submission string) url.Values {
	f := url.Values{"submission": {submission}}
	for _, ind := range capacity.Default().Indicators() {
		f.Set(capacity.ScoreField(ind.Key), strconv.Itoa(v))
	}
	return f
}

// TestCapacitySurvey: a programme's administrator opens a round for two
// groups and gets a link for each; anyone with a link answers without an
// account; three answers show no result and five show the mean; a bad
// score is named beside its indicator; a closed round refuses answers
// and a wrong link is not found.
func TestCapacitySurvey(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) { testCapacitySurvey(t, engine) })
	}
}

func testCapacitySurvey(t *testing.T, engine string) {
	fx := newFixture(t, engine)
	fx.user("leiar@vt.no", "", false, "vest-telemark", auth.RoleAdmin)
	fx.user("lesar@vt.no", "", false, "vest-telemark", auth.RoleReader)
	admin := fx.login("leiar@vt.no").in("nb")
	reader := fx.login("lesar@vt.no").in("nb")
	const rounds = "/programmes/vest-telemark/capacity/rounds"
	const results = "/programmes/vest-telemark/capacity"

	if _, page := reader.get("/programmes/vest-telemark"); !strings.Contains(page, `href="/programmes/vest-telemark/capacity"`) {
		t.Error("the programme page does not link the results for a member")
	}
	if resp, page := admin.get(rounds); resp.StatusCode != http.StatusOK || !strings.Contains(pageText(page), "Ingen undersøkelser er åpnet ennå.") {
		t.Fatalf("rounds page: %d %.300s", resp.StatusCode, pageText(page))
	}
	resp, page := admin.post(rounds, url.Values{"year": {"2026"}, "groups": {"Næringslivet\nKommunen"}, "set": {"default"}})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("open: %d %.500s", resp.StatusCode, pageText(page))
	}
	links := surveyLinkPattern.FindAllString(page, -1)
	if len(links) != 2 || links[0] == links[1] {
		t.Fatalf("links on the page: %v", links)
	}
	business := links[0]

	visitor := fx.anonymous().in("nb")
	resp, page = visitor.get(business)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("the form: %d, Cache-Control %q", resp.StatusCode, resp.Header.Get("Cache-Control"))
	}
	if _, again := visitor.get(business); regexp.MustCompile(`name="submission" value="[^"]+"`).FindString(again) ==
		regexp.MustCompile(`name="submission" value="[^"]+"`).FindString(page) {
		t.Error("two loads of the form carry the same submission key")
	}
	for _, want := range []string{"<legend>Tillit</legend>", "<legend>Mobilisering av ressurser</legend>", `type="radio" name="score-tillit" id="f-score-tillit" value="1"`,
		"1 – I svært liten grad", "6 – I svært stor grad", "«Næringslivet»"} {
		if !strings.Contains(page, want) {
			t.Errorf("the form has no %s", want)
		}
	}

	// Bad scores are named beside their indicator, in the person's language.
	bad := answerForm(3, "bad")
	bad.Set("score-vilje", "9")
	bad.Del("score-tillit")
	resp, page = visitor.post(business, bad)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("bad scores: %d", resp.StatusCode)
	}
	text := pageText(page)
	for _, want := range []string{"Velg en score for «Tillit».", "Scoren for «Vilje» må være et helt tall fra 1 til 6."} {
		if !strings.Contains(text, want) {
			t.Errorf("bad scores: no %q in %.600s", want, text)
		}
	}
	if !regexp.MustCompile(`<legend>Vilje</legend>\s*<p class="field-error" id="f-score-vilje-error">`).MatchString(page) {
		t.Error("the error on vilje is not beside its field")
	}
	_, page = fx.anonymous().in("nn").post(business, bad)
	if !strings.Contains(pageText(page), "Skåren for «Vilje» må vere eit heilt tal frå 1 til 6.") {
		t.Errorf("nynorsk: %.600s", pageText(page))
	}
	_, page = fx.anonymous().in("en").post(business, bad)
	if !strings.Contains(pageText(page), "Choose a score for «Trust».") {
		t.Errorf("English: %.600s", pageText(page))
	}

	// A form sent from another site is refused, as every form of the site.
	req, _ := http.NewRequest(http.MethodPost, fx.srv.URL+business, strings.NewReader(answerForm(6, "elsewhere").Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://elsewhere.example")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if resp, _ := visitor.do(req); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a cross-site answer: %d", resp.StatusCode)
	}

	// Three answers: no result anywhere.
	for i, v := range []int{2, 3, 4} {
		resp, _ := visitor.post(business, answerForm(v, "s"+strconv.Itoa(i)))
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("answer %d: %d", i, resp.StatusCode)
		}
	}
	// The same form sent again counts once.
	visitor.post(business, answerForm(4, "s2"))
	if _, page := visitor.get(business + "?sent=1"); !strings.Contains(pageText(page), "Takk! Svaret ditt er registrert.") {
		t.Errorf("thanks: %.300s", pageText(page))
	}
	resp, page = reader.get(results)
	text = cellText(page)
	if resp.StatusCode != http.StatusOK || !strings.Contains(text, "For få har svart til å vise et resultat") {
		t.Fatalf("three answers: %d %.800s", resp.StatusCode, text)
	}
	for _, hidden := range []string{"3,0", "(3 svar)", "(4 svar)"} {
		if strings.Contains(text, hidden) {
			t.Errorf("three answers show %q: %.800s", hidden, text)
		}
	}
	if _, page := admin.get(rounds); !strings.Contains(cellText(page), "Færre enn 5") {
		t.Error("the rounds page counts fewer than five answers")
	}

	// Five: the mean, (2+3+4+5+6)/5 = 4.
	for i, v := range []int{5, 6} {
		visitor.post(business, answerForm(v, "t"+strconv.Itoa(i)))
	}
	_, page = reader.get(results)
	text = cellText(page)
	if !strings.Contains(text, "Tillit 4,0 (5 svar) 4,0 (5 svar) For få har svart til å vise et resultat") {
		t.Errorf("five answers: tillit for everyone, the businesses, not the municipality: %.1200s", text)
	}
	if !strings.Contains(text, "Kultur 4,0 (5 svar)") {
		t.Errorf("five answers: the culture dimension: %.1200s", text)
	}
	if resp, _ := fx.anonymous().get(results); resp.StatusCode != http.StatusNotFound {
		t.Errorf("results not public: a visitor gets %d", resp.StatusCode)
	}

	// A wrong link is not there.
	if resp, _ := visitor.get("/survey/not-a-link-of-this-programme"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("a wrong link: %d", resp.StatusCode)
	}
	if resp, _ := visitor.post("/survey/not-a-link-of-this-programme", answerForm(3, "w")); resp.StatusCode != http.StatusNotFound {
		t.Errorf("an answer through a wrong link: %d", resp.StatusCode)
	}

	// Closed: refused, with a message.
	if resp, _ := admin.post(rounds+"/2026/state", url.Values{"state": {"closed"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("close: %d", resp.StatusCode)
	}
	resp, page = visitor.post(business, answerForm(3, "late"))
	if resp.StatusCode != http.StatusConflict || !strings.Contains(pageText(page), "Denne undersøkelsen er stengt og tar ikke imot flere svar.") {
		t.Errorf("an answer to a closed round: %d %.300s", resp.StatusCode, pageText(page))
	}
	if _, page := visitor.get(business); strings.Contains(page, `type="radio"`) || !strings.Contains(pageText(page), "er stengt") {
		t.Error("a closed round's link still shows the form")
	}
	admin.post(rounds+"/2026/state", url.Values{"state": {"open"}})

	// New links: the old ones stop working.
	_, page = admin.post(rounds+"/2026/links", url.Values{})
	fresh := surveyLinkPattern.FindAllString(page, -1)
	if len(fresh) != 2 || fresh[0] == business {
		t.Fatalf("new links: %v", fresh)
	}
	if resp, _ := visitor.get(business); resp.StatusCode != http.StatusNotFound {
		t.Errorf("an old link: %d", resp.StatusCode)
	}
	if resp, _ := visitor.get(fresh[1]); resp.StatusCode != http.StatusOK {
		t.Errorf("a new link: %d", resp.StatusCode)
	}

	// Opening the same year again, or with a broken set, is refused beside the field.
	resp, page = admin.post(rounds, url.Values{"year": {"2026"}, "groups": {"Kommunen"}, "set": {"default"}})
	if resp.StatusCode != http.StatusConflict || !strings.Contains(pageText(page), "Programmet har allerede en undersøkelse for 2026.") {
		t.Errorf("a second 2026: %d %.400s", resp.StatusCode, pageText(page))
	}
	broken := strings.Replace(string(capacity.DefaultSource), "key: vilje", "key: tillit", 1)
	line := strings.Count(broken[:strings.Index(broken, "key: tillit\n        name:\n          nb: Vilje")], "\n") + 1
	resp, page = admin.post(rounds, url.Values{"year": {"2027"}, "groups": {"Kommunen"}, "set": {"upload"}, "source": {broken}})
	if want := "Linje " + strconv.Itoa(line) + ": nøkkelen «tillit» er brukt to ganger."; resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(pageText(page), want) {
		t.Errorf("a broken set: %d, want %q in %.400s", resp.StatusCode, want, pageText(page))
	}
	resp, page = admin.post(rounds, url.Values{"year": {"tjue"}, "groups": {""}, "set": {"default"}})
	if text := pageText(page); resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(text, "Skriv et årstall") || !strings.Contains(text, "Skriv minst én respondentgruppe.") {
		t.Errorf("an empty form: %d %.400s", resp.StatusCode, text)
	}

	// An earlier year with public results: the trend against it, and a
	// visitor sees that year only.
	_, page = admin.post(rounds, url.Values{"year": {"2025"}, "groups": {"Næringslivet"}, "set": {"default"}, "public": {"on"}})
	old := surveyLinkPattern.FindAllString(page, -1)
	if len(old) != 1 {
		t.Fatalf("the 2025 link: %v", old)
	}
	for i := range 5 {
		visitor.post(old[0], answerForm(3, "old"+strconv.Itoa(i)))
	}
	_, page = reader.get(results)
	text = cellText(page)
	if !strings.Contains(text, "Endring fra 2025") || !strings.Contains(text, "For få har svart til å vise et resultat +1,0") {
		t.Errorf("the trend against 2025: %.1500s", text)
	}
	if !strings.Contains(text, "Tillit 3,0 (5 svar) 4,0 (5 svar)") {
		t.Errorf("the years side by side: %.2000s", text)
	}
	resp, page = fx.anonymous().in("nb").get(results)
	if text := cellText(page); resp.StatusCode != http.StatusOK || !strings.Contains(text, "Undersøkelsen 2025") || strings.Contains(text, "Undersøkelsen 2026") {
		t.Errorf("a visitor sees the public 2025 only: %d %.600s", resp.StatusCode, text)
	}

	// One answer from the municipality: the businesses' five are withheld
	// too, or the total less theirs would be that one answer.
	visitor.post(fresh[1], answerForm(1, "kommunen"))
	_, page = reader.get(results)
	if text := cellText(page); !strings.Contains(text, "Tillit 3,5 (6 svar) Holdt tilbake så svarene til en mindre gruppe ikke kan regnes ut For få har svart til å vise et resultat") {
		t.Errorf("one answer from the municipality: %.1500s", text)
	}

	// A set of the programme's own, uploaded, then picked again next year.
	own := `name: eigen
version: "2"
scale: {min: 1, max: 5, low: {nb: Lite, nn: Lite, en: Little}, high: {nb: Mye, nn: Mykje, en: Much}}
dimensions:
  - key: samfunn
    name: {nb: Samfunn, nn: Samfunn, en: Community}
    indicators:
      - key: dugnad
        name: {nb: Dugnadsånd, nn: Dugnadsånd, en: Community spirit}
`
	_, page = admin.post(rounds, url.Values{"year": {"2027"}, "groups": {"Lag og foreiningar"}, "set": {"upload"}, "source": {own}})
	if got := surveyLinkPattern.FindAllString(page, -1); len(got) != 1 {
		t.Fatalf("a round on an uploaded set: %.500s", pageText(page))
	} else if _, form := visitor.get(got[0]); !strings.Contains(form, "<legend>Dugnadsånd</legend>") || strings.Contains(form, "Tillit") ||
		!strings.Contains(form, "5 – Mye") {
		t.Errorf("the uploaded set's form: %.800s", pageText(form))
	}
	if _, page := admin.get(rounds); !strings.Contains(page, `value="round-2027"`) {
		t.Error("the rounds page does not offer the set used in 2027")
	}
	_, page = admin.post(rounds, url.Values{"year": {"2028"}, "groups": {"Lag og foreiningar"}, "set": {"round-2027"}})
	if got := surveyLinkPattern.FindAllString(page, -1); len(got) != 1 {
		t.Fatalf("a round on the 2027 set: %.500s", pageText(page))
	} else if _, form := visitor.get(got[0]); !strings.Contains(form, "<legend>Dugnadsånd</legend>") {
		t.Errorf("the 2028 form is not on the 2027 set: %.500s", pageText(form))
	}
	if resp, page := admin.post(rounds, url.Values{"year": {"2029"}, "groups": {"X"}, "set": {"round-1999"}}); resp.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(pageText(page), "Velg et av indikatorsettene i listen.") {
		t.Errorf("a set of no round: %d", resp.StatusCode)
	}
}

// The access log keeps no survey link's secret.
func TestLoggedPathHidesSurveyLinks(t *testing.T) {
	if got := loggedPath("/survey/secret-token"); strings.Contains(got, "secret") {
		t.Errorf("logged %q", got)
	}
}
