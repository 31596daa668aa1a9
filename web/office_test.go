package web

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"planverk/auth"
	"planverk/plan"
	"planverk/sheet"
)

// officeSheet finds a table's sheet in a downloaded workbook.
func officeSheet(t *testing.T, x *excelize.File, kind, id string) string {
	t.Helper()
	for _, n := range x.GetSheetList() {
		if v, _ := x.GetCellValue(n, "A1"); v == sheet.Marker(kind, id) {
			return n
		}
	}
	t.Fatalf("no sheet for %s %s in %v", kind, id, x.GetSheetList())
	return ""
}

func officeWorkbook(t *testing.T, c *client, planPath string) ([]byte, *excelize.File) {
	t.Helper()
	resp, body := c.get(planPath + "/plan.xlsx")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != typeXlsx {
		t.Fatalf("plan.xlsx: status %d, type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	x, err := excelize.OpenReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = x.Close() })
	return []byte(body), x
}

// pageSumRow is a table's sum row on the plan page.
var pageSumRow = regexp.MustCompile(`(?s)<tr class="sum">(.*?)</tr>`)

// The workbook of both seed plans, as a visitor gets it: every total the
// plan page prints is what the workbook's SUM formulas compute.
func TestOfficeWorkbookTotals(t *testing.T) {
	fx := newFixture(t, "sqlite")
	c := fx.anonymous()
	for _, p := range []string{"vest-telemark", "driv"} {
		path := "/programmes/" + p + "/plans/2025"
		_, page := c.get(path)
		_, x := officeWorkbook(t, c, path)
		f, _ := latest(t, fx, p)
		sums := pageSumRow.FindAllString(page, -1)
		check := func(sh, ref string, want plan.Amount) {
			got, err := x.CalcCellValue(sh, ref, excelize.Options{RawCellValue: true})
			if err != nil || got != strconv.FormatInt(int64(want), 10) {
				t.Errorf("%s %s %s computes %q (%v), want %d", p, sh, ref, got, err, want)
			}
			if !strings.Contains(strings.Join(sums, ""), moneyNB(want.String())) && want != 0 {
				t.Errorf("%s: the page prints no total %s", p, want)
			}
		}
		for i := range f.Plan.Budgets {
			b := &f.Plan.Budgets[i]
			sh := officeSheet(t, x, sheet.KindBudget, b.ID)
			sumRow := 4 + len(b.Lines)
			for j, y := range b.Years {
				ref, _ := excelize.CoordinatesToCellName(4+j, sumRow)
				check(sh, ref, b.YearTotal(y))
			}
			ref, _ := excelize.CoordinatesToCellName(4+len(b.Years), sumRow)
			check(sh, ref, b.Total())
		}
		for i := range f.Plan.Financing {
			ft := &f.Plan.Financing[i]
			sh := officeSheet(t, x, sheet.KindFinancing, ft.ID)
			ref, _ := excelize.CoordinatesToCellName(4+len(ft.Sources), 4+len(ft.Rows))
			check(sh, ref, ft.Total())
		}
	}
}

func TestOfficeCSV(t *testing.T) {
	fx := newFixture(t, "sqlite")
	c := fx.anonymous()
	resp, body := c.get(vt + "/budgets/period.csv")
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("status %d, type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	lines := strings.Split(body, "\r\n")
	if lines[0] != "\ufeffNr.;Linje;2025;2026;2027;2028;Sum" {
		t.Errorf("header %q", lines[0])
	}
	if !strings.Contains(body, "1;Fleire eigna bustader i Vest-Telemark;500000;5000000;4000000;1300000;10800000\r\n") ||
		!strings.HasSuffix(body, ";22000000\r\n") {
		t.Errorf("body:\n%s", body)
	}
	if resp, _ := c.get(driv + "/financing/2025.csv"); resp.StatusCode != http.StatusOK {
		t.Errorf("financing csv: %d", resp.StatusCode)
	}
	if resp, _ := c.get(vt + "/budgets/nothing.csv"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("no such table: %d", resp.StatusCode)
	}
	if resp, _ := c.get(vt + "/budgets/period"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("a table's address without .csv: %d", resp.StatusCode)
	}
	// A release has its documents beside its plan file.
	for name, typ := range map[string]string{"plan.docx": typeDocx, "plan.xlsx": typeXlsx} {
		resp, _ := c.get(vt + "/releases/1/" + name)
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != typ ||
			!strings.Contains(resp.Header.Get("Content-Disposition"), "release-1") {
			t.Errorf("release %s: %d %q %q", name, resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("Content-Disposition"))
		}
	}
	// The plan page links every download.
	_, page := c.get(vt)
	for _, href := range []string{vt + "/plan.docx", vt + "/plan.xlsx", vt + "/budgets/period.csv", vt + "/financing/2025.csv"} {
		if !strings.Contains(page, `href="`+href+`"`) {
			t.Errorf("the plan page has no link to %s", href)
		}
	}
}

// officeEdit changes cells of a table's sheet in a downloaded workbook.
func officeEdit(t *testing.T, data []byte, kind, id string, cells map[string]any) []byte {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	sh := officeSheet(t, x, kind, id)
	for ref, v := range cells {
		if err := x.SetCellValue(sh, ref, v); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The budget goes out to Excel, one amount is changed there, and it comes
// back: the preview shows exactly that change, confirming saves it, and
// the history records it.
func TestOfficeBudgetRoundTrip(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			c := moneyUser(fx, "editor@example.org", auth.RoleEditor)
			data, _ := officeWorkbook(t, c, vt)
			// E4 is line 1 (Bustader) in 2026: 5 000 000 in the plan.
			up := officeEdit(t, data, sheet.KindBudget, "period", map[string]any{"E4": 5250000})
			if resp, page := c.get(vt + "/budgets/period/import"); resp.StatusCode != http.StatusOK || !strings.Contains(page, `type="file"`) {
				t.Fatalf("import page: %d", resp.StatusCode)
			}
			resp, page := c.upload(vt+"/budgets/period/import", "plan.xlsx", up)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("preview: status %d\n%s", resp.StatusCode, page)
			}
			rows := regexp.MustCompile(`(?s)<tbody>(.*?)</tbody>`).FindStringSubmatch(page)
			if rows == nil || strings.Count(rows[1], "<tr>") != 1 || !strings.Contains(rows[1], moneyNB("5 000 000")) ||
				!strings.Contains(rows[1], moneyNB("5 250 000")) || !strings.Contains(rows[1], "2026") {
				t.Fatalf("preview rows: %v", rows)
			}
			f, v := latest(t, fx, "vest-telemark")
			if f.Plan.Budgets[0].Lines[0].Amounts[2026] != 5000000 {
				t.Fatal("the preview saved")
			}
			form := formAt(t, page, vt+"/budgets/period/import/confirm")
			resp, _ = c.post(vt+"/budgets/period/import/confirm", form)
			if resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("confirm: status %d", resp.StatusCode)
			}
			f, v2 := latest(t, fx, "vest-telemark")
			if got := f.Plan.Budgets[0].Lines[0].Amounts[2026]; got != 5250000 || v2.Version != v.Version+1 {
				t.Fatalf("saved %d in version %d", got, v2.Version)
			}
			if f.Plan.Budgets[0].Total() != 22250000 {
				t.Errorf("total %d", f.Plan.Budgets[0].Total())
			}
			if ch := changesOf(t, fx, "vest-telemark", v2.Version, "editor"); len(ch) != 1 {
				t.Errorf("history: %v", ch)
			}
		})
	}
}

