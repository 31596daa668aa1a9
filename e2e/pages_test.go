package e2e_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"planverk/e2e"
	"planverk/examples"
	"planverk/store"
	"planverk/store/postgres"
	"planverk/store/sqlite"
	"planverk/store/testdb"
)

// The system administrator every test server has.
const (
	adminEmail    = "sara@example.no"
	adminPassword = "sara sitt lange passord"
)

// server is the real planverk binary, started for one test on a database
// of its own: a copy of one that holds the example plans and catalogue and
// the system administrator.
type server struct {
	URL string
}

func startServer(t *testing.T) *server {
	t.Helper()
	return startServerOn(t, "sqlite")
}

// engines lists the databases the editing tests run on: SQLite always,
// PostgreSQL where PLANVERK_TEST_POSTGRES names a server.
func engines(t *testing.T) []string {
	if os.Getenv(postgres.TestURLVariable) == "" {
		t.Logf("%s is not set: the browser tests run on SQLite only", postgres.TestURLVariable)
		return []string{"sqlite"}
	}
	return []string{"sqlite", "postgres"}
}

// binDir holds the binary that binary builds; TestMain removes it.
var binDir string

// binary builds the real planverk once per run of the package.
var binary = sync.OnceValues(func() (string, error) {
	root, err := e2e.RepoRoot()
	if err != nil {
		return "", err
	}
	bin := filepath.Join(binDir, "planverk")
	build := exec.Command("go", "build", "-o", bin, "./cmd/planverk")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		return "", fmt.Errorf("build: %v\n%s", err, out)
	}
	return bin, nil
})

// serverDatabase is the database every server starts from, made once per
// run of the package: a system administrator, made the way an operator
// makes the first one, and the example plans and catalogue, which serve
// would load into the empty database.
var serverDatabase = testdb.New(func(ctx context.Context, engine, dsn string) error {
	bin, err := binary()
	if err != nil {
		return err
	}
	add := exec.Command(bin, "user", "add", "--db", dsn, "--email", adminEmail, "--name", "Sara Systemansvarleg", "--admin")
	add.Stdin = strings.NewReader(adminPassword + "\n")
	if out, err := add.CombinedOutput(); err != nil {
		return fmt.Errorf("user add: %v\n%s", err, out)
	}
	var st store.Store
	if engine == "postgres" {
		st, err = postgres.Open(ctx, dsn)
	} else {
		st, err = sqlite.Open(ctx, dsn)
	}
	if err != nil {
		return err
	}
	if _, err := examples.Install(ctx, st); err != nil {
		st.Close()
		return err
	}
	if _, err := examples.InstallCatalogue(ctx, st); err != nil {
		st.Close()
		return err
	}
	return st.Close()
})

// startServerOn starts the real binary on a new database of the engine,
// and runs the test in parallel with the others (see testdb.Parallel).
func startServerOn(t *testing.T, engine string) *server {
	t.Helper()
	return startServerFrom(t, engine, serverDatabase)
}

// startServerFrom is startServerOn over a copy of another database.
func startServerFrom(t *testing.T, engine string, from *testdb.Template) *server {
	t.Helper()
	testdb.Parallel(t)
	return startServerAt(t, from.Database(t, engine))
}

// startServerAt starts the real binary on database db, which several
// servers may share.
func startServerAt(t *testing.T, db string) *server {
	t.Helper()
	bin, err := binary()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, "serve", "--addr", "127.0.0.1:0", "--db", db)
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		_ = cmd.Wait()
	})
	// The server logs one JSON line with its address once it listens.
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			var line struct {
				Msg  string `json:"msg"`
				Addr string `json:"addr"`
			}
			if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "planverk serving" {
				addr <- line.Addr
			}
		}
	}()
	select {
	case a := <-addr:
		return &server{URL: a}
	case <-time.After(60 * time.Second):
		t.Fatal("planverk serve did not start within 60 s")
	}
	return nil
}

