// Package e2e is the browser-test kit for planverk's end-to-end tests.
//
// It drives headless Chromium through github.com/chromedp/chromedp: one
// process per test binary, and a browser context of its own (cookies,
// storage) per [Browser], runs axe-core in the page ([Page.Axe]) and
// checks markup with the Nu Html Checker ([ValidateHTML]).
//
// The kit needs three things outside Go:
//
//   - Chromium: env PLANVERK_CHROMIUM, else /usr/bin/chromium, else
//     chromium or chromium-browser on PATH (Debian: apt-get install chromium).
//   - node_modules from the repository root: run `npm ci` there. It holds
//     axe-core and vnu-jar (vnu.jar); nothing is downloaded at test time.
//   - java (17 or later) on PATH, for vnu.jar.
//
// When one of them is missing the test is skipped with a message, unless the
// environment has PLANVERK_REQUIRE_BROWSER=1 (set it in CI): then the test
// fails, so that a missing tool cannot pass as a skip.
//
// Env PLANVERK_E2E_ARTIFACTS names a directory: when a test that opened a
// [Page] fails, the kit saves a screenshot and the HTML of the page there.
package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Environment variables that the kit reads.
const (
	// EnvChromium names the Chromium or Chrome binary to use.
	EnvChromium = "PLANVERK_CHROMIUM"
	// EnvRequireBrowser set to "1" turns every skip for a missing tool
	// (Chromium, node_modules, java, vnu.jar) into a test failure.
	EnvRequireBrowser = "PLANVERK_REQUIRE_BROWSER"
	// EnvArtifacts names a directory for a screenshot and the HTML of each
	// page of a failed test.
	EnvArtifacts = "PLANVERK_E2E_ARTIFACTS"
)

// DefaultTimeout limits each action of a Page (navigation, a wait for an
// element, a script). Change Page.Timeout for one page. It only bounds a
// hang: axe-core on a long plan page under the race detector, on a 2-core
// machine running other tests beside it, was seen to take over 15 seconds.
const DefaultTimeout = 45 * time.Second

// startTimeout limits the start of the browser process.
const startTimeout = 60 * time.Second

// unavailable skips the test because a tool is missing, or fails it when
// PLANVERK_REQUIRE_BROWSER=1.
func unavailable(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv(EnvRequireBrowser) == "1" {
		t.Fatalf("e2e: %s (%s=1, so this is a failure and not a skip)", msg, EnvRequireBrowser)
	}
	t.Skipf("e2e: %s (skipped; set %s=1 to make this a failure)", msg, EnvRequireBrowser)
}

// FindChromium returns the path of the browser that NewBrowser starts, or ""
// when none is found. Env PLANVERK_CHROMIUM wins; it may be a path or a name
// on PATH.
func FindChromium() string {
	if p := os.Getenv(EnvChromium); p != "" {
		if found, err := exec.LookPath(p); err == nil {
			return found
		}
		return ""
	}
	for _, p := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if found, err := exec.LookPath(p); err == nil {
			return found
		}
	}
	return ""
}

// Browser is a browser of its own for a test: cookies, storage and cache
// that no other Browser sees, as a separate Chromium would have. Every
// Browser of the test binary lives in one Chromium process (a browser
// context each), started by the first NewBrowser and ended by
// StopChromium, since starting Chromium costs seconds on a busy machine and
// a browser context milliseconds. Open pages in it with Open. A Browser may
// be shared by parallel subtests; each Page is its own tab.
type Browser struct {
	ctx    context.Context // the chromedp context that owns the browser context
	cancel context.CancelFunc
	proc   *chromiumProcess
}

// chromiumProcess is a running Chromium.
type chromiumProcess struct {
	ctx         context.Context // the chromedp context that owns the browser
	cancel      context.CancelFunc
	allocCancel context.CancelFunc
	output      *syncBuffer
	path        string
}

// chromium holds the running Chromium of each binary path (normally one).
var chromium struct {
	sync.Mutex
	procs map[string]*chromiumProcess
}

