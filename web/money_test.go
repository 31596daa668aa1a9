package web

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"planverk/auth"
	"planverk/plan"
)

// moneyUser makes a user with a role in both example programmes and
// returns their browser, logged in.
func moneyUser(fx *fixture, email string, role auth.Role) *client {
	fx.t.Helper()
	u := fx.user(email, "", false, "driv", role)
	if err := fx.store.SetRole(context.Background(), u.ID, "vest-telemark", role); err != nil {
		fx.t.Fatal(err)
	}
	return fx.login(email)
}

const (
	moneyVTPlan      = "/programmes/vest-telemark/plans/2025"
	moneyVTBudget    = moneyVTPlan + "/budgets/period/edit"
	moneyVTFinance   = moneyVTPlan + "/financing/2025/edit"
	moneyDrivPlan    = "/programmes/driv/plans/2025"
	moneyDrivFinance = moneyDrivPlan + "/financing/2025/edit"
)

// nb writes an amount the way pages do, with no-break spaces.
func moneyNB(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") }

func TestMoneyParseAmountInput(t *testing.T) {
	good := map[string]plan.Amount{
		"1 170 000": 1170000, "1170000": 1170000, "1 170 000 kr": 1170000, "1\u00a0170\u00a0000": 1170000,
		"kr 1 170 000": 1170000, "3.500.000,-": 3500000, " 0 ": 0, "1\u202f170\u202f000 kr.": 1170000,
	}
	for in, want := range good {
		a, ok := parseAmountInput(in)
		if !ok || a == nil || *a != want {
			t.Errorf("parseAmountInput(%q) = %v, %v; want %d", in, a, ok, want)
		}
	}
	if a, ok := parseAmountInput("  "); !ok || a != nil {
		t.Errorf("an empty field must be an amount not given (nil), got %v, %v", a, ok)
	}
	for _, in := range []string{"12,5", "abc", "1 00 000", "1,5 mill", "kr", "12.5"} {
		if a, ok := parseAmountInput(in); ok {
			t.Errorf("parseAmountInput(%q) = %v, want refused", in, *a)
		}
	}
}

// The form shows the amounts as the plan page does, each field named by
// its line and year for screen readers, and the computed totals beside.
func TestMoneyBudgetFormShowsAmounts(t *testing.T) {
	fx := newFixture(t, "sqlite")
	editor := moneyUser(fx, "redaktor@example.no", auth.RoleEditor)
	resp, page := editor.get(moneyVTBudget)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET budget form: %d\n%s", resp.StatusCode, page)
	}
	if got := editForm(page).Get("line-0-y2026"); got != moneyNB("5 000 000") {
		t.Errorf("bustader 2026 shows %q, want %q", got, moneyNB("5 000 000"))
	}
	if got := editForm(page).Get("line-0-printed"); got != moneyNB("10 800 000") {
		t.Errorf("printed total shows %q", got)
	}
	if got := editForm(page).Get("printed-total"); got != moneyNB("22 000 000") {
		t.Errorf("printed SUM shows %q", got)
	}
	for _, want := range []string{
		`<label class="visually-hidden" for="f-line-0-y2026"><span lang="nn">Fleire eigna bustader i Vest-Telemark</span>, <span>2026</span></label>`,
		`<caption id="grid-caption">`, `role="region" aria-labelledby="grid-caption" tabindex="0"`,
		`<th scope="col" class="num">2026</th>`,
		// The computed grand total, for reference.
		moneyNB("22 000 000"),
	} {
		if !strings.Contains(page, want) {
			t.Errorf("budget form lacks %q", want)
		}
	}
	resp, page = editor.get(moneyDrivFinance)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET financing form: %d\n%s", resp.StatusCode, page)
	}
	if got := editForm(page).Get("row-0-c_drangedal_amount"); got != moneyNB("1 170 000") {
		t.Errorf("Drangedal's share shows %q, want %q", got, moneyNB("1 170 000"))
	}
	if got := editForm(page).Get("row-0-c_fylkeskommunen_share"); got != "75%" {
		t.Errorf("the county's share shows %q, want it as written, 75%%", got)
	}
}