// get fetches a page as a browser that asks for lang would, and returns its
// status and body.
func get(t *testing.T, u, lang string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", u, nil)
	req.Header.Set("Accept-Language", lang)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

var mainPages = []string{
	"/",
	"/programmes/vest-telemark",
	"/programmes/vest-telemark/plans/2025",
	"/programmes/vest-telemark/plans/2025/goals/1/measures/2",
	"/programmes/driv",
	"/programmes/driv/plans/2025",
	"/programmes/driv/dashboard",
	"/programmes/vest-telemark/dashboard",
	"/programmes/driv/jobs",
	"/overview",
	"/overview?county=99&kind=restructuring-programme",
	"/organisations/husbanken",
	"/organisations/telemark-fylkeskommune",
	"/schemes",
	"/schemes?q=bustad&kind=loan",
	"/schemes/husbanken-startlan",
	"/schemes/finder?who=farmers&want=tourism&where=Vinje",
	"/glossary",
	"/no-such-page",
}

// Every main page, in every language, passes axe-core's WCAG 2.1 A and AA
// rules with no violation and is valid HTML.
func TestPagesAccessibleInEveryLanguage(t *testing.T) {
	e2e.Require(t, e2e.Chromium, e2e.AxeCore, e2e.HTMLChecker)
	srv := startServer(t)
	b := e2e.NewBrowser(t)
	docs := map[string][]byte{}
	for _, lang := range []string{"nb", "nn", "en"} {
		p := b.Open(t, srv.URL+"/")
		// Choose the language with the switch, as a visitor would.
		p.ClickAndWait(fmt.Sprintf(`.langs button[value="%s"]`, lang))
		if got := p.Attr("html", "lang"); got != lang {
			t.Fatalf("after choosing %s the page says lang=%q", lang, got)
		}
		for _, path := range mainPages {
			t.Run(lang+path, func(t *testing.T) {
				p := p.For(t)
				status := p.Navigate(srv.URL + path)
				want := http.StatusOK
				if path == "/no-such-page" {
					want = http.StatusNotFound
				}
				if status != want {
					t.Fatalf("status %d, want %d", status, want)
				}
				p.AssertNoAxeViolations(t)
				// What the server sends, not what the browser repaired.
				_, body := getWithCookie(t, srv.URL+path, lang)
				docs[lang+path] = []byte(body)
			})
		}
	}
	e2e.AssertValidHTMLFiles(t, docs)
}

// getWithCookie fetches a page as a visitor who chose lang with the switch.
func getWithCookie(t *testing.T, u, lang string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", u, nil)
	req.AddCookie(&http.Cookie{Name: "planverk_lang", Value: lang})
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if !strings.Contains(string(b), fmt.Sprintf(`<html lang="%s">`, lang)) {
		t.Errorf("%s: not in %s", u, lang)
	}
	return resp.StatusCode, string(b)
}

// The Vest-Telemark plan page shows every total the printed plan shows,
// computed, in Norwegian form.
func TestPlanPageShowsComputedTotals(t *testing.T) {
	srv := startServer(t)
	_, vt := get(t, srv.URL+"/programmes/vest-telemark/plans/2025", "nn")
	for _, total := range []string{"22 000 000", "2 400 000", "10 500 000", "6 750 000", "2 350 000", "2 700 000", "300 000", "10 800 000"} {
		if !strings.Contains(vt, strings.ReplaceAll(total, " ", "\u00a0")) {
			t.Errorf("Vest-Telemark plan page lacks %s", total)
		}
	}
	for _, s := range []string{"60\u00a0%", "19.06.2025", "11.06.2025", "blir prioritert seinare"} {
		if !strings.Contains(vt, s) {
			t.Errorf("Vest-Telemark plan page lacks %q", s)
		}
	}
	_, driv := get(t, srv.URL+"/programmes/driv/plans/2025", "nb")
	for _, s := range []string{"4\u00a0670\u00a0000", "min.", "ikke kjent ennå", "74,9\u00a0%"} {
		if !strings.Contains(driv, s) {
			t.Errorf("Driv plan page lacks %q", s)
		}
	}
}

// The language follows Accept-Language until the visitor chooses, and the
// choice is remembered.
func TestLanguageSwitchRemembered(t *testing.T) {
	srv := startServer(t)
	b := e2e.NewBrowser(t)
	p := b.Open(t, srv.URL+"/programmes/driv")
	p.ClickAndWait(`.langs button[value="en"]`)
	if got := p.Text("h2"); got != "Action plans" {
		t.Errorf("after choosing English: first heading %q", got)
	}
	if u, _ := url.Parse(p.URL()); u.Path != "/programmes/driv" {
		t.Errorf("the switch did not return to the page: %s", p.URL())
	}
	p.Navigate(srv.URL + "/")
	if got := p.Attr("html", "lang"); got != "en" {
		t.Errorf("choice not remembered: lang=%q", got)
	}
	_, body := get(t, srv.URL+"/", "no")
	if !strings.Contains(body, `<html lang="nb">`) {
		t.Error(`Accept-Language "no" does not give bokmål`)
	}
}

// The plan page works by keyboard alone: the first Tab reaches the skip link,
// and following it moves focus to the main content.
func TestKeyboardAndNarrowScreen(t *testing.T) {
	e2e.Require(t, e2e.Chromium, e2e.AxeCore)
	srv := startServer(t)
	b := e2e.NewBrowser(t)
	p := b.Open(t, srv.URL+"/programmes/vest-telemark/plans/2025")
	p.PressTab()
	if f := p.FocusedElement(); !strings.Contains(f.String(), "#main") {
		t.Errorf("first Tab focuses %s, want the skip link", f)
	}
	// Following the skip link puts the focus on the main content.
	p.Press("\r")
	if f := p.FocusedElement(); f.ID != "main" {
		t.Errorf("after the skip link the focus is on %s, want main", f)
	}
	// From there, Tab walks through the page's links and scrollable tables,
	// each with a visible focus indicator, and reaches a measure page link.
	reached := false
	for i := 0; i < 60 && !reached; i++ {
		p.PressTab()
		f := p.FocusedElement()
		if f.Tag == "body" {
			t.Fatalf("Tab %d lost the focus", i+1)
		}
		if !f.FocusVisible {
			t.Errorf("Tab %d: %s has no visible focus", i+1, f)
		}
		reached = strings.Contains(f.Href, "/measures/")
	}
	if !reached {
		t.Error("60 Tabs did not reach a measure")
	}
	p.PressAndWait("\r")
	if !strings.Contains(p.URL(), "/measures/") {
		t.Errorf("Enter on a measure link went to %s", p.URL())
	}
	p.SetViewport(320, 800)
	p.Navigate(srv.URL + "/programmes/vest-telemark/plans/2025")
	if over := p.HorizontalOverflow(); over > 0 {
		t.Errorf("at 320 px the page scrolls sideways by %d px", over)
	}
	p.AssertNoAxeViolations(t)
}

// Printing a plan leaves out the site's header, language switch and table of
// contents, and keeps the plan.
func TestPrintStylesheet(t *testing.T) {
	srv := startServer(t)
	b := e2e.NewBrowser(t)
	p := b.Open(t, srv.URL+"/programmes/vest-telemark/plans/2025")
	p.EmulateMedia("print")
	var shown map[string]string
	p.Eval(`({header: getComputedStyle(document.querySelector("header.site")).display,
		toc: getComputedStyle(document.querySelector(".toc")).display,
		budget: getComputedStyle(document.querySelector("#budget-period")).display})`, &shown)
	if shown["header"] != "none" || shown["toc"] != "none" || shown["budget"] != "table" {
		t.Errorf("in print: %v", shown)
	}
}