// NewBrowser gives the test a browser of its own, in the Chromium of the
// test binary, and closes it in t.Cleanup. It skips the test when no
// Chromium is found (see the package documentation for
// PLANVERK_REQUIRE_BROWSER).
func NewBrowser(t testing.TB) *Browser {
	t.Helper()
	path := FindChromium()
	if path == "" {
		if p := os.Getenv(EnvChromium); p != "" {
			unavailable(t, "%s=%q is not an executable", EnvChromium, p)
		}
		unavailable(t, "no Chromium found: set %s, or install chromium (/usr/bin/chromium, or chromium or chromium-browser on PATH)", EnvChromium)
	}
	proc, err := startChromium(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := chromedp.NewContext(proc.ctx, chromedp.WithNewBrowserContext())
	// The first run creates the browser context and its first tab, and
	// binds them to ctx.
	if err := firstRun(ctx, cancel, startTimeout); err != nil {
		cancel()
		t.Fatalf("e2e: opening a browser context in %s: %v\nbrowser output:\n%s", path, err, proc.output.String())
	}
	b := &Browser{ctx: ctx, cancel: cancel, proc: proc}
	t.Cleanup(b.cancel) // closes its tabs and drops its cookies and storage
	return b
}

// startChromium returns the running Chromium at path, and starts it when
// there is none, or when the one there was has ended.
func startChromium(path string) (*chromiumProcess, error) {
	chromium.Lock()
	defer chromium.Unlock()
	if proc := chromium.procs[path]; proc != nil && proc.ctx.Err() == nil {
		return proc, nil
	}
	out := &syncBuffer{}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("no-pings", true),
		// Keep the page size stable between machines.
		chromedp.WindowSize(1280, 1024),
		chromedp.CombinedOutput(out),
		// No UserDataDir option: the allocator makes a fresh temporary
		// --user-data-dir for the browser and removes it (and any
		// leftover child process) when the browser stops.
	)
	allocCtx, allocCancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	proc := &chromiumProcess{ctx: ctx, cancel: cancel, allocCancel: allocCancel, output: out, path: path}

	// The first Do starts the browser, and its context owns the browser for
	// its whole life, so it must not have a timeout.
	if err := firstRun(ctx, cancel, startTimeout); err != nil {
		proc.stop()
		return nil, fmt.Errorf("e2e: starting %s: %v\nbrowser output:\n%s", path, err, out.String())
	}
	if chromium.procs == nil {
		chromium.procs = map[string]*chromiumProcess{}
	}
	chromium.procs[path] = proc
	return proc, nil
}

// StopChromium ends the Chromium that NewBrowser started. Call it from
// TestMain after m.Run; without it Chromium ends with the test binary but
// leaves its temporary profile directory behind.
func StopChromium() {
	chromium.Lock()
	defer chromium.Unlock()
	for path, proc := range chromium.procs {
		proc.stop()
		delete(chromium.procs, path)
	}
}

// Path returns the path of the browser binary.
func (b *Browser) Path() string { return b.proc.path }

// Version returns the product string of the browser, such as
// "Chrome/156.0.8078.79".
func (b *Browser) Version(t testing.TB) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, DefaultTimeout)
	defer cancel()
	v, err := chromedp.CallBrowser(ctx, browser.GetVersion, cdp.Empty{})
	if err != nil {
		t.Fatalf("e2e: reading the browser version: %v", err)
	}
	return v.Product
}

// firstRun runs the first actions on a chromedp context. That run binds the
// browser or the tab to the context of the call, so the call gets ctx itself,
// and the timeout is watched from here: when it ends, cancel (the cancel
// func of ctx) ends the browser or the tab.
func firstRun(ctx context.Context, cancel context.CancelFunc, timeout time.Duration, steps ...chromedp.Action[chromedp.Void]) error {
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(ctx, steps...) }()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case err := <-done:
		return err
	case <-timer.C:
		cancel()
		<-done
		return fmt.Errorf("no answer within %v", timeout)
	}
}

func (proc *chromiumProcess) stop() {
	ctx, cancel := context.WithTimeout(proc.ctx, 10*time.Second)
	_ = chromedp.Cancel(ctx) // closes the browser gracefully
	cancel()
	proc.cancel()
	proc.allocCancel() // waits for the process and removes the user data dir
}

