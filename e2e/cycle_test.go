package e2e_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp/kb"

	"planverk/e2e"
)

// The keyboard-only walk through a plan's yearly cycle. A person who
// cannot use a mouse reaches every field, link and button with Tab, fills
// text by typing, picks from a list with the arrow keys, ticks with Space
// and sends with Enter; nothing here clicks or submits a form by script.
// Reading the page (its text, a field's value) is what a screen reader
// does, and is allowed.

// maxTabs limits the Tabs spent looking for one element: the revision
// form of a plan with fifteen measures is the longest walk.
const maxTabs = 400

// focusMatches reports whether the focused element matches the CSS
// selector.
func focusMatches(p *e2e.Page, selector string) bool {
	var ok bool
	p.Eval(fmt.Sprintf(`(() => { const e = document.activeElement; return !!e && e !== document.body && e.matches(%q); })()`, selector), &ok)
	return ok
}

// tabTo presses Tab until the element that matches the selector has the
// focus, and fails the test when it cannot be reached: an element that Tab
// never reaches is one a keyboard user cannot use. Each element passed on
// the way must show that it has the focus.
func tabTo(t *testing.T, p *e2e.Page, selector string) {
	t.Helper()
	if focusMatches(p, selector) {
		return
	}
	first := ""
	for i := 0; i < maxTabs; i++ {
		p.PressTab()
		if focusMatches(p, selector) {
			return
		}
		f := p.FocusedElement()
		if f.Tag != "body" && !f.FocusVisible {
			t.Errorf("%s: Tab %d reaches %s with no visible focus", p.URL(), i+1, f)
		}
		// Tab that comes back where it began has gone round the page.
		if f.Selector != "" && f.Selector == first {
			break
		}
		if first == "" && f.Tag != "body" {
			first = f.Selector
		}
	}
	t.Fatalf("%s: Tab does not reach %s", p.URL(), selector)
}

// fromMain follows the skip link, so that the next Tab starts in the
// page's main content rather than in the site's header.
func fromMain(t *testing.T, p *e2e.Page) {
	t.Helper()
	p.PressTab()
	if f := p.FocusedElement(); f.Href != "#main" {
		t.Fatalf("%s: the first Tab reaches %s, not the skip link", p.URL(), f)
	}
	p.Press(kb.Enter)
}

// typeInto tabs to a text field and types text into it. Tab selects what a
// text field holds, so the typing replaces it; a text area is typed into
// when it is empty.
func typeInto(t *testing.T, p *e2e.Page, selector, text string) {
	t.Helper()
	tabTo(t, p, selector)
	var tag string
	p.Eval(`document.activeElement.localName`, &tag)
	if tag == "textarea" {
		// Tab puts the caret in a text area without selecting it.
		var v string
		p.Eval(`document.activeElement.value`, &v)
		if v != "" {
			t.Fatalf("%s: %s is not empty: %q", p.URL(), selector, v)
		}
	}
	p.Press(text)
	if got := valueOf(p, selector); got != text {
		t.Fatalf("%s: typed %q into %s, and it holds %q", p.URL(), text, selector, got)
	}
}

func valueOf(p *e2e.Page, selector string) string {
	var v string
	p.Eval(fmt.Sprintf(`document.querySelector(%q).value`, selector), &v)
	return v
}

// choose tabs to a list and moves through it with the arrow keys until the
// option with the value is chosen.
func choose(t *testing.T, p *e2e.Page, selector, value string) {
	t.Helper()
	tabTo(t, p, selector)
	p.Press(kb.Home)
	for i := 0; i < 50; i++ {
		if valueOf(p, selector) == value {
			return
		}
		p.Press(kb.ArrowDown)
	}
	t.Fatalf("%s: the arrow keys do not reach %q in %s", p.URL(), value, selector)
}

// tick tabs to a check box and ticks it with Space.
func tick(t *testing.T, p *e2e.Page, selector string) {
	t.Helper()
	tabTo(t, p, selector)
	p.Press(" ")
	var on bool
	p.Eval(fmt.Sprintf(`document.querySelector(%q).checked`, selector), &on)
	if !on {
		t.Fatalf("%s: Space does not tick %s", p.URL(), selector)
	}
}

