package document

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Printer prints HTML documents to PDF in one headless Chromium, started on
// the first print and kept for the next. It prints at most Concurrency
// documents at once, so that two dozen requests at once open two dozen
// tabs one or two at a time, never two dozen browsers; the others wait
// their turn.
type Printer struct {
	path    string
	slots   chan struct{}
	waiting atomic.Int64 // prints waiting for a slot
	timeout time.Duration

	mu      sync.Mutex
	browser context.Context // the chromedp context that owns the browser; nil before the first print
	stop    func()
}

// PrinterConfig is what an operator sets for printing.
type PrinterConfig struct {
	// Chromium is the browser's path; "" finds it (FindChromium).
	Chromium string
	// Concurrency is how many documents print at once: 1 where it is 0.
	Concurrency int
	// Timeout limits one print, 2 minutes where it is 0.
	Timeout time.Duration
}

// NewPrinter returns a printer. It starts nothing until the first print.
func NewPrinter(cfg PrinterConfig) *Printer {
	if cfg.Concurrency < 1 {
		cfg.Concurrency = 1
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 2 * time.Minute
	}
	return &Printer{path: FindChromium(cfg.Chromium), slots: make(chan struct{}, cfg.Concurrency), timeout: cfg.Timeout}
}

// Available reports whether a Chromium was found to print with.
func (p *Printer) Available() bool { return p != nil && p.path != "" }

// Queue reports how many prints wait for their turn and how many are
// printing now.
func (p *Printer) Queue() (waiting, printing int) {
	return int(p.waiting.Load()), len(p.slots)
}

// Print prints an HTML document. The document must stand alone (its
// stylesheet inline, no scripts): it is loaded into an empty tab, with
// scripts off and nothing fetched. The page size and orientation come from
// the document's @page rules (A4, landscape for named wide pages); margins
// from the same rules, and the header and footer print in them.
func (p *Printer) Print(ctx context.Context, doc Document) ([]byte, error) {
	if !p.Available() {
		return nil, ErrNoChromium
	}
	p.waiting.Add(1)
	select {
	case p.slots <- struct{}{}:
		p.waiting.Add(-1)
	case <-ctx.Done():
		p.waiting.Add(-1)
		return nil, ctx.Err()
	}
	defer func() { <-p.slots }()
	ctx, cancel := context.WithTimeout(ctx, p.timeout)
	defer cancel()
	browser, err := p.start()
	if err != nil {
		return nil, err
	}
	pdf, err := printIn(ctx, browser, doc)
	if err != nil && browser.Err() != nil {
		// The browser ended under the print (it crashed, or was killed):
		// the next print starts a new one.
		p.forget(browser)
	}
	return pdf, err
}

// start returns the running browser, and starts one where there is none or
// the last one has ended.
func (p *Printer) start() (context.Context, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.browser != nil && p.browser.Err() == nil {
		return p.browser, nil
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(p.path),
		chromedp.Headless,
		// Chromium's sandbox needs user namespaces that servers and
		// containers often lack; the browser only ever loads documents
		// planverk made, with scripts off.
		chromedp.NoSandbox,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("no-pings", true),
	)
	allocCtx, allocCancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	// The first run starts the browser and binds it to ctx for its whole
	// life, so it has no timeout of its own; it is watched from here.
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(ctx) }()
	select {
	case err := <-done:
		if err != nil {
			cancel()
			allocCancel()
			return nil, fmt.Errorf("document: starting %s: %w", p.path, err)
		}
	case <-time.After(time.Minute):
		cancel()
		allocCancel()
		<-done
		return nil, fmt.Errorf("document: starting %s: no answer within a minute", p.path)
	}
	p.browser = ctx
	p.stop = func() {
		sctx, scancel := context.WithTimeout(ctx, 10*time.Second)
		_ = chromedp.Cancel(sctx) // closes the browser gracefully
		scancel()
		cancel()
		allocCancel() // waits for the process and removes its profile
	}
	return ctx, nil
}

// forget drops a browser that has ended.
func (p *Printer) forget(browser context.Context) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.browser == browser {
		p.stop()
		p.browser, p.stop = nil, nil
	}
}

// Close ends the browser, if one was started.
func (p *Printer) Close() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stop != nil {
		p.stop()
		p.browser, p.stop = nil, nil
	}
}

// printIn prints a document in a new tab of the browser.
func printIn(ctx context.Context, browser context.Context, doc Document) ([]byte, error) {
	tab, closeTab := chromedp.NewContext(browser)
	defer closeTab()
	// The tab lives as long as the print: its first run binds it to tab,
	// and the print's deadline is watched from here.
	stop := context.AfterFunc(ctx, closeTab)
	defer stop()
	// about:blank first, so that the tab knows its frame before the
	// document replaces its content.
	err := chromedp.Do(tab, chromedp.Navigate("about:blank"), chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			return err
		}
		tree, err := cdp.Call(ctx, t, page.GetFrameTree, cdp.Empty{})
		if err != nil {
			return err
		}
		_, err = cdp.Call(ctx, t, page.SetDocumentContent, page.SetDocumentContentParams{FrameID: tree.FrameTree.Frame.ID, HTML: string(doc.HTML)})
		return err
	}))
	if err != nil {
		return nil, fmt.Errorf("document: loading the document: %w", errOf(ctx, err))
	}
	pdf, err := chromedp.Run(tab, chromedp.PrintToPDF(
		chromedp.PDFPaper(chromedp.PaperA4),
		chromedp.PDFPreferCSSPageSize(),
		chromedp.PDFPrintBackground(),
		chromedp.PDFOutlineAndTagged(),
		chromedp.PDFMargins(doc.Margins.Top, doc.Margins.Right, doc.Margins.Bottom, doc.Margins.Left),
		chromedp.PDFHeaderTemplate(orEmpty(doc.Header)),
		chromedp.PDFFooterTemplate(orEmpty(doc.Footer)),
		chromedp.PDFStream(),
	))
	if err != nil {
		return nil, fmt.Errorf("document: printing: %w", errOf(ctx, err))
	}
	return pdf, nil
}

// errOf is the print's own error where its context ended, which says more
// than the closed tab's.
func errOf(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}

// orEmpty is a template that prints nothing, for a header or footer left
// out: without one the browser prints its own (the date and the address).
func orEmpty(html string) string {
	if html == "" {
		return "<span></span>"
	}
	return html
}
