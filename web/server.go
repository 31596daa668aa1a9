// Package web is planverk's web application: server-rendered pages that
// work without JavaScript, in bokmål, nynorsk and English, and the JSON API.
package web

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/alexedwards/scs/v2"

	"planverk/auth"
	"planverk/document"
	"planverk/notice"
	"planverk/store"
)

// Config is what an operator sets for the web application.
type Config struct {
	// PublicURL is where users reach planverk, such as
	// https://planverk.example.no: the base of invitation links and of the
	// OpenID callback. An https URL makes cookies Secure.
	PublicURL string
	// SMTP, where its Addr is set, sends e-mail notices of the cycle's
	// steps (step_notice.go).
	SMTP notice.Config
	// OIDC, when set, offers log-in through an OpenID provider.
	OIDC *auth.OIDC
	// OIDCName is the provider's name on the log-in button ("ID-porten").
	OIDCName string
	// PageCacheBytes bounds the memory that keeps visitors' pages of
	// releases: 0 for the default (64 MB), below 0 for none.
	PageCacheBytes int
	// DraftCacheBytes bounds the memory that keeps the parts of drafts'
	// pages (draft_cache.go): 0 for the default (64 MB), below 0 for
	// none, where every draft page is rendered in full.
	DraftCacheBytes int
	// PasswordChecks is how many password checks (argon2id, 64 MiB each)
	// may run at once; log-ins beyond them wait a moment, then are answered
	// 503. 0 is DefaultPasswordChecks.
	PasswordChecks int
	// ClientIPHeader names the header a reverse proxy writes the client's
	// address in, such as X-Forwarded-For, for the log-in limits per
	// address; "" takes the connection's address. Set it only behind a
	// proxy that writes the header: else a client can send any address.
	ClientIPHeader string
	// APITokenMaxAge is the longest an API token may be made to last; 0 is
	// DefaultAPITokenMaxAge.
	APITokenMaxAge time.Duration
	// Chromium is the browser that prints PDFs: "" finds it
	// (document.FindChromium); where none is found, the PDF links answer
	// that PDFs cannot be made here.
	Chromium string
	// PDFConcurrency is how many PDFs are printed at once: 1 where it is 0.
	PDFConcurrency int
	// PDFWait is how long a request waits for its PDF before it answers
	// that the PDF is being made; 0 is four seconds.
	PDFWait time.Duration
}

// DefaultAPITokenMaxAge is the longest an API token lasts where the
// operator sets no maximum: a year, so that a forgotten token does not
// work for ever, yet a yearly job runs on one token.
const DefaultAPITokenMaxAge = 365 * 24 * time.Hour

// Server serves planverk over HTTP. It holds no state of its own beyond
// what is fixed at start-up (sessions and log-in failures are in the
// database), so several copies can run behind a load balancer.
type Server struct {
	store    store.Store
	log      *slog.Logger
	pages    *pages
	cfg      Config
	public   *url.URL
	sessions *scs.SessionManager
	// mailer sends the cycle's notices, nil where no SMTP server is
	// configured; notices counts the sends still under way.
	mailer  *notice.Mailer
	notices sync.WaitGroup
	// schemes keeps the support-scheme catalogue's search index between
	// requests, checked against the store (scheme_index.go).
	schemes schemeCache
	// releases keeps which releases are public (release_info.go).
	releases releaseInfos
	// stopWatch ends the watch for other servers' changes, watching waits
	// for it (change_watch.go).
	stopWatch context.CancelFunc
	watching  sync.WaitGroup
	// pageCache keeps visitors' pages of releases (page_cache.go).
	pageCache *pageCache
	// drafts keeps the parts of drafts' pages by plan version
	// (draft_cache.go).
	drafts *draftCache
	// printer prints PDFs; pdfCache keeps those made, pdfJobs those being
	// made, which a request waits pdfMoment for (pdf_serve.go).
	printer   *document.Printer
	pdfCache  *pageCache
	pdfJobs   pdfJobs
	pdfMoment time.Duration
	// print prints a document: the printer's Print, replaced in tests.
	print func(context.Context, document.Document) ([]byte, error)
	// now is the clock, replaced in tests.
	now func() time.Time
	// sleep waits before answering a throttled log-in, replaced in tests.
	sleep func(time.Duration)
	// passwordSlots bounds the password checks under way (password_slot.go).
	passwordSlots chan struct{}
	// syntheticMark says whether the database's data is synthetic
	// (synthetic.go).
	syntheticMark syntheticMark
}

// New returns a Server over the store. It parses every template now, so
// that a broken template stops start-up instead of a request.
func New(st store.Store, log *slog.Logger, cfg Config) (*Server, error) {
	p, err := parsePages()
	if err != nil {
		return nil, err
	}
	if cfg.PublicURL == "" {
		cfg.PublicURL = "http://127.0.0.1:8080"
	}
	public, err := url.Parse(cfg.PublicURL)
	if err != nil || (public.Scheme != "http" && public.Scheme != "https") || public.Host == "" {
		return nil, fmt.Errorf("public URL %q: want http(s)://HOST[:PORT]", cfg.PublicURL)
	}
	s := &Server{store: st, log: log, pages: p, cfg: cfg, public: public, now: time.Now, sleep: time.Sleep,
		pageCache: newPageCache(cfg.PageCacheBytes), drafts: newDraftCache(cfg.DraftCacheBytes),
		passwordSlots: newPasswordSlots(cfg.PasswordChecks),
		pdfCache:      newPageCache(0), pdfMoment: defaultPDFMoment,
		printer: document.NewPrinter(document.PrinterConfig{Chromium: cfg.Chromium, Concurrency: cfg.PDFConcurrency})}
	s.print = s.printer.Print
	if cfg.PDFWait > 0 {
		s.pdfMoment = cfg.PDFWait
	}
	if s.cfg.APITokenMaxAge <= 0 {
		s.cfg.APITokenMaxAge = DefaultAPITokenMaxAge
	}
	s.sessions = newSessions(st, public.Scheme == "https")
	if cfg.SMTP.Hello == "" {
		cfg.SMTP.Hello = heloName(public.Hostname())
	}
	if s.mailer, err = notice.NewMailer(cfg.SMTP); err != nil {
		return nil, err
	}
	s.watchChanges()
	return s, nil
}

// Handler returns the HTTP handler with every route and middleware.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	s.routes(mux)
	protect := http.NewCrossOriginProtection()
	protect.SetDenyHandler(http.HandlerFunc(s.crossOrigin))
	app := noStore(s.sessions.LoadAndSave(s.authenticate(s.refuseInvalidUTF8(mux))))
	// Static files are the same for everyone and cached as such; the
	// session manager must not touch them, or a shared cache could keep a
	// session's cookie with a style sheet.
	static := staticHandler()
	split := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/static/") && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
			static.ServeHTTP(w, r)
			return
		}
		app.ServeHTTP(w, r)
	})
	return s.recoverPanics(s.logRequests(s.securityHeaders(s.markSynthetic(protect.Handler(split)))))
}

// CanPrint reports whether a Chromium was found to print PDFs with.
func (s *Server) CanPrint() bool { return s.printer.Available() }

// Close ends what the server started beside its requests: the browser
// that prints PDFs and the watch for other servers' changes.
func (s *Server) Close() {
	if s.stopWatch != nil {
		s.stopWatch()
		s.watching.Wait()
	}
	s.printer.Close()
}