// press tabs to a link or button and presses Enter on it, and waits for
// the page it leads to; it returns that page's HTTP status.
func press(t *testing.T, p *e2e.Page, selector string) int {
	t.Helper()
	tabTo(t, p, selector)
	return p.PressAndWait(kb.Enter)
}

// keyboardLogIn logs in with the keyboard, and chooses the language.
func keyboardLogIn(t *testing.T, p *e2e.Page, base, email, password, lang string) {
	t.Helper()
	p.Navigate(base + "/login")
	fromMain(t, p)
	typeInto(t, p, "#f-email", email)
	typeInto(t, p, "#f-password", password)
	p.PressAndWait(kb.Enter) // sends the form the password is in
	if got := p.Text(".account"); strings.Contains(got, "/login") || !strings.Contains(p.HTML(), `action="/logout"`) {
		t.Fatalf("%s is not logged in: %q", email, got)
	}
	press(t, p, `.langs button[value="`+lang+`"]`)
}

// keyboardMember invites a member of Vest-Telemark who works for org, as
// the administrator on the members page, and accepts the invitation in a
// browser of the member's own; it returns the member's page, logged in.
func keyboardMember(t *testing.T, admin *e2e.Page, base, name, email, org, role, lang string) *e2e.Page {
	t.Helper()
	admin.Navigate(base + "/programmes/vest-telemark/members")
	fromMain(t, admin)
	typeInto(t, admin, "#f-name", name)
	typeInto(t, admin, "#f-email", email)
	typeInto(t, admin, "#f-organisation", org)
	choose(t, admin, "#f-role", role)
	press(t, admin, `form[action$="/members/invite"] button[type=submit]`)
	link := admin.Text(".notice code")
	if !strings.Contains(link, "/invitations/") {
		t.Fatalf("no invitation link for %s: %q", name, admin.Text("main"))
	}
	p := e2e.NewBrowser(t).Open(t, link)
	fromMain(t, p)
	password := "eit langt passord for " + email
	typeInto(t, p, "#f-password", password)
	typeInto(t, p, "#f-repeat", password)
	p.PressAndWait(kb.Enter)
	if !strings.Contains(p.Text(".account"), name) {
		t.Fatalf("%s is not logged in after the invitation: %q", name, p.Text("header"))
	}
	press(t, p, `.langs button[value="`+lang+`"]`)
	return p
}

// inLanguages checks the pages in each of langs, each chosen with the
// keyboard, and then goes back to the language restore.
func inLanguages(t *testing.T, c *checked, p *e2e.Page, base string, langs []string, restore string, paths ...string) {
	t.Helper()
	choose := func(lang string) {
		p.Navigate(base + "/")
		press(t, p, `.langs button[value="`+lang+`"]`)
	}
	for _, lang := range langs {
		choose(lang)
		for _, path := range paths {
			if status := p.Navigate(base + path); status != 200 {
				t.Errorf("%s in %s: status %d", path, lang, status)
				continue
			}
			c.check(t, p, lang+path)
		}
	}
	choose(restore)
}

// summaryFocused waits up to two seconds for the error summary to take the
// focus (the browser runs autofocus when it next renders the page, a moment
// after the load event) and returns what has the focus then.
func summaryFocused(p *e2e.Page) e2e.Focused {
	p.Eval(`new Promise((done) => {
		const until = Date.now() + 2000;
		const wait = () => {
			const e = document.activeElement;
			if ((e && e.matches(".error-summary")) || Date.now() > until) return done();
			setTimeout(wait, 20);
		};
		wait();
	})`, nil)
	return p.FocusedElement()
}

// stage is what the page says of where the plan stands.
func stage(p *e2e.Page) string { return p.Text(".stage") }