// An upload based on a version older than the table's is a conflict,
// shown as other edit conflicts are; nothing is saved and nothing lost.
func TestOfficeStaleUpload(t *testing.T) {
	fx := newFixture(t, "sqlite")
	c := moneyUser(fx, "editor@example.org", auth.RoleEditor)
	data, _ := officeWorkbook(t, c, vt)
	// Someone else changes the budget (line 2, 2026) after the download.
	_, form := c.get(vt + "/budgets/period/edit")
	vals := editForm(form)
	var field string
	for name, v := range vals {
		if strings.HasPrefix(name, "line-1-") && strings.HasSuffix(name, "2026") && v[0] != "" {
			field = name
		}
	}
	if field == "" {
		t.Fatalf("no field for line 2 in 2026 in %v", vals)
	}
	vals.Set(field, "999 000")
	if resp, page := c.post(vt+"/budgets/period/edit", vals); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("edit: %d %s", resp.StatusCode, errorBeside(page, field))
	}
	_, before := latest(t, fx, "vest-telemark")
	up := officeEdit(t, data, sheet.KindBudget, "period", map[string]any{"E4": 5250000})
	resp, page := c.upload(vt+"/budgets/period/import", "plan.xlsx", up)
	if resp.StatusCode != http.StatusConflict || !strings.Contains(page, `class="notice conflict"`) {
		t.Fatalf("stale upload: status %d", resp.StatusCode)
	}
	// The preview still shows the upload's change, against the table as it
	// is now, and the other person's change is not undone.
	rows := regexp.MustCompile(`(?s)<tbody>(.*?)</tbody>`).FindStringSubmatch(page)
	if rows == nil || strings.Count(rows[1], "<tr>") != 1 || !strings.Contains(rows[1], moneyNB("5 250 000")) {
		t.Errorf("conflict preview: %v", rows)
	}
	if !strings.Contains(changesList(page), moneyNB("999 000")) {
		t.Errorf("the conflict does not say what the other person changed: %s", changesList(page))
	}
	if _, v := latest(t, fx, "vest-telemark"); v.Version != before.Version {
		t.Error("a stale upload saved")
	}
	// Confirming the stale form as it was sent first is a conflict too.
	old := formAt(t, page, vt+"/budgets/period/import/confirm")
	old.Set("base", strconv.Itoa(before.Version-1))
	if resp, _ := c.post(vt+"/budgets/period/import/confirm", old); resp.StatusCode != http.StatusConflict {
		t.Errorf("stale confirm: %d", resp.StatusCode)
	}
	// Confirming the conflict's preview, knowingly, keeps both changes.
	resp, _ = c.post(vt+"/budgets/period/import/confirm", formAt(t, page, vt+"/budgets/period/import/confirm"))
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("confirm: %d", resp.StatusCode)
	}
	f, _ := latest(t, fx, "vest-telemark")
	if l := f.Plan.Budgets[0].Lines; l[0].Amounts[2026] != 5250000 || l[1].Amounts[2026] != 999000 {
		t.Errorf("after: %v %v", l[0].Amounts, l[1].Amounts)
	}
}

