package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

const goodPage = `<!DOCTYPE html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Handlingsplan</title>
<style>
body { font-family: sans-serif; margin: 0; padding: 1rem; color: #1a1a1a; background: #fff; }
a { color: #0645ad; }
</style>
</head>
<body>
<header><a id="skip" href="#main">Hopp til innhold</a></header>
<main id="main">
<h1>Handlingsplan for Nordland</h1>
<p id="intro">Planen har <strong>tre</strong> innsatsområder.</p>
<img src="/logo.svg" alt="Fylkesvåpen" width="40" height="40">
<form action="/sok" method="get">
<label for="q">Søk</label>
<input id="q" name="q" type="search">
<button type="submit">Søk</button>
</form>
<p><a id="more" href="/mer">Les mer om planen</a></p>
</main>
</body>
</html>
`

const badA11yPage = `<!DOCTYPE html>
<html lang="nb">
<head><meta charset="utf-8"><title>Dårlig</title></head>
<body>
<main>
<h1>Dårlig side</h1>
<img src="/logo.svg" width="40" height="40">
<p style="color: #cccccc; background: #ffffff">Lys grå tekst på hvit bakgrunn.</p>
</main>
</body>
</html>
`

const invalidPage = `<!DOCTYPE html>
<html lang="nb">
<head><meta charset="utf-8"><title>Ugyldig</title></head>
<body>
<span><div id="x">blokk i inline</div></span>
<p id="x">samme id</p>
</body>
</html>
`

const formPage = `<!DOCTYPE html>
<html lang="nb">
<head><meta charset="utf-8"><title>Skjema</title></head>
<body><main><h1>Nytt tiltak</h1>
<form action="/lagre" method="post">
<label for="tittel">Tittel</label> <input id="tittel" name="tittel" required>
<button id="lagre">Lagre</button>
</form></main></body>
</html>
`

const logoSVG = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#036"/></svg>`

// A table that is wider than 320 px unless the page lets it scroll.
const widePage = `<!DOCTYPE html>
<html lang="nb">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Bred</title></head>
<body><main><h1>Bred</h1><div style="width: 600px">fast bredde</div></main></body>
</html>
`