// Changing one amount changes exactly that amount; the plan page then
// shows the new computed total, and flags the printed totals that no
// longer agree — the save is allowed.
func TestMoneyBudgetSaveOneAmount(t *testing.T) {
	fx := newFixture(t, "sqlite")
	editor := moneyUser(fx, "redaktor@example.no", auth.RoleEditor)
	before, v0 := latest(t, fx, "vest-telemark")
	_, page := editor.get(moneyVTBudget)
	form := editForm(page)
	form.Set("line-0-y2026", "5 100 000 kr")
	resp, body := editor.post(moneyVTBudget, form)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", resp.StatusCode, body)
	}
	if resp.Header.Get("Location") != moneyVTPlan+"#budget-period" {
		t.Errorf("save sends to %q", resp.Header.Get("Location"))
	}
	after, v1 := latest(t, fx, "vest-telemark")
	if v1.Version != v0.Version+1 {
		t.Errorf("version %d after save, want %d", v1.Version, v0.Version+1)
	}
	changes := plan.Diff(before, after)
	if len(changes) != 1 || changes[0].Path != "plan.budgets[period].lines[bustader].amounts[2026]" || changes[0].After != "5100000" {
		t.Fatalf("changes = %+v, want exactly bustader 2026 to 5100000", changes)
	}
	_, planPage := editor.get(moneyVTPlan)
	for _, want := range []string{
		moneyNB("10 900 000"), // the line's computed total
		moneyNB("10 600 000"), // 2026's computed total
		moneyNB("22 100 000"), // the computed grand total
		"oppgitt: " + moneyNB("10 800 000"),
		"dette beløpet (" + moneyNB("5 100 000") + ") stemmer ikke",
	} {
		if !strings.Contains(planPage, want) {
			t.Errorf("plan page lacks %q", want)
		}
	}
	if !strings.Contains(planPage, `href="`+moneyVTBudget+`"`) {
		t.Error("plan page has no edit link for an editor")
	}
}

// Amounts that are not whole kroner are refused beside their field, with
// the line and year named and what was typed kept; nothing is saved.
func TestMoneyBudgetRefusesBadAmounts(t *testing.T) {
	fx := newFixture(t, "sqlite")
	editor := moneyUser(fx, "redaktor@example.no", auth.RoleEditor)
	_, v0 := latest(t, fx, "vest-telemark")
	_, page := editor.get(moneyVTBudget)
	for _, typed := range []string{"12,5", "abc"} {
		form := editForm(page)
		form.Set("line-0-y2026", typed)
		resp, body := editor.post(moneyVTBudget, form)
		if resp.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("%q: status %d, want 422", typed, resp.StatusCode)
		}
		want := "Linje «Fleire eigna bustader i Vest-Telemark», 2026: skriv et helt kronebeløp"
		if got := errorBeside(body, "line-0-y2026"); !strings.Contains(got, want) {
			t.Errorf("%q: message beside the field is %q, want %q", typed, got, want)
		}
		if got := editForm(body).Get("line-0-y2026"); got != typed {
			t.Errorf("%q: field shows %q, want what was typed", typed, got)
		}
		if !strings.Contains(body, `href="#f-line-0-y2026"`) {
			t.Errorf("%q: the error summary does not link to the field", typed)
		}
		if !strings.Contains(body, `id="f-line-0-y2026" name="line-0-y2026" value="`+html.EscapeString(typed)+`" size="11" autocomplete="off" aria-invalid="true" aria-describedby="f-line-0-y2026-error"`) {
			t.Errorf("%q: the field is not marked invalid and described by its message", typed)
		}
	}
	if _, v := latest(t, fx, "vest-telemark"); v.Version != v0.Version {
		t.Errorf("version %d after refused saves, want %d", v.Version, v0.Version)
	}
}

// A form opened before someone else saved is refused with 409: nothing is
// saved, what was typed stays, and the other change is listed.
func TestMoneyBudgetStale(t *testing.T) {
	fx := newFixture(t, "sqlite")
	editor := moneyUser(fx, "redaktor@example.no", auth.RoleEditor)
	// Two forms opened on the same version, as in two browser tabs.
	_, page := editor.get(moneyVTBudget)
	first := editForm(page)
	_, page = editor.get(moneyVTBudget)
	second := editForm(page)
	first.Set("line-1-y2026", "2 100 000")
	if resp, body := editor.post(moneyVTBudget, first); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("first save: %d\n%s", resp.StatusCode, body)
	}
	saved, v1 := latest(t, fx, "vest-telemark")
	second.Set("line-0-y2027", "4 200 000")
	resp, body := editor.post(moneyVTBudget, second)
	if resp.StatusCode != http.StatusConflict {
		t.Fatalf("stale save: %d, want 409", resp.StatusCode)
	}
	after, v2 := latest(t, fx, "vest-telemark")
	if v2.Version != v1.Version || len(plan.Diff(saved, after)) != 0 {
		t.Errorf("a stale save changed the plan: version %d → %d", v1.Version, v2.Version)
	}
	if got := editForm(body).Get("line-0-y2027"); got != "4 200 000" {
		t.Errorf("the form shows %q, want what was typed", got)
	}
	if !strings.Contains(body, `Linje 2 «<span lang="nn">Korleis få fleire arbeidsplassar i privat sektor</span>»: Beløp 2026: <del>`) ||
		!strings.Contains(body, "2\u00a0100\u00a0000</ins>") {
		t.Errorf("the conflict does not list the other change in words:\n%s", changesList(body))
	}
	// Saving the form as it came back is a knowing choice, and goes through.
	if resp, body := editor.post(moneyVTBudget, editForm(body)); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save after conflict: %d\n%s", resp.StatusCode, body)
	}
	f, _ := latest(t, fx, "vest-telemark")
	if a := f.Plan.Budgets[0].Lines[0].Amounts[2027]; a != 4200000 {
		t.Errorf("bustader 2027 = %d after saving again", a)
	}
	if a := f.Plan.Budgets[0].Lines[1].Amounts[2026]; a != 2100000 {
		t.Errorf("the other person's change was lost: arbeidsplassar 2026 = %d", a)
	}
}

