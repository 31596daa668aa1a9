package e2e_test

import (
	"strings"
	"testing"

	"planverk/e2e"
)

// checked collects what a test checks on every page it reaches: no axe-core
// violation, and valid HTML.
type checked struct {
	docs map[string][]byte
}

func (c *checked) check(t *testing.T, p *e2e.Page, name string) {
	t.Helper()
	p.AssertNoAxeViolations(t)
	c.docs[name] = []byte(p.HTML())
}

// logIn logs in through the form, as a person does.
func logIn(t *testing.T, p *e2e.Page, base, email, password string) {
	t.Helper()
	p.Navigate(base + "/login")
	p.SetValue("#f-email", email)
	p.SetValue("#f-password", password)
	p.ClickAndWait(`form[action="/login"] button[type=submit]`)
}

// TestInviteLogInAndEdit follows a new editor from the invitation link to
// an edited measure: the administrator invites, the editor sets a
// password, makes a mistake the form explains, fixes it and saves, and the
// measure's history shows the change with the editor's name. Every form
// and every error state passes axe-core and the HTML checker.
func TestInviteLogInAndEdit(t *testing.T) {
	e2e.Require(t, e2e.Chromium, e2e.AxeCore, e2e.HTMLChecker)
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) { inviteLogInAndEdit(t, startServerOn(t, engine)) })
	}
}

func inviteLogInAndEdit(t *testing.T, srv *server) {
	c := &checked{docs: map[string][]byte{}}

	admin := e2e.NewBrowser(t).Open(t, srv.URL+"/login")
	c.check(t, admin, "login")
	// A wrong password is refused beside the field.
	logIn(t, admin, srv.URL, adminEmail, "not the password")
	if !strings.Contains(admin.Text(".error-summary"), "wrong") {
		t.Errorf("a wrong password gives no error: %q", admin.Text("main"))
	}
	c.check(t, admin, "login-error")
	logIn(t, admin, srv.URL, adminEmail, adminPassword)
	if !strings.Contains(admin.Text(".account"), "Sara") {
		t.Fatalf("not logged in: %q", admin.Text("header"))
	}

	// The administrator invites an editor.
	admin.Navigate(srv.URL + "/programmes/vest-telemark/members")
	c.check(t, admin, "members")
	admin.SetValue("#f-name", "Eva Redaktør")
	admin.SetValue("#f-email", "eva@example.no")
	admin.SetValue("#f-role", "editor")
	admin.ClickAndWait(`form[action$="/members/invite"] button[type=submit]`)
	link := admin.Text(".notice code")
	if !strings.Contains(link, "/invitations/inv_") {
		t.Fatalf("no invitation link: %q", admin.Text("main"))
	}
	c.check(t, admin, "members-invited")

	// The editor, in a browser of her own, accepts it.
	eva := e2e.NewBrowser(t).Open(t, link)
	c.check(t, eva, "invitation")
	eva.SetValue("#f-password", "evas lange passord")
	eva.SetValue("#f-repeat", "evas lange passord, men feil")
	eva.ClickAndWait(`main form button[type=submit]`)
	if !strings.Contains(eva.Text("#f-repeat-error"), "not the same") {
		t.Errorf("a mismatched repetition is not explained: %q", eva.Text("main"))
	}
	c.check(t, eva, "invitation-error")
	eva.SetValue("#f-password", "evas lange passord")
	eva.SetValue("#f-repeat", "evas lange passord")
	eva.ClickAndWait(`main form button[type=submit]`)
	if !strings.Contains(eva.Text(".account"), "Eva") || !strings.HasSuffix(eva.URL(), "/programmes/vest-telemark") {
		t.Fatalf("after accepting: %s, header %q", eva.URL(), eva.Text("header"))
	}

	// She edits a measure, first leaving out the title.
	measure := srv.URL + "/programmes/vest-telemark/plans/2025/goals/1/measures/1"
	eva.Navigate(measure)
	eva.ClickAndWait(`a[href$="/measures/1/edit"]`)
	if !strings.HasSuffix(eva.URL(), "/measures/1/edit") {
		t.Fatalf("the edit link went to %s: %q", eva.URL(), eva.Text("main"))
	}
	c.check(t, eva, "measure-edit")
	var ignored any
	eva.Eval(`document.querySelector("#f-title").value = ""`, &ignored)
	eva.ClickAndWait(`form.edit button.primary`)
	if eva.Attr("#f-title", "aria-invalid") != "true" || !strings.Contains(eva.Text(".error-summary"), "Fill in") {
		t.Errorf("an empty title is not marked: %q", eva.Text(".error-summary"))
	}
	c.check(t, eva, "measure-edit-error")
	eva.SetValue("#f-title", "Innsikt og kartlegging for ein bustadstrategi")
	eva.ClickAndWait(`form.edit button.primary`)
	if got := eva.Text("h1"); !strings.Contains(got, "Innsikt og kartlegging for ein bustadstrategi") {
		t.Errorf("after saving the measure page says %q", got)
	}
	c.check(t, eva, "measure-saved")
	eva.ClickAndWait(`a[href$="/measures/1/history"]`)
	if h := eva.Text("main"); !strings.Contains(h, "Eva Redaktør") || !strings.Contains(h, "Innsikt og kartlegging for ein bustadstrategi") {
		t.Errorf("the history lacks the change or its author: %q", h)
	}
	c.check(t, eva, "measure-history")

	// An editor may not manage members.
	if status := eva.Navigate(srv.URL + "/programmes/vest-telemark/members"); status != 403 {
		t.Errorf("an editor opening the members page: status %d, want 403", status)
	}
	c.check(t, eva, "forbidden")
	e2e.AssertValidHTMLFiles(t, c.docs)
}