// Open opens a new tab, navigates it to url and waits for the load event.
// The tab closes in t.Cleanup. An empty url opens about:blank.
func (b *Browser) Open(t testing.TB, url string) *Page {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	p := &Page{t: t, ctx: ctx, cancel: cancel, Timeout: DefaultTimeout}
	t.Cleanup(cancel)

	// The first Run on a context creates the tab and binds it to the context
	// of that call, so it gets p.ctx itself and not a context with a
	// timeout (which would end the tab with the call). Without focus
	// emulation a tab that is not the focused window gets no focus and blur
	// events, and :focus-visible does not match, so keyboard tests would
	// depend on which tab was opened last.
	if err := firstRun(ctx, cancel, startTimeout, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
		return err
	})); err != nil {
		t.Fatalf("e2e: opening a tab: %v\nbrowser output:\n%s", err, b.proc.output.String())
	}
	if dir := os.Getenv(EnvArtifacts); dir != "" {
		// Registered after cancel, so it runs before the tab closes.
		t.Cleanup(func() {
			if t.Failed() {
				p.saveArtifacts(dir)
			}
		})
	}
	if url != "" {
		p.Navigate(url)
	}
	return p
}

// Page is one browser tab. Its methods fail the test (t.Fatal) on an error,
// so they must be called from the goroutine of the test that owns the page;
// use For to use the page from a subtest.
type Page struct {
	t      testing.TB
	ctx    context.Context
	cancel context.CancelFunc

	// Timeout limits each action. Open sets DefaultTimeout.
	Timeout time.Duration
}

// For returns a copy of the page that reports failures to t, for use in a
// subtest. Both copies drive the same tab.
func (p *Page) For(t testing.TB) *Page {
	q := *p
	q.t = t
	return &q
}

// run runs the action with the page timeout and fails the test on an error.
func run[T any](p *Page, what string, a chromedp.Action[T]) T {
	p.t.Helper()
	return do(p, what, "", func(ctx context.Context) (T, error) { return chromedp.Run(ctx, a) })
}

// runSel is run for an action that waits for an element.
func runSel[T any](p *Page, what string, a chromedp.Action[T]) T {
	p.t.Helper()
	return do(p, what, " (no element matched the selector, or it did not become visible)",
		func(ctx context.Context) (T, error) { return chromedp.Run(ctx, a) })
}

// do calls f with a context that ends after the page timeout, and fails the
// test when f returns an error. timeoutHint ends the message of a timeout.
func do[T any](p *Page, what, timeoutHint string, f func(ctx context.Context) (T, error)) T {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, p.Timeout)
	defer cancel()
	v, err := f(ctx)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			p.t.Fatalf("e2e: %s: timed out after %v%s", what, p.Timeout, timeoutHint)
		}
		p.t.Fatalf("e2e: %s: %v", what, err)
	}
	return v
}

func (p *Page) run(what string, a chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	run(p, what, a)
}

// Navigate loads url in the tab, waits for the load event and returns the
// HTTP status of the document (0 when the browser reports none, such as for
// about:blank).
func (p *Page) Navigate(url string) int {
	p.t.Helper()
	resp := run(p, fmt.Sprintf("navigating to %s", url), chromedp.NavigateResponse(url))
	if resp == nil {
		return 0
	}
	return int(resp.Status)
}

// ClickAndWait clicks the first element that matches the CSS selector (a
// link, or a submit button), waits until the page that the click loads has
// loaded, and returns its HTTP status. After redirects (such as the POST,
// redirect, GET of a form) it is the status of the final document.
func (p *Page) ClickAndWait(selector string) int {
	p.t.Helper()
	return p.navigateBy(fmt.Sprintf("ClickAndWait(%q)", selector), chromedp.Click(chromedp.CSS(selector)))
}

// PressAndWait is like ClickAndWait for keys sent to the focused element,
// such as "\r" (Enter) on a focused link or in a form field.
func (p *Page) PressAndWait(keys string) int {
	p.t.Helper()
	return p.navigateBy(fmt.Sprintf("PressAndWait(%q)", keys), chromedp.KeyEvent(keys))
}