// Opening a form and saving it unchanged makes no new version, for every
// money form and both example plans.
func TestMoneyUnchangedSaveIsNoVersion(t *testing.T) {
	fx := newFixture(t, "sqlite")
	editor := moneyUser(fx, "redaktor@example.no", auth.RoleEditor)
	for _, tc := range []struct{ programme, path string }{
		{"vest-telemark", moneyVTBudget},
		{"vest-telemark", moneyVTFinance},
		{"driv", moneyDrivFinance},
		{"vest-telemark", moneyVTPlan + "/sources/edit"},
		{"driv", moneyDrivPlan + "/sources/edit"},
	} {
		_, v0 := latest(t, fx, tc.programme)
		resp, page := editor.get(tc.path)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d", tc.path, resp.StatusCode)
		}
		if resp, body := editor.post(tc.path, editForm(page)); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("POST %s unchanged: %d\n%s", tc.path, resp.StatusCode, body)
		}
		if _, v := latest(t, fx, tc.programme); v.Version != v0.Version {
			t.Errorf("POST %s unchanged made version %d from %d", tc.path, v.Version, v0.Version)
		}
	}
}

// Only editors may change money: a reader gets 403 for the forms and their
// saves, and sees no edit link.
func TestMoneyReaderForbidden(t *testing.T) {
	fx := newFixture(t, "sqlite")
	editor := moneyUser(fx, "redaktor@example.no", auth.RoleEditor)
	reader := moneyUser(fx, "leser@example.no", auth.RoleReader)
	_, v0 := latest(t, fx, "vest-telemark")
	for _, path := range []string{moneyVTBudget, moneyVTFinance, moneyVTPlan + "/sources/edit"} {
		_, page := editor.get(path)
		if resp, _ := reader.get(path); resp.StatusCode != http.StatusForbidden {
			t.Errorf("reader GET %s: %d, want 403", path, resp.StatusCode)
		}
		form := editForm(page)
		form.Set("line-0-y2026", "1")
		if resp, _ := reader.post(path, form); resp.StatusCode != http.StatusForbidden {
			t.Errorf("reader POST %s: %d, want 403", path, resp.StatusCode)
		}
	}
	if _, v := latest(t, fx, "vest-telemark"); v.Version != v0.Version {
		t.Errorf("a reader's POST made version %d", v.Version)
	}
	_, planPage := reader.get(moneyVTPlan)
	if strings.Contains(planPage, "/budgets/period/edit") || strings.Contains(planPage, "/financing/2025/edit") {
		t.Error("the plan page shows a reader edit links")
	}
}

