package web

import (
	"io"
	"net/http"
	"testing"

	"planverk/auth"
)

// Benchmarks of the exports and imports, to compare with the health check
// (BenchmarkHealthBaseline) and the PDF (document's benchmarks) in the
// same run: they decide which of them need a queue and a waiting page. A
// person should not wait for any that takes well under a second.
func BenchmarkExportDocx(b *testing.B) { benchmarkGet(b, vt+"/plan.docx") }
func BenchmarkExportXlsx(b *testing.B) { benchmarkGet(b, vt+"/plan.xlsx") }
func BenchmarkExportCSV(b *testing.B)  { benchmarkGet(b, vt+"/budgets/period.csv") }
func BenchmarkExportCatalogue(b *testing.B) {
	benchmarkGet(b, "/schemes/export?format=csv")
}

// The workbook, as downloaded, uploaded to the budget's import: the
// preview reads the whole workbook and compares it with the plan.
func BenchmarkImportXlsxPreview(b *testing.B) {
	fx := newFixture(b, "sqlite")
	c := moneyUser(fx, "editor@example.org", auth.RoleEditor)
	data := benchDownload(b, c, vt+"/plan.xlsx")
	for b.Loop() {
		if resp, _ := c.upload(vt+"/budgets/period/import", "plan.xlsx", data); resp.StatusCode != http.StatusOK {
			b.Fatalf("preview: status %d", resp.StatusCode)
		}
	}
}

// The whole support-scheme catalogue, as exported, uploaded to the
// catalogue's import: the preview checks and compares every scheme.
func BenchmarkImportCataloguePreview(b *testing.B) {
	fx := newFixture(b, "sqlite")
	fx.user("sys@example.no", "", true, "", "")
	c := fx.login("sys@example.no")
	data := benchDownload(b, c, "/schemes/export?format=csv")
	for b.Loop() {
		if resp, _ := c.upload("/schemes/import", "schemes.csv", data); resp.StatusCode != http.StatusOK {
			b.Fatalf("preview: status %d", resp.StatusCode)
		}
	}
}

func benchDownload(b *testing.B, c *client, path string) []byte {
	b.Helper()
	resp, err := c.hc.Get(c.fx.srv.URL + path)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		b.Fatalf("%s: status %d, %v", path, resp.StatusCode, err)
	}
	return data
}