// navigateBy runs an action that starts a navigation and waits for the new
// page to load.
func (p *Page) navigateBy(what string, a chromedp.Action[chromedp.Void]) int {
	p.t.Helper()
	resp := do(p, what, " (no element matched, or no page loaded)", func(ctx context.Context) (*network.Response, error) {
		return chromedp.RunResponse(ctx, a)
	})
	if resp == nil {
		return 0
	}
	return int(resp.Status)
}

// WaitLoad waits until document.readyState is "complete". Navigate and
// ClickAndWait already wait for the load event; use WaitLoad after an action
// that starts a navigation in another way.
func (p *Page) WaitLoad() {
	p.t.Helper()
	run(p, "waiting for the page to load", chromedp.Poll[bool](`document.readyState === "complete"`,
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(0)))
}

// WaitVisible waits until an element that matches the CSS selector is
// visible.
func (p *Page) WaitVisible(selector string) {
	p.t.Helper()
	runSel(p, fmt.Sprintf("WaitVisible(%q)", selector), chromedp.WaitVisible(chromedp.CSS(selector)))
}

// URL returns the address of the document in the tab.
func (p *Page) URL() string {
	p.t.Helper()
	return run(p, "reading the URL", chromedp.Evaluate[string](`document.location.href`))
}

// Title returns document.title.
func (p *Page) Title() string {
	p.t.Helper()
	return run(p, "reading the title", chromedp.Evaluate[string](`document.title`))
}

// Text returns the rendered text (innerText) of the first element that
// matches the CSS selector. It waits up to Timeout for the element.
func (p *Page) Text(selector string) string {
	p.t.Helper()
	return runSel(p, fmt.Sprintf("Text(%q)", selector), chromedp.Text(chromedp.CSS(selector)))
}

// Attr returns the value of the attribute name of the first element that
// matches the CSS selector, or "" when the element has no such attribute. It
// waits up to Timeout for the element. Use AttrOK to tell a missing
// attribute from an empty one.
func (p *Page) Attr(selector, name string) string {
	p.t.Helper()
	v, _ := p.AttrOK(selector, name)
	return v
}

// AttrOK is like Attr and also reports whether the attribute exists.
func (p *Page) AttrOK(selector, name string) (string, bool) {
	p.t.Helper()
	r := runSel(p, fmt.Sprintf("Attr(%q, %q)", selector, name), chromedp.AttributeValue(chromedp.CSS(selector), name))
	return r.Value, r.Exists
}

// Count returns how many elements match the CSS selector now. It does not
// wait, so it can check that an element is absent.
func (p *Page) Count(selector string) int {
	p.t.Helper()
	var n int
	p.Eval(fmt.Sprintf(`document.querySelectorAll(%s).length`, jsString(selector)), &n)
	return n
}

// Click clicks the first element that matches the CSS selector, after it is
// visible. Use ClickAndWait when the click loads a new page.
func (p *Page) Click(selector string) {
	p.t.Helper()
	runSel(p, fmt.Sprintf("Click(%q)", selector), chromedp.Click(chromedp.CSS(selector)))
}

// SendKeys focuses the first element that matches the CSS selector and types
// keys into it, as key events. "\n" is Enter; see package
// github.com/chromedp/chromedp/kb for other keys.
func (p *Page) SendKeys(selector, keys string) {
	p.t.Helper()
	runSel(p, fmt.Sprintf("SendKeys(%q)", selector), chromedp.SendKeys(chromedp.CSS(selector), keys))
}

// SetValue sets the value of a form field directly, without key events.
func (p *Page) SetValue(selector, value string) {
	p.t.Helper()
	runSel(p, fmt.Sprintf("SetValue(%q)", selector), chromedp.SetValue(chromedp.CSS(selector), value))
}

// SetFiles chooses files for the first file input that matches the CSS
// selector, as a person does in the browser's file dialog: paths are
// files on this machine, and the form sends their names and contents.
func (p *Page) SetFiles(selector string, paths ...string) {
	p.t.Helper()
	runSel(p, fmt.Sprintf("SetFiles(%q)", selector), chromedp.SetUploadFiles(chromedp.CSS(selector), paths))
}

