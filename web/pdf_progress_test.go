package web

import (
	"context"
	"encoding/json"
	"errors"
	"html"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"planverk/document"
	"planverk/e2e"
)

// heldPrinter makes a fixture's PDFs wait until release is called; then
// each is fake PDF bytes, or fails where fail is set.
func heldPrinter(fx *fixture, fail bool) (release func()) {
	gate := make(chan struct{})
	fx.app.pdfMoment = time.Millisecond
	fx.app.print = func(ctx context.Context, _ document.Document) ([]byte, error) {
		select {
		case <-gate:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if fail {
			return nil, errors.New("the browser ended")
		}
		return []byte("%PDF-1.7 held"), nil
	}
	var once sync.Once
	return func() { once.Do(func() { close(gate) }) }
}

type pdfProgressReply struct {
	State, Message, Open string
	Waiting              int
}

func askProgress(t *testing.T, c *client, path string) pdfProgressReply {
	t.Helper()
	resp, body := c.get(path)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/json" || resp.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("progress %s: status %d, %v\n%s", path, resp.StatusCode, resp.Header, body)
	}
	var p pdfProgressReply
	if err := json.Unmarshal([]byte(body), &p); err != nil {
		t.Fatalf("progress %s: %v\n%s", path, err, body)
	}
	return p
}

// waitState asks until the PDF's state is want.
func waitState(t *testing.T, c *client, path, want string) pdfProgressReply {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		p := askProgress(t, c, path)
		if p.State == want || time.Now().After(deadline) {
			if p.State != want {
				t.Fatalf("state %q, want %q: %+v", p.State, want, p)
			}
			return p
		}
		time.Sleep(10 * time.Millisecond)
	}
}

var progressAttr = regexp.MustCompile(`id="pdf-status" data-progress="([^"]+)"`)

// The waiting page names the address its script asks; that address says,
// in the reader's language, how the PDF goes — being made, ready, or
// failed — and once ready the PDF itself is there. Asking is allowed to
// whoever may read the PDF, and no one else.
func TestPlanPDFProgress(t *testing.T) {
	fx := newFixture(t, "sqlite")
	release := heldPrinter(fx, false)
	defer release()
	const path = "/programmes/vest-telemark/plans/2025/releases/1/plan.pdf"
	nn := fx.anonymous().in("nn")
	resp, page := nn.get(path)
	if resp.StatusCode != http.StatusAccepted {
		t.Fatalf("status %d", resp.StatusCode)
	}
	m := progressAttr.FindStringSubmatch(page)
	if m == nil || html.UnescapeString(m[1]) != path+"?progress=1" || !strings.Contains(page, `src="/static/pdf-wait.js"`) {
		t.Fatalf("the waiting page names no progress address or script:\n%s", page)
	}
	p := askProgress(t, nn, path+"?progress=1")
	if p.State != pdfPrinting || p.Message != "Han vert skriven ut no. Det tek nokre sekund." || p.Open != "" {
		t.Errorf("while printing: %+v", p)
	}
	release()
	p = waitState(t, nn, path+"?progress=1", pdfReady)
	if p.Message != "PDF-en er klar. Opna han med lenka under." || p.Open != "Opna PDF-en" {
		t.Errorf("ready: %+v", p)
	}
	if p := askProgress(t, fx.anonymous().in("en"), path+"?progress=1"); p.State != pdfReady || p.Open != "Open the PDF" {
		t.Errorf("ready, in English: %+v", p)
	}
	if resp, body := nn.get(path); resp.StatusCode != http.StatusOK || body != "%PDF-1.7 held" {
		t.Errorf("the PDF once ready: status %d, %q", resp.StatusCode, body)
	}
	// A plan taken down answers its progress address as it answers the
	// PDF: not found, telling nothing of it.
	if err := fx.store.SetPublished(context.Background(), "vest-telemark", 2025, false, 0); err != nil {
		t.Fatal(err)
	}
	if resp, _ := fx.anonymous().get(path + "?progress=1"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("a visitor asking for a closed plan's progress: status %d", resp.StatusCode)
	}
}

// A PDF whose print fails says so on the progress address, in words,
// and keeps saying so rather than being started again by each question.
func TestPlanPDFProgressFailed(t *testing.T) {
	fx := newFixture(t, "sqlite")
	release := heldPrinter(fx, true)
	const path = "/programmes/driv/plans/2025/releases/1/plan.pdf"
	nb := fx.anonymous().in("nb")
	if resp, _ := nb.get(path); resp.StatusCode != http.StatusAccepted {
		t.Fatalf("status %d", resp.StatusCode)
	}
	release()
	// The failure is remembered for a while: asking how it goes does not
	// start the PDF again and again, but says that it failed.
	deadline := time.Now().Add(30 * time.Second)
	for {
		p := askProgress(t, nb, path+"?progress=1")
		if p.State == pdfFailed {
			if !strings.Contains(p.Message, "Prøv igjen") && !strings.Contains(p.Message, "prøv igjen") {
				t.Errorf("failed, in bokmål: %q", p.Message)
			}
			if again := askProgress(t, nb, path+"?progress=1"); again.State != pdfFailed {
				t.Errorf("asked again after the failure: %+v", again)
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("never failed: %+v", p)
		}
		time.Sleep(time.Millisecond)
	}
}

// In a real browser, the waiting page's status line changes by itself
// when the PDF is ready, without the page being loaded again, and the
// page passes axe-core before and after.
func TestPlanPDFWaitUpdatesItself(t *testing.T) {
	fx := newFixture(t, "sqlite")
	release := heldPrinter(fx, false)
	defer release()
	b := e2e.NewBrowser(t)
	p := b.Open(t, fx.srv.URL+"/")
	p.ClickAndWait(`.langs button[value="en"]`)
	if status := p.Navigate(fx.srv.URL + "/programmes/vest-telemark/plans/2025/releases/1/plan.pdf"); status != http.StatusAccepted {
		t.Fatalf("status %d", status)
	}
	if got := p.Text("#pdf-status"); got != "It is being printed now. That takes a few seconds." {
		t.Errorf("status line at first: %q", got)
	}
	p.AssertNoAxeViolations(t)
	var ok bool
	p.Eval(`window.stillThisPage = true`, &ok)
	release()
	deadline := time.Now().Add(30 * time.Second)
	for p.Text("#pdf-status") != "The PDF is ready. Open it with the link below." {
		if time.Now().After(deadline) {
			t.Fatalf("the status line never said the PDF is ready: %q", p.Text("#pdf-status"))
		}
		time.Sleep(100 * time.Millisecond)
	}
	if got := p.Text("#pdf-open"); got != "Open the PDF" {
		t.Errorf("the link says %q", got)
	}
	p.Eval(`window.stillThisPage === true`, &ok)
	if !ok {
		t.Error("the page was loaded again")
	}
	if role := p.Attr("#pdf-status", "role"); role != "status" {
		t.Errorf("the status line's role is %q", role)
	}
	p.AssertNoAxeViolations(t)
}