// TestCycleByKeyboard takes Vest-Telemark from its anchored 2025 plan to an
// approved 2026 plan with the keyboard alone: the ministry approves 2025,
// the administrator starts 2026, changes, ends and adds a measure, fills
// the dispositions and proposes; Tokke's member records Tokke's executive
// committee and council (first with a council date before the committee's,
// which the form explains), the other five municipalities are recorded by
// the administrator, and the ministry's reviewer approves. Every page on
// the way passes axe-core and the HTML checker.
func TestCycleByKeyboard(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) { cycleByKeyboard(t, startServerOn(t, engine)) })
	}
}

func cycleByKeyboard(t *testing.T, srv *server) {
	c := &checked{docs: map[string][]byte{}}
	const vt = "/programmes/vest-telemark/plans/"

	admin := e2e.NewBrowser(t).Open(t, "")
	keyboardLogIn(t, admin, srv.URL, adminEmail, adminPassword, "en")
	tokke := keyboardMember(t, admin, srv.URL, "Tone Tokke", "tone@tokke.kommune.no", "tokke-kommune", "reader", "nn")
	kdd := keyboardMember(t, admin, srv.URL, "Kari Departement", "kari@kdd.dep.no", "kdd", "reviewer", "nb")

	// The ministry's list says what waits for it, a link away from every
	// page: 2025's approval.
	kdd.Navigate(srv.URL + "/")
	press(t, kdd, `.account a[href="/waiting"]`)
	if got := kdd.Text("main"); !strings.Contains(got, "godkjenning fra Kommunal- og distriktsdepartementet") {
		t.Fatalf("KDD's list lacks the approval of 2025: %q", got)
	}
	c.check(t, kdd, "waiting-kdd-nb")
	fromMain(t, kdd)
	press(t, kdd, `a[href*="2025/steps/approval"]`)
	c.check(t, kdd, "approval-2025-nb")
	fromMain(t, kdd)
	typeInto(t, kdd, "#f-date", "30.06.2025")
	typeInto(t, kdd, "#f-case_ref", "25/1234")
	typeInto(t, kdd, "#f-amount-kdd-post-66", "5 000 000")
	press(t, kdd, `form.edit button.primary`)
	if got := stage(kdd); !strings.Contains(got, "Godkjent som grunnlag for utbetaling") {
		t.Fatalf("after the approval of 2025 the stage is %q", got)
	}
	c.check(t, kdd, "cycle-2025-approved-nb")

	// The administrator starts 2026 from the approved 2025, from the
	// plan's page by way of its cycle.
	admin.Navigate(srv.URL + vt + "2025")
	fromMain(t, admin)
	press(t, admin, `.draft-banner a[href$="/cycle"]`)
	if got := admin.Text("h1"); got != "The 2025 cycle" {
		t.Errorf("the cycle page is headed %q", got)
	}
	c.check(t, admin, "cycle-2025-en")
	press(t, admin, `form[action$="/next"] button`)
	if !strings.HasSuffix(admin.URL(), vt+"2026/revision/edit") {
		t.Fatalf("starting 2026 leads to %s", admin.URL())
	}
	c.check(t, admin, "revision-edit-started-en")

	// Measure 1.1 runs a year less, 3.4 ends, goal 1 gets a new measure.
	admin.Navigate(srv.URL + vt + "2026/goals/1/measures/1/edit")
	fromMain(t, admin)
	typeInto(t, admin, "#f-time_to", "2027")
	press(t, admin, `form.edit button.primary`)
	admin.Navigate(srv.URL + vt + "2026/goals/3/measures/4/edit")
	fromMain(t, admin)
	choose(t, admin, "#f-status", "ended")
	press(t, admin, `form.edit button.primary`)
	admin.Navigate(srv.URL + vt + "2026/goals/1/measures/new")
	fromMain(t, admin)
	typeInto(t, admin, "#f-title", "Bustadrettleiar i kvar kommune")
	press(t, admin, `form.edit button.primary`)

	// The proposal is refused while the revision lacks its reasons.
	admin.Navigate(srv.URL + vt + "2026/cycle")
	fromMain(t, admin)
	press(t, admin, `a[href$="/steps/proposal"]`)
	if got := admin.Text("main"); !strings.Contains(got, "cannot be proposed yet") {
		t.Errorf("the proposal form does not say why it cannot be sent yet: %q", got)
	}
	c.check(t, admin, "proposal-blocked-en")

	// The revision form: why 1.1 changed, what 3.4 achieved, what kind of
	// measure the new one is.
	fromMain(t, admin)
	press(t, admin, `.error-summary a[href$="/revision/edit"]`)
	c.check(t, admin, "revision-edit-en")
	fieldOf := func(title, suffix string) string {
		t.Helper()
		var id string
		admin.Eval(fmt.Sprintf(`(() => {
			for (const fs of document.querySelectorAll("fieldset.revision-row")) {
				if (fs.querySelector("legend").textContent.includes(%q)) {
					const e = fs.querySelector('[name$="' + %q + '"]');
					return e ? e.id : "";
				}
			}
			return "";
		})()`, title, suffix), &id)
		if id == "" {
			t.Fatalf("the revision form has no %s field for %q", suffix, title)
		}
		return "#" + id
	}
	fromMain(t, admin)
	typeInto(t, admin, fieldOf("1.1 ", "-reason"), "Kartlegginga tek eit år ekstra.")
	choose(t, admin, fieldOf("Bustadrettleiar", "-new"), "with-state-money")
	amount := fieldOf("Bustadrettleiar", "-amount")
	typeInto(t, admin, amount, "fire hundre tusen")
	typeInto(t, admin, fieldOf("3.4 ", "-assessment"), "Ti lærlingar fekk læreplass.")
	tick(t, admin, "#f-section-0-reviewed")
	// An amount in words is refused beside its field, and the rest is kept.
	if status := press(t, admin, `form.edit button.primary`); status != 422 {
		t.Errorf("an amount in words answered %d, want 422", status)
	}
	if f := summaryFocused(admin); f.Role != "alert" {
		t.Errorf("after the refused amount the focus is on %s, not the error summary", f)
	}
	if got := admin.Text(".error-summary"); !strings.Contains(got, "fire hundre tusen") {
		t.Errorf("the error summary says %q", got)
	}
	if admin.Attr(amount, "aria-invalid") != "true" {
		t.Errorf("the amount is not marked as wrong")
	}
	if got := valueOf(admin, fieldOf("3.4 ", "-assessment")); got != "Ti lærlingar fekk læreplass." {
		t.Errorf("the assessment typed is lost: %q", got)
	}
	c.check(t, admin, "revision-error-en")
	typeInto(t, admin, amount, "400 000")
	press(t, admin, `form.edit button.primary`)
	c.check(t, admin, "revision-saved-en")

	admin.Navigate(srv.URL + vt + "2026/revision")
	report := admin.Text("main")
	for _, want := range []string{"1 new measure", "Bustadrettleiar i kvar kommune", "400\u00a0000",
		"Kartlegginga tek eit år ekstra.", "Ti lærlingar fekk læreplass."} {
		if !strings.Contains(report, want) {
			t.Errorf("the revision report lacks %q: %s", want, report)
		}
	}
	c.check(t, admin, "revision-report-en")

	// The proposal.
	admin.Navigate(srv.URL + vt + "2026/cycle")
	fromMain(t, admin)
	press(t, admin, `a[href$="/steps/proposal"]`)
	if n := admin.Count(".error-summary"); n != 0 {
		t.Errorf("with the revision filled the proposal is still blocked: %q", admin.Text(".error-summary"))
	}
	c.check(t, admin, "proposal-en")
	inLanguages(t, c, admin, srv.URL, []string{"nb", "nn"}, "en", vt+"2026/steps/proposal", vt+"2026/revision/edit", vt+"2026/revision")
	admin.Navigate(srv.URL + vt + "2026/steps/proposal")
	fromMain(t, admin)
	typeInto(t, admin, "#f-date", "05.05.2026")
	typeInto(t, admin, "#f-case_ref", "SG 2/26")
	press(t, admin, `form.edit button.primary`)
	if got := stage(admin); !strings.Contains(got, "Proposed, being anchored politically") {
		t.Fatalf("after the proposal the stage is %q", got)
	}
	c.check(t, admin, "cycle-2026-proposed-en")
	inLanguages(t, c, admin, srv.URL, []string{"nb", "nn", "en"}, "en",
		vt+"2026/steps/executive-committee?organisation=vinje-kommune", vt+"2026/steps/council?organisation=vinje-kommune",
		vt+"2026/steps/approval?organisation=kdd")

	// Tokke's member finds Tokke's executive committee on her list.
	tokke.Navigate(srv.URL + "/programmes/vest-telemark")
	press(t, tokke, `.account a[href="/waiting"]`)
	if got := tokke.Text("main"); !strings.Contains(got, "Tokke kommune, formannskapet") {
		t.Errorf("Tokke's list lacks its executive committee: %q", got)
	}
	c.check(t, tokke, "waiting-tokke-nn")
	fromMain(t, tokke)
	press(t, tokke, `a[href*="2026/steps/executive-committee"]`)
	c.check(t, tokke, "executive-committee-nn")
	fromMain(t, tokke)
	typeInto(t, tokke, "#f-date", "20.05.2026")
	typeInto(t, tokke, "#f-case_ref", "26/10")
	press(t, tokke, `form.edit button.primary`)

	// Her council, first dated before the executive committee.
	tokke.Navigate(srv.URL + "/waiting")
	fromMain(t, tokke)
	press(t, tokke, `a[href*="2026/steps/council"]`)
	c.check(t, tokke, "council-nn")
	fromMain(t, tokke)
	typeInto(t, tokke, "#f-date", "10.05.2026")
	typeInto(t, tokke, "#f-case_ref", "26/11")
	if status := press(t, tokke, `form.edit button.primary`); status != 422 {
		t.Errorf("a council before the executive committee answered %d, want 422", status)
	}
	if f := summaryFocused(tokke); f.Role != "alert" || f.Name != "Skjemaet har feil" {
		t.Errorf("after the refused date the focus is on %s, not the error summary", f)
	}
	summary := tokke.Text(".error-summary")
	if !strings.Contains(summary, "20.05.2026") {
		t.Errorf("the error summary does not give the committee's date: %q", summary)
	}
	if href := tokke.Attr(".error-summary a", "href"); href != "#f-date" {
		t.Errorf("the error summary links to %q, not the date field", href)
	}
	if tokke.Attr("#f-date", "aria-invalid") != "true" || !strings.Contains(tokke.Attr("#f-date", "aria-describedby"), "f-date-error") {
		t.Errorf("the date field is not marked and described by its error")
	}
	if got := tokke.Text(`label[for="f-date"]`); got != "Dato for vedtaket" {
		t.Errorf("the field the error is about is labelled %q", got)
	}
	if got := tokke.Text("#f-date-error"); !strings.Contains(got, "20.05.2026") {
		t.Errorf("beside the date field: %q", got)
	}
	c.check(t, tokke, "council-error-nn")
	// The summary's link leads to the field (where Chrome puts the focus;
	// following it is not tested here, since the Enter that chromedp
	// sends as separate key events would reach the field too and send
	// the form). What was typed is kept.
	if got := valueOf(tokke, "#f-case_ref"); got != "26/11" {
		t.Errorf("the case number typed is lost: %q", got)
	}
	// From the summary, which has the focus, Tab goes on to the fields.
	typeInto(t, tokke, "#f-date", "10.06.2026")
	press(t, tokke, `form.edit button.primary`)
	if got := tokke.Text("main"); !strings.Contains(got, "Tokke kommune, kommunestyret") {
		t.Errorf("the cycle does not show Tokke's council: %q", got)
	}
	c.check(t, tokke, "cycle-2026-tokke-nn")

	// The administrator records the other five, from the cycle page's
	// list of what the plan waits for.
	for i := 0; i < 10; i++ {
		admin.Navigate(srv.URL + vt + "2026/cycle")
		if admin.Count(`.waiting a[href*="/steps/executive-committee"], .waiting a[href*="/steps/council"]`) == 0 {
			break
		}
		fromMain(t, admin)
		press(t, admin, `.waiting a[href*="/steps/executive-committee"], .waiting a[href*="/steps/council"]`)
		date := "21.05.2026"
		if strings.Contains(admin.URL(), "/council") {
			date = "11.06.2026"
		}
		fromMain(t, admin)
		typeInto(t, admin, "#f-date", date)
		press(t, admin, `form.edit button.primary`)
	}
	if got := stage(admin); !strings.Contains(got, "Politically anchored, waiting for the funder's approval") {
		t.Fatalf("after six councils the stage is %q", got)
	}
	c.check(t, admin, "cycle-2026-anchored-en")

	// The ministry approves, first before the anchoring was complete.
	kdd.Navigate(srv.URL + "/waiting")
	fromMain(t, kdd)
	press(t, kdd, `a[href*="2026/steps/approval"]`)
	fromMain(t, kdd)
	typeInto(t, kdd, "#f-date", "01.06.2026")
	typeInto(t, kdd, "#f-case_ref", "26/777")
	typeInto(t, kdd, "#f-amount-kdd-post-66", "5 500 000")
	if status := press(t, kdd, `form.edit button.primary`); status != 422 {
		t.Errorf("an approval before the anchoring answered %d, want 422", status)
	}
	if got := kdd.Text("#f-date-error"); !strings.Contains(got, "11.06.2026") {
		t.Errorf("beside the approval's date: %q", got)
	}
	c.check(t, kdd, "approval-error-nb")
	if f := summaryFocused(kdd); f.Role != "alert" {
		t.Errorf("after the refused approval the focus is on %s, not the error summary", f)
	}
	typeInto(t, kdd, "#f-date", "30.06.2026")
	press(t, kdd, `form.edit button.primary`)
	if got := stage(kdd); !strings.Contains(got, "Godkjent som grunnlag for utbetaling") {
		t.Fatalf("after the approval of 2026 the stage is %q", got)
	}
	c.check(t, kdd, "cycle-2026-approved-nb")

	// A visitor reads the approved 2026 plan, and follows the banner to
	// its release and its download.
	visitor := e2e.NewBrowser(t).Open(t, srv.URL+vt+"2026")
	if got := visitor.Text(".release-banner"); !strings.Contains(got, "Approved version") {
		t.Errorf("the visitor's 2026 banner says %q", got)
	}
	fromMain(t, visitor)
	press(t, visitor, `.release-banner a[href$="/cycle"]`)
	c.check(t, visitor, "cycle-2026-visitor-en")
	fromMain(t, visitor)
	press(t, visitor, `.timeline li:last-child a[href*="/releases/"]`)
	if got := visitor.Text("main"); !strings.Contains(got, "Bustadrettleiar i kvar kommune") {
		t.Errorf("the release lacks the new measure")
	}
	c.check(t, visitor, "release-en")
	release := strings.TrimPrefix(visitor.URL(), srv.URL)
	if status, body := get(t, srv.URL+release+"/plan.yaml", "nb"); status != 200 || !strings.Contains(body, "Bustadrettleiar i kvar kommune") {
		t.Errorf("downloading the release: %d", status)
	}

	// The pages that only show, in every language.
	inLanguages(t, c, admin, srv.URL, []string{"nb", "nn", "en"}, "en",
		"/programmes/vest-telemark", vt+"2025/cycle", vt+"2026/cycle", vt+"2026/revision", release, vt+"2025/changes", "/waiting")

	// At 320 CSS pixels (WCAG 1.4.10) none of them scrolls sideways.
	admin.SetViewport(320, 800)
	for _, path := range []string{vt + "2026/cycle", vt + "2026/revision", release, "/waiting"} {
		admin.Navigate(srv.URL + path)
		if over := admin.HorizontalOverflow(); over > 0 {
			t.Errorf("at 320 px %s scrolls sideways by %d px", path, over)
		}
	}
	e2e.AssertValidHTMLFiles(t, c.docs)
}