// SetViewport sets the size of the layout viewport in CSS pixels, such as
// 320×640 for the WCAG 1.4.10 reflow check.
func (p *Page) SetViewport(width, height int) {
	p.t.Helper()
	p.run(fmt.Sprintf("SetViewport(%d, %d)", width, height), chromedp.EmulateViewport(int64(width), int64(height)))
}

// EmulateMedia makes the page use the CSS of a media type, such as "print";
// "" returns to the screen.
func (p *Page) EmulateMedia(media string) {
	p.t.Helper()
	p.run("EmulateMedia("+media+")", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
		return err
	}))
}

// HorizontalOverflow returns how many CSS pixels the document is wider than
// the viewport (scrollWidth − clientWidth of the root element); 0 means that
// there is no horizontal scrolling.
func (p *Page) HorizontalOverflow() int {
	p.t.Helper()
	var n int
	p.Eval(`Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)`, &n)
	return n
}

// Screenshot saves a PNG of the whole page (not only the viewport) to path,
// and creates the directory of path.
func (p *Page) Screenshot(path string) {
	p.t.Helper()
	png := run(p, "taking a screenshot", chromedp.FullScreenshot(100))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		p.t.Fatalf("e2e: Screenshot: %v", err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		p.t.Fatalf("e2e: Screenshot: %v", err)
	}
}

// HTML returns the current DOM as a document: the doctype (when the page has
// one) and document.documentElement.outerHTML.
//
// It is the DOM after parsing and scripts, not the bytes that the server
// sent: the HTML parser has already repaired markup such as unclosed
// elements. To validate what the server sends, give ValidateHTML the body of
// the HTTP response (see FetchHTML).
func (p *Page) HTML() string {
	p.t.Helper()
	var s string
	p.Eval(`(() => {
		const d = document.doctype;
		const dt = d ? "<!DOCTYPE " + d.name +
			(d.publicId ? ' PUBLIC "' + d.publicId + '"' : "") +
			(!d.publicId && d.systemId ? " SYSTEM" : "") +
			(d.systemId ? ' "' + d.systemId + '"' : "") + ">\n" : "";
		return dt + document.documentElement.outerHTML;
	})()`, &s)
	return s
}

// Eval evaluates the JavaScript expression in the page, awaits it when it is
// a promise, and decodes its JSON value into out. A nil out ignores the
// value. An exception fails the test.
func (p *Page) Eval(js string, out any) {
	p.t.Helper()
	raw := run(p, "Eval", chromedp.Evaluate[[]byte](js, chromedp.EvalAwaitPromise))
	if out == nil {
		return
	}
	if len(raw) == 0 {
		raw = []byte("null") // undefined
	}
	if err := json.Unmarshal(raw, out); err != nil {
		p.t.Fatalf("e2e: Eval: decoding %s into %T: %v", truncate(string(raw), 200), out, err)
	}
}

// Press sends key events for keys to the focused element. See package
// github.com/chromedp/chromedp/kb for names of special keys, such as
// kb.Enter and kb.Escape.
func (p *Page) Press(keys string) {
	p.t.Helper()
	p.run(fmt.Sprintf("Press(%q)", keys), chromedp.KeyEvent(keys))
}

// PressTab presses the Tab key, which moves the focus to the next element in
// the tab order.
func (p *Page) PressTab() {
	p.t.Helper()
	p.run("PressTab", chromedp.KeyEvent(kb.Tab))
}

// PressShiftTab presses Shift+Tab, which moves the focus back.
func (p *Page) PressShiftTab() {
	p.t.Helper()
	p.run("PressShiftTab", chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift)))
}

// Focused describes the element that has the keyboard focus.
type Focused struct {
	Tag  string `json:"tag"`  // lower case, such as "a"; "body" when nothing has the focus
	ID   string `json:"id"`   // id attribute
	Role string `json:"role"` // role attribute
	Href string `json:"href"` // href attribute, as written
	Type string `json:"type"` // type attribute, of an input or a button
	// Name is an approximation of the accessible name: aria-label, the
	// text of aria-labelledby, the label of a form field, alt, the text, or
	// title. It is for messages and simple checks, not a full computation.
	Name string `json:"name"`
	// Selector is a CSS path to the element, such as "main > p:nth-of-type(2) > a".
	Selector string `json:"selector"`
	// FocusVisible reports whether the element matches :focus-visible,
	// which is when the browser draws a focus indicator by default.
	FocusVisible bool `json:"focusVisible"`
}