// A word where an amount belongs is named by sheet and cell in the
// person's language, and nothing is saved.
func TestOfficeBadCell(t *testing.T) {
	fx := newFixture(t, "sqlite")
	c := moneyUser(fx, "editor@example.org", auth.RoleEditor)
	data, x := officeWorkbook(t, c, vt)
	sh := officeSheet(t, x, sheet.KindFinancing, "2025")
	up := officeEdit(t, data, sheet.KindFinancing, "2025", map[string]any{"E5": "mange"})
	want := map[string]string{
		"nb": "Ark «" + sh + "», celle E5: «mange» er ikke et beløp",
		"nn": "Ark «" + sh + "», celle E5: «mange» er ikkje eit beløp",
		"en": "Sheet «" + sh + "», cell E5: «mange» is not an amount",
	}
	for lang, msg := range want {
		resp, page := c.in(lang).upload(vt+"/financing/2025/import", "plan.xlsx", up)
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(htmlText(page), msg) {
			t.Errorf("%s: status %d, no %q in\n%s", lang, resp.StatusCode, msg, page)
		}
	}
	if resp, page := c.in("nn").upload(vt+"/financing/2025/import", "plan.xlsx", []byte("not a workbook")); resp.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(page, "ikkje ei Excel-fil") {
		t.Errorf("not a workbook: %d", resp.StatusCode)
	}
	// A reader may not upload at all.
	fx.user("reader@example.org", "", false, "vest-telemark", auth.RoleReader)
	rc := fx.login("reader@example.org")
	if resp, _ := rc.upload(vt+"/financing/2025/import", "plan.xlsx", up); resp.StatusCode != http.StatusForbidden {
		t.Errorf("reader upload: %d", resp.StatusCode)
	}
	if resp, _ := rc.post(vt+"/financing/2025/import/confirm", url.Values{"base": {"1"}, "changes": {"0"}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("reader confirm: %d", resp.StatusCode)
	}
}

// htmlText is a page's text with entities read, for messages with «».
func htmlText(page string) string {
	return strings.NewReplacer("&laquo;", "«", "&raquo;", "»", "&#34;", `"`, "&#39;", "'", "&amp;", "&").Replace(page)
}

// The budget's import pages say who will see what is saved: visitors see
// the latest release, and a change reaches them with the next; a plan
// closed to visitors says so, and how it is published.
func TestOfficeImportSaysWhoSees(t *testing.T) {
	fx := newFixture(t, "sqlite")
	c := moneyUser(fx, "editor@example.org", auth.RoleEditor)
	_, page := c.in("nn").get(vt + "/budgets/period/import")
	if !strings.Contains(page, "Besøkande ser den politisk forankra versjonen, frigjeving 1. Det du lagrar her, går inn i arbeidsutkastet") ||
		!strings.Contains(page, `href="`+vt+`/cycle"`) {
		t.Errorf("the import page of a released plan does not say what visitors see:\n%s", page)
	}
	data, _ := officeWorkbook(t, c, vt)
	_, page = c.in("en").upload(vt+"/budgets/period/import", "plan.xlsx", data)
	if !strings.Contains(page, "The file changes no amount of the table. Nothing was saved.") {
		t.Errorf("an unchanged workbook's preview does not say nothing changed:\n%s", page)
	}
	if !strings.Contains(page, "Visitors see the politically anchored version, release 1.") {
		t.Errorf("the preview does not say what visitors see:\n%s", page)
	}
	if err := fx.store.SetPublished(context.Background(), "vest-telemark", 2025, false, 0); err != nil {
		t.Fatal(err)
	}
	_, page = c.in("nb").get(vt + "/budgets/period/import")
	if !strings.Contains(page, "Planen er ikke publisert") || !strings.Contains(page, "planverk publish") {
		t.Errorf("the import page of a closed plan does not say so:\n%s", page)
	}
}