// Lines are added from the empty row, with an id made from the label, and
// removed by emptying them, except where a financing table finances them.
func TestMoneyBudgetLines(t *testing.T) {
	fx := newFixture(t, "sqlite")
	editor := moneyUser(fx, "redaktor@example.no", auth.RoleEditor)
	_, page := editor.get(moneyVTBudget)

	form := editForm(page)
	for _, k := range []string{"number", "label", "goal", "y2025", "y2026", "y2027", "y2028", "printed", "mark"} {
		form.Set("line-0-"+k, "")
	}
	resp, body := editor.post(moneyVTBudget, form)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("removing a financed line: %d, want 422", resp.StatusCode)
	}
	if got := errorBeside(body, "line-0-label"); !strings.Contains(got, "«Fleire eigna bustader i Vest-Telemark»") || !strings.Contains(got, "«Samla budsjett og finansiering for 2025»") {
		t.Errorf("refusal says %q; want the line and the table named", got)
	}

	form = editForm(page)
	form.Set("new-number", "5")
	form.Set("new-label", "Kommunikasjon og profilering")
	form.Set("new-y2026", "250000")
	if resp, body := editor.post(moneyVTBudget, form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("adding a line: %d\n%s", resp.StatusCode, body)
	}
	f, _ := latest(t, fx, "vest-telemark")
	lines := f.Plan.Budgets[0].Lines
	last := lines[len(lines)-1]
	if last.ID != "kommunikasjon-og-profilering" || last.Amounts[2026] != 250000 || len(last.Amounts) != 1 {
		t.Fatalf("new line = %+v", last)
	}

	// The new line is financed nowhere, so it may go.
	_, page = editor.get(moneyVTBudget)
	form = editForm(page)
	for k := range form {
		if strings.HasPrefix(k, "line-4-") && k != "line-4-id" {
			form.Set(k, "")
		}
	}
	if resp, body := editor.post(moneyVTBudget, form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("removing a line: %d\n%s", resp.StatusCode, body)
	}
	if f, _ := latest(t, fx, "vest-telemark"); len(f.Plan.Budgets[0].Lines) != 4 {
		t.Errorf("%d lines after removing the new one, want 4", len(f.Plan.Budgets[0].Lines))
	}
}