// String describes the element for a test message, such as
// `a#home[href="/"] "Hjem"`.
func (f Focused) String() string {
	var b strings.Builder
	b.WriteString(f.Tag)
	if f.ID != "" {
		b.WriteString("#" + f.ID)
	}
	if f.Role != "" {
		fmt.Fprintf(&b, "[role=%q]", f.Role)
	}
	if f.Type != "" {
		fmt.Fprintf(&b, "[type=%q]", f.Type)
	}
	if f.Href != "" {
		fmt.Fprintf(&b, "[href=%q]", f.Href)
	}
	if f.Name != "" {
		fmt.Fprintf(&b, " %q", f.Name)
	}
	return b.String()
}

const focusedJS = `(() => {
	let el = document.activeElement;
	while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
	if (!el) return {tag: ""};
	const attr = (n) => el.getAttribute(n) || "";
	const squash = (s) => (s || "").replace(/\s+/g, " ").trim();
	let name = attr("aria-label");
	if (!name && el.hasAttribute("aria-labelledby")) {
		name = attr("aria-labelledby").split(/\s+/).map((id) => {
			const l = document.getElementById(id);
			return l ? l.textContent : "";
		}).join(" ");
	}
	if (!name && el.labels && el.labels.length) name = Array.from(el.labels, (l) => l.innerText).join(" ");
	if (!name) name = attr("alt");
	if (!name && el !== document.body) name = el.innerText;
	if (!name) name = attr("title");
	if (!name && (el.type === "submit" || el.type === "button")) name = el.value || "";
	const path = [];
	for (let n = el; n && n.nodeType === 1 && n !== document.documentElement; n = n.parentElement) {
		if (n.id) { path.unshift(n.localName + "#" + CSS.escape(n.id)); break; }
		let s = n.localName, i = 1;
		for (let m = n.previousElementSibling; m; m = m.previousElementSibling) if (m.localName === n.localName) i++;
		let more = false;
		for (let m = n.nextElementSibling; m; m = m.nextElementSibling) if (m.localName === n.localName) more = true;
		if (i > 1 || more) s += ":nth-of-type(" + i + ")";
		path.unshift(s);
	}
	let fv = false;
	try { fv = el.matches(":focus-visible"); } catch (e) {}
	return {
		tag: el.localName, id: el.id || "", role: attr("role"), href: attr("href"), type: attr("type"),
		name: squash(name).slice(0, 120), selector: path.join(" > "), focusVisible: fv,
	};
})()`

// FocusedElement describes the element that has the keyboard focus now.
func (p *Page) FocusedElement() Focused {
	p.t.Helper()
	var f Focused
	p.Eval(focusedJS, &f)
	return f
}

// saveArtifacts saves a screenshot and the HTML of the page in dir. It is
// best effort: a page that is gone saves nothing.
func (p *Page) saveArtifacts(dir string) {
	name := safeName(p.t.Name())
	ctx, cancel := context.WithTimeout(p.ctx, 5*time.Second)
	defer cancel()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		p.t.Logf("e2e: saving artifacts: %v", err)
		return
	}
	for i := 0; ; i++ {
		base := filepath.Join(dir, name)
		if i > 0 {
			base = fmt.Sprintf("%s-%d", base, i)
		}
		if _, err := os.Stat(base + ".html"); err == nil {
			continue
		}
		if png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)); err == nil {
			_ = os.WriteFile(base+".png", png, 0o644)
		}
		if html, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.outerHTML`)); err == nil {
			_ = os.WriteFile(base+".html", []byte(html), 0o644)
		}
		p.t.Logf("e2e: saved %s.png and %s.html", base, base)
		return
	}
}

var unsafeChars = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

func safeName(s string) string {
	return strings.Trim(unsafeChars.ReplaceAllString(s, "_"), "_")
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// syncBuffer collects the output of the browser process.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.b.Len() < 1<<20 {
		s.b.Write(p)
	}
	return len(p), nil
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
