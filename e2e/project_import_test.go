package e2e_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"planverk/e2e"
	"planverk/examples"
	"planverk/store"
	"planverk/store/sqlite"
	"planverk/store/testdb"
)

// TestProjectImportInBrowser: a system administrator imports Driv's
// projects from a case export in the browser. A file with a bad row,
// chosen in the file dialog as a person would, is refused with the row
// and column named; a good one is previewed and, confirmed, imported. The
// form, its problems and the preview pass axe-core with no violation and
// are valid HTML in bokmål, nynorsk and English.
func TestProjectImportInBrowser(t *testing.T) {
	e2e.Require(t, e2e.Chromium, e2e.AxeCore, e2e.HTMLChecker)
	srv := startServer(t)
	dir := t.TempDir()
	const good = "Saksnr;Prosjektnavn;Søker;Innsatsområde;Finansieringskilde;Vedtaksdato;Innvilget (kr);Støttesats;Utbetalt dato;Utbetalt beløp\n" +
		"2025/0417;Opplevelsesnettverk;Drangedal næringsforening;1;Telemark fylkeskommune;12.03.2025;150 000;50 %;01.06.2025;75 000\n" +
		"2025/0533;Stedsutvikling Tørdal;Tørdal bygdelag;2;Drangedal kommune;2025-05-20;80 000;40 %;;\n"
	goodFile, badFile := filepath.Join(dir, "sak.csv"), filepath.Join(dir, "feil.csv")
	if err := os.WriteFile(goodFile, []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(badFile, []byte(good+"2025/0600;Feil;X;1;Innovasjon Norge;31.02.2025;100 000,50;;;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const base = "/programmes/driv/projects"
	c := &checked{docs: map[string][]byte{}}
	p := e2e.NewBrowser(t).Open(t, srv.URL+"/login")
	logIn(t, p, srv.URL, adminEmail, adminPassword)
	for _, lang := range []string{"nb", "nn", "en"} {
		t.Run(lang, func(t *testing.T) {
			p := p.For(t)
			p.Navigate(srv.URL + base)
			p.ClickAndWait(`.langs button[value="` + lang + `"]`)
			if status := p.ClickAndWait(`a[href="` + base + `/import"]`); status != 200 {
				t.Fatalf("the import form: status %d", status)
			}
			c.check(t, p, lang+"-project-import-form")

			p.SetFiles("#f-file", badFile)
			if status := p.ClickAndWait(`form.edit button.primary`); status != 422 {
				t.Fatalf("the bad file answered %d, want 422", status)
			}
			if n := p.Count("table.import-problems tbody tr"); n != 3 {
				t.Errorf("%d problems listed, want 3: %q", n, p.Text("main"))
			}
			if p.Attr("#f-file", "aria-invalid") != "true" || !strings.Contains(p.Text("table.import-problems"), "Innovasjon Norge") {
				t.Errorf("the file is not marked, or the problem not named: %q", p.Text("main"))
			}
			c.check(t, p, lang+"-project-import-problems")

			p.SetFiles("#f-file", goodFile)
			if status := p.ClickAndWait(`form.edit button.primary`); status != 200 {
				t.Fatalf("the good file answered %d: %q", status, p.Text("main"))
			}
			if !strings.Contains(p.Text("main"), "Opplevelsesnettverk") || !strings.Contains(p.Text("main"), "Stedsutvikling Tørdal") {
				t.Errorf("the preview does not show the projects: %q", p.Text("main"))
			}
			c.check(t, p, lang+"-project-import-preview")
		})
	}
	// Confirmed (in English, the last language chosen), the list says so
	// and shows the projects.
	if status := p.ClickAndWait(`form[action="` + base + `/import/confirm"] button.primary`); status != 200 {
		t.Fatalf("the confirmation ended on %d", status)
	}
	if msg := p.Text(".notice"); !strings.Contains(msg, "2 projects were imported.") {
		t.Errorf("the list says %q", msg)
	}
	c.check(t, p, "project-imported")

	// Then the projects' reports, chosen on the same form: previewed in
	// every language, and confirmed, counted in the job ledger.
	reports := filepath.Join(dir, "rapporter.csv")
	if err := os.WriteFile(reports, []byte("Saksnummer;Rapporttype;Periode fra;Periode til;Nye arbeidsplasser;Rapportstatus\n"+
		"2025/0417;Delrapport;01.03.2025;30.09.2025;3;godkjent\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"nb", "nn", "en"} {
		t.Run(lang+"-reports", func(t *testing.T) {
			p := p.For(t)
			p.Navigate(srv.URL + base)
			p.ClickAndWait(`.langs button[value="` + lang + `"]`)
			p.Navigate(srv.URL + base + "/import")
			p.Click("#f-what-reports")
			p.SetFiles("#f-file", reports)
			if status := p.ClickAndWait(`form.edit button.primary`); status != 200 {
				t.Fatalf("the report file answered %d: %q", status, p.Text("main"))
			}
			if !strings.Contains(p.Text("main"), "Opplevelsesnettverk") {
				t.Errorf("the preview does not name the report's project: %q", p.Text("main"))
			}
			c.check(t, p, lang+"-report-import-preview")
		})
	}
	if status := p.ClickAndWait(`form[action="` + base + `/import/confirm"] button.primary`); status != 200 {
		t.Fatalf("the report confirmation ended on %d", status)
	}
	if !strings.Contains(p.Text("main"), "Opplevelsesnettverk") {
		t.Errorf("the job ledger does not count the imported report: %q", p.Text("main"))
	}
	e2e.AssertValidHTMLFiles(t, c.docs)
}

// TestSampleProjectsAccessible: with the examples' sample projects, every
// page that shows or counts them labels them as sample data, and passes
// axe-core with no violation and is valid HTML in every language.
func TestSampleProjectsAccessible(t *testing.T) {
	e2e.Require(t, e2e.Chromium, e2e.AxeCore, e2e.HTMLChecker)
	testdb.Parallel(t)
	db := serverDatabase.Database(t, "sqlite")
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := examples.InstallProjects(ctx, st); err != nil {
		t.Fatal(err)
	}
	ps, _, err := st.Projects(ctx, "vest-telemark", store.ProjectQuery{})
	if err != nil || len(ps) == 0 {
		t.Fatalf("sample projects: %v", err)
	}
	st.Close()
	srv := startServerAt(t, db)
	pages := []string{"/programmes/vest-telemark/projects", fmt.Sprintf("/programmes/vest-telemark/projects/%d", ps[0].ID),
		"/programmes/vest-telemark/projects/money", "/programmes/vest-telemark/dashboard", "/overview",
		"/programmes/vest-telemark/jobs"}
	docs := map[string][]byte{}
	p := e2e.NewBrowser(t).Open(t, srv.URL+"/")
	for lang, label := range map[string]string{"nb": "Eksempeldata", "nn": "Eksempeldata", "en": "Sample data"} {
		p.Navigate(srv.URL + "/")
		p.ClickAndWait(`.langs button[value="` + lang + `"]`)
		for _, path := range pages {
			t.Run(lang+path, func(t *testing.T) {
				p := p.For(t)
				if status := p.Navigate(srv.URL + path); status != 200 {
					t.Fatalf("status %d", status)
				}
				if !strings.Contains(p.Text("main"), label) || p.Count(".tag.sample") == 0 {
					t.Errorf("no %q label", label)
				}
				p.AssertNoAxeViolations(t)
				docs[lang+path] = []byte(p.HTML())
			})
		}
	}
	e2e.AssertValidHTMLFiles(t, docs)
}
