package web

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"planverk/auth"
)

// drivReports are two reports of drivExport's projects: an accepted
// interim one with 3 jobs created and 2 secured, and a submitted final
// one, which the job ledger does not count yet.
const drivReports = "Saksnummer;Rapporttype;Periode fra;Periode til;Framdrift;Nye arbeidsplasser;Sikrede arbeidsplasser;Rapportstatus\r\n" +
	"2025/0417;Delrapport;01.03.2025;30.09.2025;i rute;3;2;godkjent\r\n" +
	"2025/0533;Sluttrapport;20.05.2025;31.12.2025;forsinka;4;0;\r\n"

// uploadReports uploads a report export on the import's form.
func (c *client) uploadReports(path, name string, data []byte) (*http.Response, string) {
	c.fx.t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	_ = mw.WriteField("what", importWhatReports)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		c.fx.t.Fatal(err)
	}
	_, _ = fw.Write(data)
	_ = mw.Close()
	req, _ := http.NewRequest(http.MethodPost, c.fx.srv.URL+path, &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", c.fx.srv.URL)
	return c.do(req)
}

func reportCount(t *testing.T, fx *fixture) int {
	t.Helper()
	n := 0
	for _, ref := range []string{"2025/0417", "2025/0533"} {
		ps, err := fx.store.ProjectsByCaseRef(context.Background(), "driv", []string{ref})
		if err != nil {
			t.Fatal(err)
		}
		if p, ok := ps[ref]; ok {
			rs, err := fx.store.ProjectReports(context.Background(), "driv", p.ID)
			if err != nil {
				t.Fatal(err)
			}
			n += len(rs)
		}
	}
	return n
}

// TestReportImport: Driv's editor imports the projects, then their
// reports: the preview names each report's project and stores nothing;
// the confirmation stores both, and the job ledger counts the accepted
// one's jobs. The same file again changes nothing.
func TestReportImport(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			fx.user("redaktor@driv.no", "", false, "driv", auth.RoleEditor)
			ed := fx.login("redaktor@driv.no").in("en")
			const base = "/programmes/driv/projects/import"
			_, page := ed.upload(base, "sak.csv", []byte(drivExport))
			if resp, _ := ed.postFollow(base+"/confirm", formAt(t, page, base+"/confirm")); resp.StatusCode != http.StatusOK {
				t.Fatalf("project import: %d", resp.StatusCode)
			}
			_, form := ed.get(base)
			if !strings.Contains(cellText(form), "Reports from the project managers") {
				t.Errorf("the form offers no report import")
			}

			resp, page := ed.uploadReports(base, "rapporter.csv", []byte(drivReports))
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("upload: %d %.800s", resp.StatusCode, cellText(page))
			}
			text := cellText(page)
			for _, want := range []string{
				"2 new, 0 updated and 0 unchanged reports.",
				"2025/0417 Opplevelsesnettverk Interim report 01.03.2025 – 30.09.2025 New report On track 5 0 Accepted 2",
				"2025/0533 Stedsutvikling Tørdal Final report",
			} {
				if !strings.Contains(text, want) {
					t.Errorf("the preview lacks %q\n%s", want, text)
				}
			}
			if n := reportCount(t, fx); n != 0 {
				t.Fatalf("the preview stored %d reports", n)
			}
			_, jobs := ed.get("/programmes/driv/jobs")
			before := cellText(jobs)

			confirm := formAt(t, page, base+"/confirm")
			resp, jobs = ed.postFollow(base+"/confirm", confirm)
			if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Request.URL.Path, "/programmes/driv/jobs") {
				t.Fatalf("confirm: %d %s", resp.StatusCode, resp.Request.URL)
			}
			if n := reportCount(t, fx); n != 2 {
				t.Fatalf("%d reports stored, want 2", n)
			}
			if !strings.Contains(jobs, `<p class="notice" role="status">2 reports were imported.</p>`) {
				t.Errorf("the job ledger does not say 2 reports were imported")
			}
			if cellText(jobs) == before || !strings.Contains(cellText(jobs), "Opplevelsesnettverk") ||
				strings.Contains(cellText(jobs), "Stedsutvikling Tørdal") {
				t.Errorf("the job ledger does not count the accepted report alone:\n%s", cellText(jobs))
			}
			if !strings.Contains(cellText(jobs), "5") {
				t.Errorf("the job ledger lacks the 5 jobs:\n%s", cellText(jobs))
			}

			// The same file again: nothing new, nothing changed.
			_, page = ed.uploadReports(base, "rapporter.csv", []byte(drivReports))
			if !strings.Contains(cellText(page), "0 new, 0 updated and 2 unchanged reports.") {
				t.Fatalf("the second preview: %s", cellText(page))
			}
			if resp, _ := ed.postFollow(base+"/confirm", formAt(t, page, base+"/confirm")); resp.StatusCode != http.StatusOK {
				t.Fatalf("second confirm: %d", resp.StatusCode)
			}
			if n := reportCount(t, fx); n != 2 {
				t.Errorf("%d reports after the same file again, want 2", n)
			}
		})
	}
}

// TestReportImportProblems: a report file with a bad row stores nothing,
// and the page names the row, the column and what is wrong; a workbook is
// read as a CSV file is.
func TestReportImportProblems(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			fx.user("redaktor@driv.no", "", false, "driv", auth.RoleEditor)
			ed := fx.login("redaktor@driv.no").in("nb")
			const base = "/programmes/driv/projects/import"
			_, page := ed.upload(base, "sak.csv", []byte(drivExport))
			ed.postFollow(base+"/confirm", formAt(t, page, base+"/confirm"))

			bad := drivReports + "2099/1;Delrapport;01.01.2025;30.06.2025;;1;-1;\r\n"
			resp, page := ed.uploadReports(base, "rapporter.csv", []byte(bad))
			if resp.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", resp.StatusCode)
			}
			text := cellText(page)
			for _, want := range []string{
				"Filen har 2 feil, listet nedenfor. Ingenting er importert.",
				"4 A (Saksnummer) Ingen prosjekter i programmet har saksnummeret «2099/1».",
				"4 G (Sikrede arbeidsplasser) «-1» er under null.",
			} {
				if !strings.Contains(text, want) {
					t.Errorf("the page lacks %q\n%s", want, text)
				}
			}
			if !strings.Contains(page, `id="f-what-reports" value="reports" checked`) {
				t.Error("the form shown again forgets that the file holds reports")
			}
			if n := reportCount(t, fx); n != 0 {
				t.Errorf("a file with problems stored %d reports", n)
			}

			x := excelize.NewFile()
			sh := x.GetSheetName(0)
			for i, row := range [][]any{
				{"Saksnr", "Type", "Fra", "Til", "Nye arbeidsplasser"},
				{"2025/0417", "sluttrapport", "2025-01-01", "2024-12-31", 2.5},
			} {
				cell, _ := excelize.CoordinatesToCellName(1, i+1)
				_ = x.SetSheetRow(sh, cell, &row)
			}
			var buf bytes.Buffer
			_ = x.Write(&buf)
			resp, page = ed.uploadReports(base, "rapporter.xlsx", buf.Bytes())
			text = cellText(page)
			if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(text, "2 D (Til) Sluttdatoen «2024-12-31» er før startdatoen.") ||
				!strings.Contains(text, "2 E (Nye arbeidsplasser) «2.5» er ikke et helt tall.") {
				t.Errorf("workbook: %d %s", resp.StatusCode, text)
			}
			if n := reportCount(t, fx); n != 0 {
				t.Errorf("%d reports stored", n)
			}
		})
	}
}
