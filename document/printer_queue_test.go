package document

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Two dozen documents asked for at once are printed by one browser, at
// most Concurrency at a time: the browser itself is asked how many tabs it
// has open while they print, and every document comes out.
func TestTwoDozenPrintsOneBrowser(t *testing.T) {
	const concurrency, requests = 2, 24
	p := needPrinter(t, concurrency)
	ctx := context.Background()
	doc := Document{HTML: []byte(testDoc), Margins: A4Margins}
	// The first print starts the browser; the tabs it has then, with
	// nothing printing, are the baseline.
	if _, err := p.Print(ctx, doc); err != nil {
		t.Fatal(err)
	}
	browser := p.browser
	idle := pageTabs(t, browser)

	var wg sync.WaitGroup
	var failed atomic.Int64
	for range requests {
		wg.Go(func() {
			if pdf, err := p.Print(ctx, doc); err != nil || len(pdf) == 0 {
				t.Errorf("print: %d bytes, %v", len(pdf), err)
				failed.Add(1)
			}
		})
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	most, mostWaiting := 0, 0
	for watching := true; watching; {
		select {
		case <-done:
			watching = false
		case <-time.After(20 * time.Millisecond):
			if n := pageTabs(t, browser) - idle; n > most {
				most = n
			}
			if w, _ := p.Queue(); w > mostWaiting {
				mostWaiting = w
			}
		}
	}
	if failed.Load() > 0 {
		t.Fatalf("%d of %d prints failed", failed.Load(), requests)
	}
	if most > concurrency {
		t.Errorf("the browser had %d documents open at once; at most %d may print", most, concurrency)
	}
	if most == 0 {
		t.Error("no print was ever seen in the browser: the count watches nothing")
	}
	if mostWaiting < requests-concurrency-4 {
		t.Errorf("at most %d prints waited their turn, of %d asked for at once", mostWaiting, requests)
	}
	if p.browser != browser {
		t.Error("the prints started another browser")
	}
	if w, n := p.Queue(); w != 0 || n != 0 {
		t.Errorf("queue after the prints: %d waiting, %d printing", w, n)
	}
}

// pageTabs is how many pages the browser has open.
func pageTabs(t *testing.T, browser context.Context) int {
	t.Helper()
	targets, err := chromedp.Targets(browser)
	if err != nil {
		t.Fatalf("asking the browser for its tabs: %v", err)
	}
	n := 0
	for _, tg := range targets {
		if tg.Type == "page" {
			n++
		}
	}
	return n
}
