package web

import (
	"context"
	"net/http"
	"testing"
	"time"

	"planverk/document"
	"planverk/e2e"
)

// The pages around a PDF — that it is being made, that it cannot be made
// here — pass axe-core and the HTML checker in every language, and so does
// the document Chromium prints, of both plans.
func TestPDFPagesAccessible(t *testing.T) {
	none := newFixtureConfig(t, "sqlite", func(string) Config { return Config{Chromium: "/nonexistent/chromium"} })
	slow := newFixture(t, "sqlite")
	// Its printer never gets to the PDF: every request finds it waiting.
	slow.app.pdfMoment = time.Millisecond
	slow.app.print = func(ctx context.Context, _ document.Document) ([]byte, error) {
		<-ctx.Done()
		return nil, ctx.Err()
	}
	b := e2e.NewBrowser(t)
	docs := map[string][]byte{}
	for _, c := range []struct {
		name   string
		fx     *fixture
		status int
	}{{"unavailable", none, http.StatusServiceUnavailable}, {"wait", slow, http.StatusAccepted}} {
		p := b.Open(t, c.fx.srv.URL+"/")
		for _, lang := range []string{"nb", "nn", "en"} {
			p.ClickAndWait(`.langs button[value="` + lang + `"]`)
			t.Run(c.name+"/"+lang, func(t *testing.T) {
				p := p.For(t)
				if status := p.Navigate(c.fx.srv.URL + "/programmes/driv/plans/2025/releases/1/plan.pdf"); status != c.status {
					t.Fatalf("status %d, want %d", status, c.status)
				}
				p.AssertNoAxeViolations(t)
				docs[c.name+"-"+lang] = []byte(p.HTML())
			})
			p.Navigate(c.fx.srv.URL + "/")
		}
	}
	for _, programme := range []string{"vest-telemark", "driv"} {
		doc, err := slow.app.PlanDocument(context.Background(), programme, 2025)
		if err != nil {
			t.Fatal(err)
		}
		docs["document-"+programme] = doc.HTML
	}
	e2e.AssertValidHTMLFiles(t, docs)
}
