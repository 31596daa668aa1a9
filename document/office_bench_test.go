package document_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkPlanPDFAgainstLibreOffice puts planverk's PDF of the
// Vest-Telemark plan beside LibreOffice's conversion of the same release's
// Word file to PDF, on the same machine in the same run: each round prints
// one and converts the other, so that whatever else the machine does
// weighs on both alike. It reports the milliseconds of each and their
// ratio (pdf/office); the goal is a ratio of at most 0.5.
//
// Each takes the road it takes in use: planverk prints in the Chromium it
// keeps running, and LibreOffice converts with `soffice --headless
// --convert-to pdf`, one process per file, with a profile made before the
// first round. Neither first run is counted.
func BenchmarkPlanPDFAgainstLibreOffice(b *testing.B) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		b.Skip("no soffice found: install libreoffice-writer-nogui")
	}
	app, printer := benchApp(b)
	ctx := context.Background()
	doc, err := app.PlanDocument(ctx, "vest-telemark", 2025)
	if err != nil {
		b.Fatal(err)
	}
	word, err := app.PlanDocx(ctx, "vest-telemark", 2025)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	in := filepath.Join(dir, "plan.docx")
	if err := os.WriteFile(in, word, 0o644); err != nil {
		b.Fatal(err)
	}
	convert := func() {
		cctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(cctx, soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
			"--headless", "--convert-to", "pdf", "--outdir", dir, in)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("soffice: %v\n%s", err, out)
		}
		if _, err := os.Stat(filepath.Join(dir, "plan.pdf")); err != nil {
			b.Fatalf("soffice made no PDF: %v", err)
		}
	}
	printPDF := func() {
		if _, err := printer.Print(ctx, doc); err != nil {
			b.Fatal(err)
		}
	}
	printPDF()
	convert()
	var pdf, office time.Duration
	for b.Loop() {
		t0 := time.Now()
		printPDF()
		t1 := time.Now()
		convert()
		pdf += t1.Sub(t0)
		office += time.Since(t1)
	}
	n := float64(b.N)
	b.ReportMetric(float64(pdf.Milliseconds())/n, "ms/pdf")
	b.ReportMetric(float64(office.Milliseconds())/n, "ms/office")
	b.ReportMetric(pdf.Seconds()/office.Seconds(), "pdf/office")
	b.ReportMetric(0, "ns/op") // the round's time says nothing of either
}
