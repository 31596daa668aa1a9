package document

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// needPrinter returns a printer, or skips the test where Chromium or
// poppler-utils (pdfinfo, pdftotext) are missing, unless
// PLANVERK_REQUIRE_BROWSER=1 makes that a failure.
func needPrinter(t testing.TB, concurrency int) *Printer {
	t.Helper()
	p := NewPrinter(PrinterConfig{Concurrency: concurrency})
	if !p.Available() {
		unavailable(t, "no Chromium found: install chromium, or set %s", EnvChromium)
	}
	for _, tool := range []string{"pdfinfo", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			unavailable(t, "%s not found: install poppler-utils", tool)
		}
	}
	t.Cleanup(p.Close)
	return p
}

func unavailable(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv("PLANVERK_REQUIRE_BROWSER") == "1" {
		t.Fatalf(format+" (PLANVERK_REQUIRE_BROWSER=1, so this is a failure)", args...)
	}
	t.Skipf(format+" (skipped; PLANVERK_REQUIRE_BROWSER=1 makes it a failure)", args...)
}

// poppler runs a poppler tool on a PDF and returns its output.
func poppler(t testing.TB, pdf []byte, tool string, args ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	args = append(args, path)
	if tool == "pdftotext" {
		args = append(args, "-")
	}
	out, err := exec.Command(tool, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", tool, err, out)
	}
	return string(out)
}

const testDoc = `<!doctype html><html lang="nn"><head><meta charset="utf-8"><title>Ein plan</title>
<style>@page { size: A4; margin: 2cm 1.6cm } @page wide { size: A4 landscape } .wide { page: wide }</style></head>
<body><h1>Ein plan</h1><p>Tekst.</p><div class="wide"><table><caption>Breitt</caption><thead><tr><th scope="col">Kjelde</th><th scope="col">Sum</th></tr></thead>
<tbody><tr><th scope="row">KDD</th><td>10 000 000</td></tr></tbody></table></div></body></html>`

func TestPrintTagged(t *testing.T) {
	p := needPrinter(t, 2)
	header, footer := HeaderFooter(Margin{Lang: "nn", Mark: "Utkast", Left: "Ein plan · versjon 3", Page: "Side {page} av {pages}"})
	doc := Document{HTML: []byte(testDoc), Header: header, Footer: footer, Margins: A4Margins}
	var wg sync.WaitGroup
	pdfs := make([][]byte, 3)
	errs := make([]error, 3)
	for i := range pdfs {
		wg.Go(func() { pdfs[i], errs[i] = p.Print(context.Background(), doc) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("print %d: %v", i, err)
		}
	}
	info := poppler(t, pdfs[0], "pdfinfo")
	for _, want := range []string{"Tagged:          yes", "Title:           Ein plan", "Pages:           2"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	text := poppler(t, pdfs[0], "pdftotext", "-layout")
	for _, want := range []string{"UTKAST", "Side 1 av 2", "Side 2 av 2", "10 000 000", "Utkast · Ein plan · versjon 3"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	if sizes := poppler(t, pdfs[0], "pdfinfo", "-l", "2"); !strings.Contains(sizes, "841.92 x 594.96") {
		t.Errorf("the wide page is not landscape:\n%s", sizes)
	}
	if q, n := p.Queue(); q != 0 || n != 0 {
		t.Errorf("queue after the prints: %d waiting, %d printing", q, n)
	}
}