// A year column is added, and the form comes back to fill it in.
func TestMoneyBudgetAddYear(t *testing.T) {
	fx := newFixture(t, "sqlite")
	editor := moneyUser(fx, "redaktor@example.no", auth.RoleEditor)
	_, page := editor.get(moneyVTBudget)
	form := editForm(page)
	form.Set("new_year", "2026")
	resp, body := editor.post(moneyVTBudget, form)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(errorBeside(body, "new_year"), "2026") {
		t.Errorf("adding a year the budget has: %d, %q", resp.StatusCode, errorBeside(body, "new_year"))
	}
	form.Set("new_year", "2029")
	resp, _ = editor.post(moneyVTBudget, form)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != moneyVTBudget+"?added=1" {
		t.Fatalf("adding 2029: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	_, page = editor.get(resp.Header.Get("Location"))
	if !strings.Contains(page, `for="f-line-0-y2029"`) {
		t.Error("the form has no field for 2029")
	}
	f, _ := latest(t, fx, "vest-telemark")
	if ys := f.Plan.Budgets[0].Years; len(ys) != 5 || ys[4] != 2029 {
		t.Errorf("years = %v", ys)
	}
}

// Financing: one amount changed is saved, the plan page computes the new
// total and flags the printed one; a bad amount is refused beside its
// field.
func TestMoneyFinancingSave(t *testing.T) {
	fx := newFixture(t, "sqlite")
	editor := moneyUser(fx, "redaktor@example.no", auth.RoleEditor)
	before, _ := latest(t, fx, "driv")
	_, page := editor.get(moneyDrivFinance)

	form := editForm(page)
	form.Set("row-0-c_drangedal_amount", "12,5")
	resp, body := editor.post(moneyDrivFinance, form)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("bad amount: %d", resp.StatusCode)
	}
	if got := errorBeside(body, "row-0-c_drangedal_amount"); !strings.Contains(got, "Rad «Driv 2025», Drangedal kommune: skriv et helt kronebeløp") {
		t.Errorf("message beside the field: %q", got)
	}

	form = editForm(page)
	form.Set("row-0-c_drangedal_amount", "1 200 000")
	if resp, body := editor.post(moneyDrivFinance, form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", resp.StatusCode, body)
	}
	after, _ := latest(t, fx, "driv")
	changes := plan.Diff(before, after)
	if len(changes) != 1 || changes[0].Path != "plan.financing[2025].rows[0].cells[1].amount" {
		t.Fatalf("changes = %+v", changes)
	}
	if c := after.Plan.Financing[0].Rows[0].Cells; c[2].Amount != nil || c[2].Note == "" || c[3].Mark != "*" || len(c[0].Payments) != 2 {
		t.Errorf("cells not in the change lost what they had: %+v", c)
	}
	_, planPage := editor.get(moneyDrivPlan)
	for _, want := range []string{moneyNB("4 700 000"), "oppgitt: " + moneyNB("4 670 000")} {
		if !strings.Contains(planPage, want) {
			t.Errorf("plan page lacks %q", want)
		}
	}
}

// A funding source is added from the sources form, shows up as a column
// to add, and a source a table uses cannot be removed.
func TestMoneySources(t *testing.T) {
	fx := newFixture(t, "sqlite")
	editor := moneyUser(fx, "redaktor@example.no", auth.RoleEditor)
	path := moneyVTPlan + "/sources/edit"
	_, page := editor.get(path)

	form := editForm(page)
	form.Set("source-0-name", "")
	form.Set("source-0-org", "")
	form.Set("source-0-ref", "")
	resp, body := editor.post(path, form)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(errorBeside(body, "source-0-name"), "«KDD 13.50 post 66» kan ikke fjernes") {
		t.Errorf("removing a used source: %d, %q", resp.StatusCode, errorBeside(body, "source-0-name"))
	}

	form = editForm(page)
	form.Set("new-name", "Innovasjon Norge – tilskot")
	resp, body = editor.post(path, form)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("adding a source: %d\n%s", resp.StatusCode, body)
	}
	f, _ := latest(t, fx, "vest-telemark")
	if last := f.Plan.Sources[len(f.Plan.Sources)-1]; last.ID != "innovasjon-norge-tilskot" {
		t.Errorf("new source = %+v", last)
	}

	_, page = editor.get(moneyVTFinance)
	form = editForm(page)
	form.Set("new_source", "innovasjon-norge-tilskot")
	resp, _ = editor.post(moneyVTFinance, form)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != moneyVTFinance+"?added=1" {
		t.Fatalf("adding a column: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	_, page = editor.get(resp.Header.Get("Location"))
	if !strings.Contains(page, `name="row-0-c_innovasjon-norge-tilskot_amount"`) {
		t.Error("the financing form has no field in the new column")
	}
}

// A stale financing form is refused; saved again from the conflict, it
// keeps both the other person's change and this person's.
func TestMoneyFinancingStale(t *testing.T) {
	fx := newFixture(t, "sqlite")
	editor := moneyUser(fx, "redaktor@example.no", auth.RoleEditor)
	_, page := editor.get(moneyVTFinance)
	first := editForm(page)
	_, page = editor.get(moneyVTFinance)
	second := editForm(page)
	first.Set("row-0-c_kdd-post-66_amount", "550 000")
	if resp, body := editor.post(moneyVTFinance, first); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("first save: %d\n%s", resp.StatusCode, body)
	}
	_, v1 := latest(t, fx, "vest-telemark")
	second.Set("row-3-c_kommunal-eigendel_amount", "50 000")
	resp, body := editor.post(moneyVTFinance, second)
	if resp.StatusCode != http.StatusConflict {
		t.Fatalf("stale save: %d, want 409", resp.StatusCode)
	}
	if _, v := latest(t, fx, "vest-telemark"); v.Version != v1.Version {
		t.Errorf("a stale save made version %d", v.Version)
	}
	if resp, body := editor.post(moneyVTFinance, editForm(body)); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save after conflict: %d\n%s", resp.StatusCode, body)
	}
	f, _ := latest(t, fx, "vest-telemark")
	rows := f.Plan.Financing[0].Rows
	if a := rows[0].Cells[0].Amount; a == nil || *a != 550000 {
		t.Errorf("the other person's change was lost: %v", a)
	}
	if c := rows[3].Cells; len(c) != 2 || c[1].Source != "kommunal-eigendel" || *c[1].Amount != 50000 {
		t.Errorf("this person's change: %+v", c)
	}
}

// Anonymous visitors are sent to log in; an editor's empty POST (as the
// authorisation matrix sends) changes nothing and is refused as stale.
func TestMoneyAnonymousAndEmptyPost(t *testing.T) {
	fx := newFixture(t, "sqlite")
	editor := moneyUser(fx, "redaktor@example.no", auth.RoleEditor)
	anonymous := fx.anonymous()
	_, v0 := latest(t, fx, "vest-telemark")
	for _, path := range []string{moneyVTBudget, moneyVTFinance, moneyVTPlan + "/sources/edit"} {
		if resp, _ := anonymous.get(path); resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/login") {
			t.Errorf("anonymous GET %s: %d to %q", path, resp.StatusCode, resp.Header.Get("Location"))
		}
		if resp, _ := anonymous.post(path, url.Values{}); resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("anonymous POST %s: %d, want 401", path, resp.StatusCode)
		}
		if resp, _ := editor.post(path, url.Values{}); resp.StatusCode != http.StatusConflict {
			t.Errorf("empty POST %s: %d, want 409", path, resp.StatusCode)
		}
	}
	if _, v := latest(t, fx, "vest-telemark"); v.Version != v0.Version {
		t.Errorf("version %d after refused POSTs, want %d", v.Version, v0.Version)
	}
}
