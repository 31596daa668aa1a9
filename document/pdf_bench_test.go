package document_test

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"testing"

	"planverk/document"
	"planverk/examples"
	"planverk/store/sqlite"
	"planverk/web"
)

// BenchmarkPlanPDF measures the time for one PDF of the Vest-Telemark plan
// (22 pages, one of them landscape): the document made from the plan's
// templates, printed by a Chromium already started. The first print,
// which starts the browser, is not counted.
func BenchmarkPlanPDF(b *testing.B) {
	app, p := benchApp(b)
	ctx := context.Background()
	doc, err := app.PlanDocument(ctx, "vest-telemark", 2025)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := p.Print(ctx, doc); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var size int
	for b.Loop() {
		pdf, err := p.Print(ctx, doc)
		if err != nil {
			b.Fatal(err)
		}
		size = len(pdf)
	}
	b.ReportMetric(float64(size), "bytes/pdf")
}

// benchApp is planverk with the example plans installed, and a printer;
// both close when the benchmark ends. It skips where there is no Chromium.
func benchApp(b *testing.B) (*web.Server, *document.Printer) {
	b.Helper()
	if document.FindChromium("") == "" {
		b.Skip("no Chromium found: install chromium, or set " + document.EnvChromium)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "planverk.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	if _, err := examples.Install(ctx, st); err != nil {
		b.Fatal(err)
	}
	app, err := web.New(st, slog.New(slog.NewTextHandler(io.Discard, nil)), web.Config{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(app.Close)
	p := document.NewPrinter(document.PrinterConfig{})
	b.Cleanup(p.Close)
	return app, p
}
