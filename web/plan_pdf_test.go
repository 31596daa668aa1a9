package web

import (
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"planverk/auth"
	"planverk/document"
)

// needPDFTools skips a test where Chromium or poppler-utils are missing,
// unless PLANVERK_REQUIRE_BROWSER=1 makes that a failure.
func needPDFTools(t *testing.T) {
	t.Helper()
	missing := ""
	if document.FindChromium("") == "" {
		missing = "no Chromium found (install chromium, or set " + document.EnvChromium + ")"
	}
	for _, tool := range []string{"pdfinfo", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil && missing == "" {
			missing = tool + " not found (install poppler-utils)"
		}
	}
	if missing == "" {
		return
	}
	if os.Getenv("PLANVERK_REQUIRE_BROWSER") == "1" {
		t.Fatalf("%s; PLANVERK_REQUIRE_BROWSER=1, so this is a failure", missing)
	}
	t.Skipf("%s; skipped (PLANVERK_REQUIRE_BROWSER=1 makes it a failure)", missing)
}

// popplerOut runs a poppler tool on a PDF.
func popplerOut(t *testing.T, pdf []byte, tool string, args ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "plan.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	args = append(args, path)
	if tool == "pdftotext" {
		args = append(args, "-")
	}
	// stdout only: pdfinfo -struct complains on stderr of tags that
	// PDF 2.0 allows and poppler does not know.
	out, err := exec.Command(tool, args...).Output()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", tool, args, err, out)
	}
	return string(out)
}

// fetchPDF gets a PDF, asking again while it is being made.
func fetchPDF(t *testing.T, c *client, path string) []byte {
	t.Helper()
	deadline := time.Now().Add(3 * time.Minute)
	for {
		resp, body := c.get(path)
		switch {
		case resp.StatusCode == http.StatusOK:
			if ct := resp.Header.Get("Content-Type"); ct != "application/pdf" {
				t.Fatalf("%s: Content-Type %q", path, ct)
			}
			return []byte(body)
		case resp.StatusCode == http.StatusAccepted && time.Now().Before(deadline):
			time.Sleep(500 * time.Millisecond)
		default:
			t.Fatalf("%s: status %d\n%s", path, resp.StatusCode, body)
		}
	}
}

// squash makes pdftotext's text comparable: runs of white space (lines
// broken in a cell, and the no-break spaces that group thousands) become
// one space.
func squash(s string) string {
	return regexp.MustCompile(`[\s\x{00a0}\x{202f}]+`).ReplaceAllString(s, " ")
}

func TestPlanPDF(t *testing.T) {
	needPDFTools(t)
	for _, tc := range []struct {
		programme, lang, title, section, measure, draft string
		totals, headers                                 []string
	}{
		{programme: "vest-telemark", lang: "nn", title: "Handlingsplan 2025",
			section: "7. Samla budsjett og finansiering for 2025", measure: "Tiltak 2: Verkemiddelapparatet – synleggjere moglegheitene",
			draft:   "UTKAST",
			totals:  []string{"22 000 000"},
			headers: []string{"KDD 13.50 post 66", "Kommunal eigendel", "Fylkeskommunen", "Statsforvaltar", "Offentlege tilskots-ordningar", "Anna"}},
		{programme: "driv", lang: "nb", title: "Handlingsplan 2025",
			section: "Strategier og tiltak for innsatsområdene", measure: "",
			draft:   "UTKAST",
			totals:  []string{"3 500 000", "1 170 000", "4 670 000"},
			headers: []string{"Finansieringskilde", "Andel", "Beløp (kr)", "Forklaring", "Telemark fylkeskommune", "Drangedal kommune", "Refusjoner"}},
	} {
		t.Run(tc.programme, func(t *testing.T) {
			fx := newFixture(t, "sqlite")
			fx.user("redaktor@example.no", "", false, tc.programme, auth.RoleEditor)
			member := fx.login("redaktor@example.no")
			visitor := fx.anonymous().in("en")
			base := "/programmes/" + tc.programme + "/plans/2025"

			// A visitor gets the latest release, in the plan's language
			// whatever theirs, with no draft mark.
			pdf := fetchPDF(t, visitor, base+"/plan.pdf")
			if dir := os.Getenv("PLANVERK_PDF_OUT"); dir != "" {
				_ = os.WriteFile(filepath.Join(dir, tc.programme+".pdf"), pdf, 0o644)
			}
			info := popplerOut(t, pdf, "pdfinfo")
			for _, want := range []string{"Tagged:          yes", "Title:           " + tc.title} {
				if !strings.Contains(info, want) {
					t.Errorf("pdfinfo lacks %q:\n%s", want, info)
				}
			}
			pages := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(info)
			if pages == nil || pages[1] == "1" {
				t.Errorf("pages: %v\n%s", pages, info)
			}
			text := squash(popplerOut(t, pdf, "pdftotext"))
			want := append([]string{tc.title, tc.section, "Side 1 av " + pages[1]}, tc.totals...)
			// Every word of every column's header: a header broken over
			// lines comes out in pieces, a column cut off not at all.
			for _, h := range tc.headers {
				want = append(want, strings.Fields(h)...)
			}
			if tc.measure != "" {
				want = append(want, tc.measure)
			}
			for _, w := range want {
				if !strings.Contains(text, w) {
					t.Errorf("the release's PDF lacks %q", w)
				}
			}
			if strings.Contains(text, tc.draft) {
				t.Errorf("the release's PDF is marked %q", tc.draft)
			}
			if meta := string(pdf); !strings.Contains(meta, "/Lang ("+tc.lang+")") {
				t.Errorf("the PDF's /Lang is not %q", tc.lang)
			}
			structure := popplerOut(t, pdf, "pdfinfo", "-struct")
			for _, tag := range []string{"H1", "H2", "Table", "TH", "TD"} {
				if !regexp.MustCompile(`(?m)^\s*` + tag + `\b`).MatchString(structure) {
					t.Errorf("the structure tree has no %s", tag)
				}
			}

			// The same release again comes from the cache, at once.
			start := time.Now()
			if again := fetchPDF(t, visitor, base+"/plan.pdf"); string(again) != string(pdf) {
				t.Error("the release's PDF differs the second time")
			}
			if d := time.Since(start); d > time.Second {
				t.Errorf("the cached PDF took %v", d)
			}

			// A member gets the draft, marked on every page.
			draft := fetchPDF(t, member, base+"/plan.pdf")
			if dir := os.Getenv("PLANVERK_PDF_OUT"); dir != "" {
				_ = os.WriteFile(filepath.Join(dir, tc.programme+"-draft.pdf"), draft, 0o644)
			}
			text = squash(popplerOut(t, draft, "pdftotext"))
			n := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(popplerOut(t, draft, "pdfinfo"))[1]
			if got := strings.Count(text, tc.draft); got < 2*atoi(t, n) {
				t.Errorf("%q appears %d times on %s pages", tc.draft, got, n)
			}
			if !regexp.MustCompile(`Utkast · ` + tc.title + `[^·]* · utkast, versjon \d+ · \d\d\.\d\d\.\d{4}`).MatchString(text) {
				t.Errorf("the draft's footer does not say its version")
			}
		})
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}
