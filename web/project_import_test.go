package web

import (
	"bytes"
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"planverk/auth"
	"planverk/examples"
	"planverk/store"
)

// drivExport is a case export of two Driv projects: the first a grant
// of 150 000 at 50 % from the county, paid in two tranches (the decision
// repeated on each payment's row), the second a grant from the
// municipality under goal 2, not yet paid.
const drivExport = "Saksnr;Prosjektnavn;Søker;Innsatsområde;Finansieringskilde;Vedtaksdato;Innvilget (kr);Støttesats;Utbetalt dato;Utbetalt beløp\r\n" +
	"2025/0417;Opplevelsesnettverk;Drangedal næringsforening;1;Telemark fylkeskommune;12.03.2025;150 000;50 %;01.06.2025;75 000\r\n" +
	"2025/0417;;;;Telemark fylkeskommune;12.03.2025;150 000;50 %;01.11.2025;45 000\r\n" +
	"2025/0533;Stedsutvikling Tørdal;Tørdal bygdelag;2;Drangedal kommune;2025-05-20;80 000;40 %;;\r\n"

func projectCount(t *testing.T, fx *fixture, programme string) int {
	t.Helper()
	_, n, err := fx.store.Projects(context.Background(), programme, store.ProjectQuery{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestProjectImport: Driv's editor uploads a case export; the preview
// shows the two projects with their figures and stores nothing; the
// confirmation stores both, and the list and the project's page show
// them. The same file with a payment added updates the project rather
// than registering it again.
func TestProjectImport(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) { testProjectImport(t, engine) })
	}
}

func testProjectImport(t *testing.T, engine string) {
	fx := newFixture(t, engine)
	fx.user("redaktor@driv.no", "", false, "driv", auth.RoleEditor)
	ed := fx.login("redaktor@driv.no").in("en")
	const base = "/programmes/driv/projects/import"

	resp, form := ed.get(base)
	if resp.StatusCode != http.StatusOK || !strings.Contains(form, `enctype="multipart/form-data"`) {
		t.Fatalf("form: %d", resp.StatusCode)
	}
	resp, page := ed.upload(base, "sak.csv", []byte(drivExport))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("upload: %d %.800s", resp.StatusCode, cellText(page))
	}
	text := cellText(page)
	for _, want := range []string{
		"2 new and 0 updated projects with 2 commitments and 2 payments.",
		"2025/0417 Opplevelsesnettverk New project Under way Drangedal næringsforening 1 150 000 2 120 000 2–3",
		"2025/0533 Stedsutvikling Tørdal New project Granted Tørdal bygdelag 1 80 000 0 0 4",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the preview lacks %q\n%s", want, text)
		}
	}
	if n := projectCount(t, fx, "driv"); n != 0 {
		t.Fatalf("the preview stored %d projects", n)
	}

	confirm := formAt(t, page, base+"/confirm")
	resp, list := ed.postFollow(base+"/confirm", confirm)
	if resp.StatusCode != http.StatusOK || !strings.Contains(cellText(list), "2 projects were imported.") {
		t.Fatalf("confirm: %d %.800s", resp.StatusCode, cellText(list))
	}
	if n := projectCount(t, fx, "driv"); n != 2 {
		t.Fatalf("%d projects stored, want 2", n)
	}
	if !strings.Contains(cellText(list), "Opplevelsesnettverk Under way Drangedal næringsforening 150 000 120 000") {
		t.Errorf("the list does not show the imported project's money:\n%s", cellText(list))
	}
	m := regexp.MustCompile(`href="(/programmes/driv/projects/\d+)"[^>]*>Opplevelsesnettverk`).FindStringSubmatch(list)
	if m == nil {
		t.Fatal("no link to the imported project")
	}
	_, shown := ed.get(m[1])
	for _, want := range []string{"Case reference 2025/0417", "Committed 150 000", "Paid 120 000", "Support share 50 %", "Telemark fylkeskommune"} {
		if !strings.Contains(cellText(shown), want) {
			t.Errorf("the project page lacks %q", want)
		}
	}

	// Again, with a third payment: the project is updated, not doubled.
	again := drivExport + "2025/0417;;;;Telemark fylkeskommune;12.03.2025;150 000;50 %;01.12.2025;30 000\r\n"
	_, page = ed.upload(base, "sak.csv", []byte(again))
	if !strings.Contains(cellText(page), "0 new and 2 updated projects with 2 commitments and 3 payments.") {
		t.Fatalf("the second preview: %s", cellText(page))
	}
	resp, _ = ed.postFollow(base+"/confirm", formAt(t, page, base+"/confirm"))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("second confirm: %d", resp.StatusCode)
	}
	if n := projectCount(t, fx, "driv"); n != 2 {
		t.Errorf("%d projects after importing the same projects again, want 2", n)
	}
	_, shown = ed.get(m[1])
	if !strings.Contains(cellText(shown), "Paid 150 000") {
		t.Error("the project page does not show the third payment")
	}
}