func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	pages := map[string]string{
		"/":       goodPage,
		"/bad":    badA11yPage,
		"/bad.h":  invalidPage,
		"/wide":   widePage,
		"/mer":    strings.Replace(goodPage, "<h1>Handlingsplan for Nordland</h1>", "<h1>Mer om planen</h1>", 1),
		"/strict": goodPage,
		"/form":   formPage,
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/lagre" && r.Method == http.MethodPost {
			// POST, redirect, GET, as the application's forms do.
			r.ParseForm()
			http.Redirect(w, r, "/mer?tittel="+url.QueryEscape(r.PostForm.Get("tittel")), http.StatusSeeOther)
			return
		}
		if r.URL.Path == "/logo.svg" {
			w.Header().Set("Content-Type", "image/svg+xml")
			w.Write([]byte(logoSVG))
			return
		}
		body, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if r.URL.Path == "/strict" {
			// A strict policy, as the application will send: the kit must
			// still be able to run axe-core.
			w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'")
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// Every test has a browser of its own (NewBrowser), and they all live in
// the one Chromium of the package, which TestMain stops.

func TestAccessiblePage(t *testing.T) {
	Require(t, Chromium, AxeCore, HTMLChecker)
	t.Parallel()
	b := NewBrowser(t)
	srv := newServer(t)
	p := b.Open(t, srv.URL+"/")
	t.Logf("browser: %s (%s)", b.Version(t), b.Path())

	if got, want := p.Title(), "Handlingsplan"; got != want {
		t.Errorf("Title() = %q, want %q", got, want)
	}
	if got, want := p.Text("h1"), "Handlingsplan for Nordland"; got != want {
		t.Errorf("Text(h1) = %q, want %q", got, want)
	}
	if got, want := p.Text("#intro"), "Planen har tre innsatsområder."; got != want {
		t.Errorf("Text(#intro) = %q, want %q", got, want)
	}
	if got, want := p.Attr("html", "lang"), "nb"; got != want {
		t.Errorf("Attr(html, lang) = %q, want %q", got, want)
	}
	if v, ok := p.AttrOK("img", "alt"); !ok || v != "Fylkesvåpen" {
		t.Errorf("AttrOK(img, alt) = %q, %v", v, ok)
	}
	if _, ok := p.AttrOK("img", "title"); ok {
		t.Errorf("AttrOK(img, title) reports an attribute that does not exist")
	}
	if got := p.Count("a"); got != 2 {
		t.Errorf("Count(a) = %d, want 2", got)
	}
	if got := p.Count("table"); got != 0 {
		t.Errorf("Count(table) = %d, want 0", got)
	}

	start := time.Now()
	p.AssertNoAxeViolations(t)
	t.Logf("axe-core on the accessible page: %v", time.Since(start).Round(time.Millisecond))

	html := p.HTML()
	if !strings.HasPrefix(html, "<!DOCTYPE html>\n<html lang=\"nb\">") {
		t.Errorf("HTML() starts with %q", truncate(html, 60))
	}
	start = time.Now()
	AssertValidHTML(t, []byte(html))
	AssertValidHTML(t, FetchHTML(t, srv.URL+"/"))
	t.Logf("vnu, two runs: %v", time.Since(start).Round(time.Millisecond))
}

func TestAxeFindsViolations(t *testing.T) {
	Require(t, Chromium, AxeCore)
	t.Parallel()
	b := NewBrowser(t)
	srv := newServer(t)
	p := b.Open(t, srv.URL+"/bad")

	vs := p.Axe(t)
	var ids []string
	for _, v := range vs {
		ids = append(ids, v.ID)
		t.Logf("expected violation:\n%s", v)
	}
	for _, want := range []string{"image-alt", "color-contrast"} {
		if !slices.Contains(ids, want) {
			t.Errorf("Axe() ids = %v, want %s among them", ids, want)
		}
	}
	for _, v := range vs {
		if v.Impact == "" || v.Help == "" || len(v.Nodes) == 0 || len(v.Nodes[0].Target) == 0 || v.Nodes[0].FailureSummary == "" {
			t.Errorf("violation %s lacks details: %+v", v.ID, v)
		}
		if v.ID == "image-alt" && v.Nodes[0].Target[0] != "img" {
			t.Errorf("image-alt target = %v, want [img]", v.Nodes[0].Target)
		}
	}

	// The report of AssertNoAxeViolations names each rule.
	rec := &recorder{TB: t}
	runAndRecover(func() { p.AssertNoAxeViolations(rec) })
	if !rec.failed || !strings.Contains(rec.msg, "image-alt") || !strings.Contains(rec.msg, "color-contrast") {
		t.Errorf("AssertNoAxeViolations reported failed=%v:\n%s", rec.failed, rec.msg)
	}
}

func TestAxeUnderStrictCSP(t *testing.T) {
	Require(t, Chromium, AxeCore)
	t.Parallel()
	b := NewBrowser(t)
	srv := newServer(t)
	p := b.Open(t, srv.URL+"/strict")
	p.AssertNoAxeViolations(t)
	// A second run reuses the injected script.
	p.AssertNoAxeViolations(t)
}

func TestValidateHTMLFindsErrors(t *testing.T) {
	Require(t, HTMLChecker)
	t.Parallel()
	msgs := ValidateHTML(t, []byte(invalidPage))
	for _, m := range msgs {
		t.Logf("expected error: %s", m)
	}
	var text []string
	for _, m := range msgs {
		text = append(text, m.Message)
		if m.Line < 1 || m.Column < 1 {
			t.Errorf("message without a position: %+v", m)
		}
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{`Element 'div' not allowed as child of element 'span'`, `Duplicate ID 'x'`} {
		if !strings.Contains(all, want) {
			t.Errorf("ValidateHTML errors do not contain %q:\n%s", want, all)
		}
	}

	rec := &recorder{TB: t}
	runAndRecover(func() { AssertValidHTML(rec, []byte(invalidPage)) })
	if !rec.failed || !strings.Contains(rec.msg, "Duplicate ID") {
		t.Errorf("AssertValidHTML reported failed=%v:\n%s", rec.failed, rec.msg)
	}
}

func TestValidateHTMLFiles(t *testing.T) {
	Require(t, HTMLChecker)
	t.Parallel()
	start := time.Now()
	res := ValidateHTMLFiles(t, map[string][]byte{
		"god side":    []byte(goodPage),
		"ugyldig/a/b": []byte(invalidPage),
		"unclosed":    []byte("<!DOCTYPE html>\n<html lang=\"nb\"><head><title>x</title></head><body><main><p>open</body></html>\n"),
	})
	t.Logf("vnu, one run for three documents: %v", time.Since(start).Round(time.Millisecond))
	if len(res) != 3 {
		t.Fatalf("got results for %d documents, want 3: %v", len(res), res)
	}
	if m := res["god side"]; len(m) != 0 {
		t.Errorf("valid document got errors: %v", m)
	}
	if m := res["ugyldig/a/b"]; len(m) < 2 {
		t.Errorf("invalid document got %d errors, want at least 2: %v", len(m), m)
	}
	if m := res["unclosed"]; !slices.ContainsFunc(m, func(m HTMLMessage) bool { return m.Message == "Unclosed element 'main'." }) {
		t.Errorf("unclosed element: got %v", m)
	}
}

func TestKeyboardFocus(t *testing.T) {
	t.Parallel()
	b := NewBrowser(t)
	srv := newServer(t)
	p := b.Open(t, srv.URL+"/")

	if f := p.FocusedElement(); f.Tag != "body" {
		t.Errorf("before any key: focus on %s, want body", f)
	}
	var walk []string
	for range 4 {
		p.PressTab()
		walk = append(walk, p.FocusedElement().String())
	}
	want := []string{
		`a#skip[href="#main"] "Hopp til innhold"`,
		`input#q[type="search"] "Søk"`,
		`button[type="submit"] "Søk"`,
		`a#more[href="/mer"] "Les mer om planen"`,
	}
	if !slices.Equal(walk, want) {
		t.Errorf("Tab order:\n got %q\nwant %q", walk, want)
	}
	f := p.FocusedElement()
	if f.ID != "more" || !f.FocusVisible || f.Selector != "a#more" {
		t.Errorf("focus on %s (selector %q, focus-visible %v), want a#more with a visible focus", f, f.Selector, f.FocusVisible)
	}

	p.PressShiftTab()
	if f := p.FocusedElement(); f.Tag != "button" || f.Selector != "main#main > form > button" {
		t.Errorf("after Shift+Tab: focus on %s (selector %q), want the submit button", f, f.Selector)
	}
	p.PressTab()

	// Follow the focused link with Enter.
	if status := p.PressAndWait("\r"); status != http.StatusOK {
		t.Errorf("Enter on the link: status %d", status)
	}
	if got := p.Text("h1"); got != "Mer om planen" {
		t.Errorf("after Enter on the link: h1 = %q (URL %s)", got, p.URL())
	}

	// Type into the search field and submit the form.
	p.Navigate(srv.URL + "/")
	p.SendKeys("#q", "næringsliv")
	var v string
	p.Eval(`document.getElementById("q").value`, &v)
	if v != "næringsliv" {
		t.Errorf("search field value = %q", v)
	}
	if status := p.ClickAndWait("button[type=submit]"); status != http.StatusNotFound {
		t.Errorf("submit: status %d, want 404 from the test server", status)
	}
	if u := p.URL(); !strings.HasSuffix(u, "/sok?q=n%C3%A6ringsliv") {
		t.Errorf("after submit: URL %s", u)
	}
	if status := p.Navigate(srv.URL + "/"); status != http.StatusOK {
		t.Errorf("Navigate status %d", status)
	}
	if status := p.ClickAndWait("#more"); status != http.StatusOK {
		t.Errorf("ClickAndWait(#more) status %d", status)
	}
	if got := p.Text("h1"); got != "Mer om planen" {
		t.Errorf("after ClickAndWait: h1 = %q", got)
	}
}

func TestFormPostRedirect(t *testing.T) {
	t.Parallel()
	b := NewBrowser(t)
	srv := newServer(t)
	p := b.Open(t, srv.URL+"/form")

	p.SendKeys("#tittel", "Bredbånd i Lofoten")
	if status := p.ClickAndWait("#lagre"); status != http.StatusOK {
		t.Errorf("ClickAndWait after POST and redirect: status %d, want 200", status)
	}
	if u := p.URL(); u != srv.URL+"/mer?tittel=Bredb%C3%A5nd+i+Lofoten" {
		t.Errorf("after redirect: URL %s", u)
	}
	if got := p.Text("h1"); got != "Mer om planen" {
		t.Errorf("after redirect: h1 = %q", got)
	}

	// Submit by keyboard: Enter in the field.
	p.Navigate(srv.URL + "/form")
	p.SendKeys("#tittel", "Tiltak 2")
	if status := p.PressAndWait("\r"); status != http.StatusOK {
		t.Errorf("PressAndWait(Enter): status %d", status)
	}
	if u := p.URL(); !strings.HasSuffix(u, "tittel=Tiltak+2") {
		t.Errorf("after Enter: URL %s", u)
	}
}

func TestNarrowViewport(t *testing.T) {
	Require(t, Chromium, AxeCore)
	t.Parallel()
	b := NewBrowser(t)
	srv := newServer(t)
	p := b.Open(t, srv.URL+"/")
	p.SetViewport(320, 640)

	var width int
	p.Eval(`window.innerWidth`, &width)
	if width != 320 {
		t.Errorf("window.innerWidth = %d, want 320", width)
	}
	if o := p.HorizontalOverflow(); o != 0 {
		t.Errorf("HorizontalOverflow() = %d on the narrow-friendly page", o)
	}
	p.AssertNoAxeViolations(t)

	shot := filepath.Join(t.TempDir(), "shots", "320.png")
	p.Screenshot(shot)
	if b, err := os.ReadFile(shot); err != nil || !strings.HasPrefix(string(b), "\x89PNG") {
		t.Errorf("screenshot %s: %v, %d bytes", shot, err, len(b))
	}

	p.Navigate(srv.URL + "/wide")
	if o := p.HorizontalOverflow(); o < 200 {
		t.Errorf("HorizontalOverflow() = %d on a 600 px wide page at 320 px, want about 280+", o)
	}
}

func TestPagesInParallel(t *testing.T) {
	t.Parallel()
	b := NewBrowser(t)
	srv := newServer(t)
	for _, path := range []string{"/", "/mer", "/strict", "/wide"} {
		t.Run(path, func(t *testing.T) {
			t.Parallel()
			p := b.Open(t, srv.URL+path)
			if p.Text("h1") == "" {
				t.Errorf("%s: empty h1", path)
			}
			p.PressTab()
			_ = p.FocusedElement()
		})
	}
}

// Two browsers of one test keep their cookies apart, as two people's
// browsers do, although they live in one Chromium.
func TestBrowsersKeepCookiesApart(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/set" {
			http.SetCookie(w, &http.Cookie{Name: "who", Value: "first", Path: "/"})
		}
		who := "nobody"
		if c, err := r.Cookie("who"); err == nil {
			who = c.Value
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!DOCTYPE html><html lang="nb"><head><title>x</title></head><body><h1>%s</h1></body></html>`, who)
	}))
	t.Cleanup(srv.Close)
	first := NewBrowser(t).Open(t, srv.URL+"/set")
	second := NewBrowser(t).Open(t, srv.URL+"/show")
	if got := second.Text("h1"); got != "nobody" {
		t.Errorf("the second browser sends the first one's cookie: %q", got)
	}
	first.Navigate(srv.URL + "/show")
	if got := first.Text("h1"); got != "first" {
		t.Errorf("the first browser lost its cookie: %q", got)
	}
}

func TestFailureReports(t *testing.T) {
	b := NewBrowser(t)
	srv := newServer(t)
	artifacts := t.TempDir()
	t.Setenv(EnvArtifacts, artifacts)

	var rec *recorder
	t.Run("inner", func(t *testing.T) {
		rec = &recorder{TB: t}
		p := b.Open(rec, srv.URL+"/")
		p.Timeout = 300 * time.Millisecond
		runAndRecover(func() { p.Text("#no-such-element") })
	})
	if !rec.failed || !strings.Contains(rec.msg, `Text("#no-such-element"): timed out after 300ms (no element matched`) {
		t.Errorf("failure message: %q", rec.msg)
	}
	// The cleanup of the failed test saved the page.
	for _, ext := range []string{".png", ".html"} {
		name := filepath.Join(artifacts, "TestFailureReports_inner"+ext)
		if fi, err := os.Stat(name); err != nil || fi.Size() == 0 {
			t.Errorf("artifact %s: %v", name, err)
		}
	}
}

func TestMissingToolSkipsOrFails(t *testing.T) {
	t.Setenv(EnvChromium, filepath.Join(t.TempDir(), "no-such-browser"))

	t.Setenv(EnvRequireBrowser, "")
	rec := &recorder{TB: t}
	runAndRecover(func() { NewBrowser(rec) })
	if !rec.skipped || rec.failed || !strings.Contains(rec.msg, EnvChromium) {
		t.Errorf("without %s: skipped=%v failed=%v msg=%q", EnvRequireBrowser, rec.skipped, rec.failed, rec.msg)
	}

	t.Setenv(EnvRequireBrowser, "1")
	rec = &recorder{TB: t}
	runAndRecover(func() { NewBrowser(rec) })
	if rec.skipped || !rec.failed {
		t.Errorf("with %s=1: skipped=%v failed=%v msg=%q", EnvRequireBrowser, rec.skipped, rec.failed, rec.msg)
	}
}

// recorder is a testing.TB that records failures and skips instead of
// reporting them, to test the assertions of the kit. Its Fatal and Skip
// panic with stop, which runAndRecover catches.
type recorder struct {
	testing.TB
	failed, skipped bool
	msg             string
}

type stop struct{}

func (r *recorder) Helper()      {}
func (r *recorder) Failed() bool { return r.failed }
func (r *recorder) Error(args ...any) {
	r.failed = true
	r.msg += fmt.Sprint(args...)
}
func (r *recorder) Errorf(format string, args ...any) { r.Error(fmt.Sprintf(format, args...)) }
func (r *recorder) Fatalf(format string, args ...any) {
	r.Error(fmt.Sprintf(format, args...))
	panic(stop{})
}
func (r *recorder) Fatal(args ...any) { r.Error(args...); panic(stop{}) }
func (r *recorder) Skipf(format string, args ...any) {
	r.skipped = true
	r.msg += fmt.Sprintf(format, args...)
	panic(stop{})
}

func runAndRecover(f func()) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(stop); !ok {
				panic(r)
			}
		}
	}()
	f()
}

// TestRequireNamesEachMissingTool: with no Chromium and no npm packages,
// Require skips once, naming each missing tool; with
// PLANVERK_REQUIRE_BROWSER=1 it fails.
func TestRequireNamesEachMissingTool(t *testing.T) {
	t.Setenv(EnvChromium, filepath.Join(t.TempDir(), "no-such-browser"))
	t.Chdir(t.TempDir())
	if err := os.WriteFile("go.mod", []byte("module x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(EnvRequireBrowser, "")
	rec := &recorder{TB: t}
	runAndRecover(func() { Require(rec, Chromium, AxeCore, HTMLChecker) })
	for _, want := range []string{EnvChromium, "axe-core is not installed", "vnu.jar is not installed"} {
		if !rec.skipped || rec.failed || !strings.Contains(rec.msg, want) {
			t.Errorf("skipped=%v failed=%v msg=%q, want it to say %q", rec.skipped, rec.failed, rec.msg, want)
		}
	}
	t.Setenv(EnvRequireBrowser, "1")
	rec = &recorder{TB: t}
	runAndRecover(func() { Require(rec, AxeCore) })
	if rec.skipped || !rec.failed {
		t.Errorf("with %s=1: skipped=%v failed=%v msg=%q", EnvRequireBrowser, rec.skipped, rec.failed, rec.msg)
	}
	rec = &recorder{TB: t}
	runAndRecover(func() { Require(rec) })
	if rec.skipped || rec.failed {
		t.Errorf("nothing required: skipped=%v failed=%v", rec.skipped, rec.failed)
	}
}