// TestConflictInBrowser: two people edit the same measure; the second save
// is refused with the first person's change shown and the second person's
// text kept, and the page passes axe-core.
func TestConflictInBrowser(t *testing.T) {
	e2e.Require(t, e2e.Chromium, e2e.AxeCore, e2e.HTMLChecker)
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) { conflictInBrowser(t, startServerOn(t, engine)) })
	}
}

func conflictInBrowser(t *testing.T, srv *server) {
	edit := srv.URL + "/programmes/vest-telemark/plans/2025/goals/2/measures/2/edit"
	first := e2e.NewBrowser(t).Open(t, srv.URL+"/login")
	logIn(t, first, srv.URL, adminEmail, adminPassword)
	second := e2e.NewBrowser(t).Open(t, srv.URL+"/login")
	logIn(t, second, srv.URL, adminEmail, adminPassword)
	first.Navigate(edit)
	second.Navigate(edit)

	first.SetValue("#f-title", "Tittelen den første skreiv")
	first.ClickAndWait(`form.edit button.primary`)
	second.SetValue("#f-summary", "Samandraget den andre skreiv")
	if status := second.ClickAndWait(`form.edit button.primary`); status != 409 {
		t.Fatalf("the stale save answered %d, want 409", status)
	}
	if got := second.Text(".conflict"); !strings.Contains(got, "Tittelen den første skreiv") {
		t.Errorf("the conflict does not show the other change: %q", got)
	}
	var got string
	second.Eval(`document.querySelector("#f-summary").value`, &got)
	if !strings.Contains(got, "Samandraget den andre skreiv") {
		t.Errorf("what the second person typed is gone: %q", got)
	}
	second.AssertNoAxeViolations(t)
	e2e.AssertValidHTMLFiles(t, map[string][]byte{"conflict": []byte(second.HTML())})

	// Saving again keeps both changes.
	second.ClickAndWait(`form.edit button.primary`)
	if got := second.Text("h1"); !strings.Contains(got, "Tittelen den første skreiv") {
		t.Errorf("after saving again the title is %q", got)
	}
	if got := second.Text("main"); !strings.Contains(got, "Samandraget den andre skreiv") {
		t.Errorf("after saving again the summary is lost")
	}
}

// editPages are the forms of the web application, as a system
// administrator opens them.
var editPages = []string{
	"/account",
	"/users",
	"/programmes/new",
	"/programmes/vest-telemark/edit",
	"/programmes/vest-telemark/members",
	"/organisations/new",
	"/organisations/husbanken/edit",
	"/programmes/vest-telemark/plans/2025/edit",
	"/programmes/vest-telemark/plans/2025/history",
	"/programmes/vest-telemark/plans/2025/goals/new",
	"/programmes/vest-telemark/plans/2025/goals/1/edit",
	"/programmes/vest-telemark/plans/2025/goals/1/measures/new",
	"/programmes/vest-telemark/plans/2025/goals/2/measures/2/edit",
	"/programmes/vest-telemark/plans/2025/targets/edit",
	"/programmes/vest-telemark/plans/2025/anchoring/edit",
	"/programmes/vest-telemark/plans/2025/approvals/edit",
	"/programmes/vest-telemark/plans/2025/budgets/period/edit",
	"/programmes/vest-telemark/plans/2025/financing/2025/edit",
	"/programmes/vest-telemark/plans/2025/sources/edit",
	"/programmes/driv/plans/2025/financing/2025/edit",
	"/programmes/vest-telemark/plans/2025/budgets/period/import",
	"/programmes/driv/plans/2025/financing/2025/import",
	"/programmes/vest-telemark/plans/2025/revision/edit",
	"/programmes/vest-telemark/plans/2025/cycle",
	"/waiting",
	"/admin/evaluation-templates",
	"/programmes/driv/projects/new",
	"/programmes/driv/projects/import",
	"/programmes/vest-telemark/assessments",
	"/programmes/vest-telemark/assessments/2025/edit",
}

// Every form, in every language, passes axe-core with no violation and is
// valid HTML, as does a budget form showing an error beside an amount.
func TestEditPagesAccessible(t *testing.T) {
	e2e.Require(t, e2e.Chromium, e2e.AxeCore, e2e.HTMLChecker)
	srv := startServer(t)
	p := e2e.NewBrowser(t).Open(t, srv.URL+"/login")
	logIn(t, p, srv.URL, adminEmail, adminPassword)
	docs := map[string][]byte{}
	for _, lang := range []string{"nb", "nn", "en"} {
		p.Navigate(srv.URL + "/")
		p.ClickAndWait(`.langs button[value="` + lang + `"]`)
		for _, path := range editPages {
			t.Run(lang+path, func(t *testing.T) {
				p := p.For(t)
				if status := p.Navigate(srv.URL + path); status != 200 {
					t.Fatalf("status %d", status)
				}
				p.AssertNoAxeViolations(t)
				docs[lang+path] = []byte(p.HTML())
			})
		}
	}
	// An amount that is not one, in the budget grid.
	p.Navigate(srv.URL + "/programmes/vest-telemark/plans/2025/budgets/period/edit")
	p.SetValue(`table input.amount`, "mange pengar")
	if status := p.ClickAndWait(`form.edit button.primary`); status != 422 {
		t.Errorf("a bad amount answered %d, want 422", status)
	}
	p.AssertNoAxeViolations(t)
	docs["budget-error"] = []byte(p.HTML())
	e2e.AssertValidHTMLFiles(t, docs)
}