// TestProjectImportProblems: a file with one bad row stores nothing, and
// the page names the row, the column and what is wrong, in the person's
// language; a workbook is read as a CSV file is.
func TestProjectImportProblems(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			fx.user("redaktor@driv.no", "", false, "driv", auth.RoleEditor)
			ed := fx.login("redaktor@driv.no").in("nb")
			const base = "/programmes/driv/projects/import"
			bad := drivExport + "2025/0600;Feil;X;1;Innovasjon Norge;01.02.2025;100 000,50;;;\r\n"
			resp, page := ed.upload(base, "sak.csv", []byte(bad))
			if resp.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", resp.StatusCode)
			}
			text := cellText(page)
			for _, want := range []string{
				"Filen har 2 feil, listet nedenfor. Ingenting er importert.",
				"5 E (Finansieringskilde) «Innovasjon Norge» er ingen finansieringskilde i programmets planer.",
				"5 G (Innvilget (kr)) «100 000,50» har øre. Beløp skrives i hele kroner.",
			} {
				if !strings.Contains(text, want) {
					t.Errorf("the page lacks %q\n%s", want, text)
				}
			}
			if n := projectCount(t, fx, "driv"); n != 0 {
				t.Errorf("a file with problems stored %d projects", n)
			}
			// A confirmation carrying a bad file back is read again and
			// refused: nothing stored.
			resp, _ = ed.post(base+"/confirm", map[string][]string{"name": {"sak.csv"}, "content": {"not base64!"}})
			if resp.StatusCode != http.StatusUnprocessableEntity {
				t.Errorf("a confirmation without a file: %d, want 422", resp.StatusCode)
			}

			x := excelize.NewFile()
			sh := x.GetSheetName(0)
			for i, row := range [][]any{
				{"Saksnummer", "Prosjektnavn", "Kilde", "Tilsagn", "Utbetalt dato", "Utbetalt"},
				{"2025/0700", "Hurtiglading", "drangedal", 50000, "2025-06-01", 60000},
			} {
				cell, _ := excelize.CoordinatesToCellName(1, i+1)
				_ = x.SetSheetRow(sh, cell, &row)
			}
			var buf bytes.Buffer
			_ = x.Write(&buf)
			resp, page = ed.upload(base, "sak.xlsx", buf.Bytes())
			if resp.StatusCode != http.StatusUnprocessableEntity ||
				!strings.Contains(cellText(page), "2 F (Utbetalt) Utbetalt er da 60 000 kroner, mer enn tilsagnet på 50 000 kroner.") {
				t.Errorf("workbook: %d %s", resp.StatusCode, cellText(page))
			}
			if n := projectCount(t, fx, "driv"); n != 0 {
				t.Errorf("%d projects stored", n)
			}
		})
	}
}

// TestSampleProjectsMarked: the examples' sample projects are marked as
// sample data on every page that shows or counts them, and in the API.
func TestSampleProjectsMarked(t *testing.T) {
	fx := newFixture(t, "sqlite")
	n, err := examples.InstallProjects(context.Background(), fx.store)
	if err != nil || n == 0 {
		t.Fatalf("sample projects: %d, %v", n, err)
	}
	for lang, label := range map[string]string{"nb": "Eksempeldata", "nn": "Eksempeldata", "en": "Sample data"} {
		c := fx.anonymous().in(lang)
		_, list := c.get("/programmes/driv/projects")
		if !strings.Contains(cellText(list), "Nettverk for opplevelsesnæringen "+label) {
			t.Errorf("%s: the list does not mark the sample project", lang)
		}
		m := regexp.MustCompile(`href="(/programmes/driv/projects/\d+)"[^>]*>Nettverk for opplevelsesnæringen`).FindStringSubmatch(list)
		if m == nil {
			t.Fatalf("%s: no link to the sample project", lang)
		}
		for _, path := range []string{m[1], "/programmes/driv/projects/money", "/programmes/driv/dashboard", "/overview", "/programmes/driv/jobs"} {
			if _, page := c.get(path); !strings.Contains(page, `<span class="tag sample"`) || !strings.Contains(cellText(page), label) {
				t.Errorf("%s %s: no sample-data label", lang, path)
			}
		}
	}
	// The sample reports count in the job ledger from the first start.
	sets, err := fx.store.AcceptedReports(context.Background(), []string{"driv", "vest-telemark"})
	if err != nil || len(sets["driv"].Reports) == 0 || len(sets["vest-telemark"].Reports) == 0 {
		t.Errorf("sample reports: %+v, %v", sets, err)
	}
	var doc apiProjectList
	fx.call("GET", "/api/v1/programmes/driv/projects", "", "").json(t, &doc)
	if len(doc.Projects) == 0 || !doc.Projects[0].Project.Sample {
		t.Errorf("the API does not say sample: true: %+v", doc.Projects)
	}
}
