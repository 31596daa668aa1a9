package e2e_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"planverk/e2e"
)

// TestImportInBrowser: a system administrator imports the catalogue as a
// spreadsheet in the browser. A file with mistakes, chosen in the file
// dialog as a person would, is refused with every mistake listed; a good
// one is previewed and, confirmed, imported. The form, its error state and
// the preview pass axe-core with no violation and are valid HTML in
// bokmål, nynorsk and English, and the form and the list of mistakes fit a
// 320 px screen.
func TestImportInBrowser(t *testing.T) {
	e2e.Require(t, e2e.Chromium, e2e.AxeCore, e2e.HTMLChecker)
	srv := startServer(t)
	dir := t.TempDir()
	_, export := get(t, srv.URL+"/schemes/export?format=csv", "nb")
	rows, err := csv.NewReader(strings.NewReader(export)).ReadAll()
	if err != nil || len(rows) < 10 {
		t.Fatalf("the export: %d rows, %v", len(rows), err)
	}
	col := func(name string) int { return slices.Index(rows[0], name) }

	bad := cloneRows(rows)
	bad[2][col("checked")] = "31.02.2026"
	bad[3][col("links")] = "berre ein tittel"
	bad[4][col("kinds")] = "lån"
	badFile := writeFile(t, dir, "feil.csv", bad)

	good := cloneRows(rows)
	good[1][col("summary_nn")] = "Eit samandrag frå nettlesaren."
	added := slices.Clone(good[1])
	added[0], added[col("name_nn")] = "nettlesar-ordning", "Ordning frå nettlesaren"
	goodFile := writeFile(t, dir, "katalog.csv", append(good, added))

	c := &checked{docs: map[string][]byte{}}
	p := e2e.NewBrowser(t).Open(t, srv.URL+"/login")
	logIn(t, p, srv.URL, adminEmail, adminPassword)
	for _, lang := range []string{"nb", "nn", "en"} {
		t.Run(lang, func(t *testing.T) {
			p := p.For(t)
			p.Navigate(srv.URL + "/schemes")
			p.ClickAndWait(`.langs button[value="` + lang + `"]`)
			if status := p.ClickAndWait(`a[href="/schemes/import"]`); status != 200 {
				t.Fatalf("the import form: status %d", status)
			}
			c.check(t, p, lang+"-import-form")

			p.SetFiles("#f-file", badFile)
			if status := p.ClickAndWait(`form.edit button.primary`); status != 422 {
				t.Fatalf("the bad file answered %d, want 422", status)
			}
			if n := p.Count("table.import-problems tbody tr"); n != 3 {
				t.Errorf("%d problems listed, want 3: %q", n, p.Text("main"))
			}
			if p.Attr("#f-file", "aria-invalid") != "true" || !strings.Contains(p.Text(".error-summary"), "3") {
				t.Errorf("the file is not marked, or the summary does not count: %q", p.Text(".error-summary"))
			}
			c.check(t, p, lang+"-import-problems")

			p.SetFiles("#f-file", goodFile)
			if status := p.ClickAndWait(`form.edit button.primary`); status != 200 {
				t.Fatalf("the good file answered %d: %q", status, p.Text("main"))
			}
			if !strings.Contains(p.Text("main"), "nettlesar-ordning") || !strings.Contains(p.Text("main"), "Eit samandrag frå nettlesaren.") {
				t.Errorf("the preview does not show the new and the changed scheme: %q", p.Text("main"))
			}
			c.check(t, p, lang+"-import-preview")
		})
	}

	// Confirmed (in English, the last language chosen), the catalogue says
	// what the import did and the new scheme has a page.
	if status := p.ClickAndWait(`form[action="/schemes/import/confirm"] button.primary`); status != 200 {
		t.Fatalf("the confirmation ended on %d", status)
	}
	if msg := p.Text(".notice"); !strings.Contains(msg, "New schemes: 1. Changed: 1.") {
		t.Errorf("the catalogue says %q", msg)
	}
	c.check(t, p, "imported")
	if status := p.Navigate(srv.URL + "/schemes/nettlesar-ordning"); status != 200 {
		t.Errorf("the new scheme's page: status %d", status)
	}

	// At 320 px neither the form nor its list of mistakes scrolls sideways
	// (the list scrolls in its own region).
	p.SetViewport(320, 800)
	p.Navigate(srv.URL + "/schemes/import")
	p.SetFiles("#f-file", badFile)
	p.ClickAndWait(`form.edit button.primary`)
	if over := p.HorizontalOverflow(); over > 0 {
		t.Errorf("the list of mistakes at 320 px scrolls sideways by %d px", over)
	}
	p.AssertNoAxeViolations(t)
	e2e.AssertValidHTMLFiles(t, c.docs)
}

func cloneRows(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = slices.Clone(r)
	}
	return out
}

// writeFile saves rows as a CSV file in dir, as a spreadsheet would.
func writeFile(t *testing.T, dir, name string, rows [][]string) string {
	t.Helper()
	var b bytes.Buffer
	if err := csv.NewWriter(&b).WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
