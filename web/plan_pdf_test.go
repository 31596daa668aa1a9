package web

import (
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
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
		programme, lang, title, section, measure, draft, later string
		totals, headers                                        []string
	}{
		{programme: "vest-telemark", lang: "nn", title: "Handlingsplan 2025",
			section: "7. Samla budsjett og finansiering for 2025", measure: "Tiltak 2: Verkemiddelapparatet – synleggjere moglegheitene",
			draft: "UTKAST",
			later: "Risikoreduserande tiltak ved bustadbygging blir prioritert seinare",
			totals: []string{"22 000 000", "10 800 000", "2 700 000", "1 500 000",
				// the anchoring schedule and the approvals
				"Politisk forankring Kommune Formannskap Kommunestyre Fyresdal kommune 11.06.2025 19.06.2025", "Godkjenningar"},
			headers: []string{"KDD 13.50 post 66", "Kommunal eigendel", "Fylkeskommunen", "Statsforvaltar", "Offentlege tilskots-ordningar", "Anna"}},
		{programme: "driv", lang: "nb", title: "Handlingsplan 2025",
			section: "Strategier og tiltak for innsatsområdene", measure: "",
			draft:   "UTKAST",
			totals:  []string{"3 500 000", "1 170 000", "4 670 000"},
			headers: []string{"Finansieringskilde", "Andel", "Beløp (kr)", "Forklaring", "Telemark fylkeskommune", "Drangedal kommune", "Refusjoner"}},
	} {
		for _, engine := range engines(t) {
			t.Run(engine+"/"+tc.programme, func(t *testing.T) {
				fx := newFixture(t, engine)
				fx.user("redaktor@example.no", "", false, tc.programme, auth.RoleEditor)
				member := fx.login("redaktor@example.no")
				visitor := fx.anonymous().in("en")
				base := "/programmes/" + tc.programme + "/plans/2025"

				// A visitor gets the latest release, in the plan's language
				// whatever theirs, with no draft mark.
				pdf := fetchPDF(t, visitor, base+"/plan.pdf")
				if dir := os.Getenv("PLANVERK_PDF_OUT"); dir != "" {
					_ = os.WriteFile(filepath.Join(dir, engine+"-"+tc.programme+".pdf"), pdf, 0o644)
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
				for _, w := range []string{tc.measure, tc.later} {
					if w != "" {
						want = append(want, w)
					}
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
					_ = os.WriteFile(filepath.Join(dir, engine+"-"+tc.programme+"-draft.pdf"), draft, 0o644)
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
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// Where no Chromium is installed, the PDF's address says so plainly, in
// the person's language, and the plan page still links to it.
func TestPlanPDFUnavailable(t *testing.T) {
	fx := newFixtureConfig(t, "sqlite", func(string) Config { return Config{Chromium: "/nonexistent/chromium"} })
	for lang, want := range map[string]string{"nb": "PDF kan ikke lages her", "nn": "PDF kan ikkje lagast her", "en": "PDFs cannot be made here"} {
		for _, path := range []string{"/programmes/vest-telemark/plans/2025/plan.pdf", "/programmes/driv/plans/2025/releases/1/plan.pdf"} {
			resp, body := fx.anonymous().in(lang).get(path)
			if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, want) || !strings.Contains(body, "Chromium") {
				t.Errorf("%s in %s: status %d, body lacks %q", path, lang, resp.StatusCode, want)
			}
		}
	}
	// A plan closed to visitors has no PDF for them: it is not found, as
	// its page is not.
	if err := fx.store.SetPublished(context.Background(), "driv", 2025, false, 0); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/programmes/driv/plans/2025/plan.pdf", "/programmes/driv/plans/2025/releases/1/plan.pdf"} {
		if resp, _ := fx.anonymous().get(path); resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s of a closed plan: status %d, want 404", path, resp.StatusCode)
		}
	}
}

// The plan's page links to its PDF in every language: a visitor to the
// release's, a member to the draft's.
func TestPlanPDFLinks(t *testing.T) {
	fx := newFixture(t, "sqlite")
	fx.user("redaktor@example.no", "", false, "driv", auth.RoleEditor)
	member := fx.login("redaktor@example.no")
	for lang, words := range map[string][2]string{"nb": {"Last ned som PDF", "Planen som PDF"}, "nn": {"Last ned som PDF", "Planen som PDF"}, "en": {"Download as PDF", "The plan as PDF"}} {
		_, body := fx.anonymous().in(lang).get("/programmes/driv/plans/2025")
		if !strings.Contains(body, `href="/programmes/driv/plans/2025/releases/1/plan.pdf" type="application/pdf">`+words[0]+`</a>`) {
			t.Errorf("%s: a visitor's page has no link to the release's PDF", lang)
		}
		_, body = member.in(lang).get("/programmes/driv/plans/2025")
		if !regexp.MustCompile(`href="/programmes/driv/plans/2025/plan.pdf\?version=\d+" type="application/pdf">` + words[1] + `</a>`).MatchString(body) {
			t.Errorf("%s: a member's page has no link to the draft's PDF", lang)
		}
	}
	// A release that does not exist has no PDF.
	if resp, _ := fx.anonymous().get("/programmes/driv/plans/2025/releases/9/plan.pdf"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("release 9: status %d", resp.StatusCode)
	}
}

// A PDF that takes longer than a moment gets a page that says it is being
// made, with a link to fetch it; the job goes on, and asking again gets it.
// Requests at once for the same PDF share one job.
func TestPlanPDFWait(t *testing.T) {
	needPDFTools(t)
	fx := newFixture(t, "sqlite")
	fx.app.pdfMoment = time.Millisecond
	const path = "/programmes/vest-telemark/plans/2025/releases/1/plan.pdf"
	var wg sync.WaitGroup
	statuses := make([]int, 6)
	bodies := make([]string, 6)
	for i := range statuses {
		wg.Go(func() {
			resp, body := fx.anonymous().in("nn").get(path)
			statuses[i], bodies[i] = resp.StatusCode, body
			if resp.StatusCode == http.StatusAccepted && resp.Header.Get("Retry-After") == "" {
				t.Error("the page that says the PDF is being made has no Retry-After")
			}
		})
	}
	wg.Wait()
	for i, st := range statuses {
		if st != http.StatusAccepted {
			t.Fatalf("request %d: status %d", i, st)
		}
		if !strings.Contains(bodies[i], "PDF-en vert laga") || !strings.Contains(bodies[i], `href="`+path+`"`) {
			t.Errorf("request %d: the page lacks its words or its link:\n%s", i, bodies[i])
		}
	}
	fx.app.pdfJobs.mu.Lock()
	n := len(fx.app.pdfJobs.running)
	fx.app.pdfJobs.mu.Unlock()
	if n > 1 {
		t.Errorf("%d jobs for one PDF", n)
	}
	pdf := fetchPDF(t, fx.anonymous(), path)
	if !strings.Contains(popplerOut(t, pdf, "pdfinfo"), "Tagged:          yes") {
		t.Error("the PDF made meanwhile is not tagged")
	}
}
