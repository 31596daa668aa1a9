package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"planverk/auth"
	"planverk/examples"
	"planverk/notice"
	"planverk/store"
	"planverk/store/sqlite"
	"planverk/web"
)

func (e *env) serve(ctx context.Context, args []string) int {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	addrDef := os.Getenv("PLANVERK_ADDR")
	if addrDef == "" {
		addrDef = "127.0.0.1:8080"
	}
	addr := fl.String("addr", addrDef, "address to listen on, HOST:PORT (also PLANVERK_ADDR)")
	db := dbFlag(fl)
	noExamples := fl.Bool("no-examples", false, "do not load the example plans into an empty database")
	publicURL := fl.String("public-url", envOr("PLANVERK_PUBLIC_URL", ""),
		"where users reach planverk, e.g. https://planverk.example.no: the base of invitation links and of the OpenID callback; https makes cookies Secure (also PLANVERK_PUBLIC_URL; default http://ADDR)")
	oidcIssuer := fl.String("oidc-issuer", envOr("PLANVERK_OIDC_ISSUER", ""), "OpenID Connect issuer URL, e.g. https://idporten.no/ (also PLANVERK_OIDC_ISSUER); empty turns OpenID log-in off")
	oidcClient := fl.String("oidc-client-id", envOr("PLANVERK_OIDC_CLIENT_ID", ""), "OpenID Connect client id (also PLANVERK_OIDC_CLIENT_ID)")
	oidcName := fl.String("oidc-name", envOr("PLANVERK_OIDC_NAME", "ID-porten"), "the provider's name on the log-in page (also PLANVERK_OIDC_NAME)")
	smtpAddr := fl.String("smtp-addr", envOr("PLANVERK_SMTP_ADDR", ""), "SMTP server for e-mail notices of the yearly cycle, HOST:PORT (also PLANVERK_SMTP_ADDR); empty sends no mail")
	smtpFrom := fl.String("smtp-from", envOr("PLANVERK_SMTP_FROM", ""), "the notices' sender, e.g. \"planverk <planverk@example.no>\" (also PLANVERK_SMTP_FROM)")
	smtpUser := fl.String("smtp-user", envOr("PLANVERK_SMTP_USER", ""), "user to log in to the SMTP server as, with the password in PLANVERK_SMTP_PASSWORD (also PLANVERK_SMTP_USER)")
	synchronous := fl.String("sqlite-synchronous", envOr("PLANVERK_SQLITE_SYNCHRONOUS", "normal"),
		"SQLite only: normal keeps every commit through a crash of planverk but may lose the last ones in a power cut; full keeps them through a power cut too, at the cost of a disk sync per save (also PLANVERK_SQLITE_SYNCHRONOUS)")
	passwordChecks := fl.Int("password-checks", 0,
		"how many password checks may run at once, at 64 MiB each; more log-ins wait a second, then get 503 (also PLANVERK_PASSWORD_CHECKS; default 0: one per processor, at most 4, within half of GOMEMLIMIT)")
	clientIPHeader := fl.String("client-ip-header", envOr("PLANVERK_CLIENT_IP_HEADER", ""),
		"the header a reverse proxy writes the client's address in, e.g. X-Forwarded-For, for the log-in limits per address; the last address in it counts (also PLANVERK_CLIENT_IP_HEADER; default: the connection's address). Set it only behind such a proxy")
	tokenMaxAge := fl.Duration("api-token-max-age", web.DefaultAPITokenMaxAge,
		"the longest an API token made on the account page may last, e.g. 2160h for 90 days (also PLANVERK_API_TOKEN_MAX_AGE)")
	for name, env := range map[string]string{"password-checks": "PLANVERK_PASSWORD_CHECKS", "api-token-max-age": "PLANVERK_API_TOKEN_MAX_AGE"} {
		if v := os.Getenv(env); v != "" {
			if err := fl.Set(name, v); err != nil {
				fmt.Fprintf(e.stderr, "planverk serve: %s=%q: %v\n", env, v, err)
				return exitUnusable
			}
		}
	}
	chromium := fl.String("chromium", envOr("PLANVERK_CHROMIUM", ""), "the Chromium that prints PDFs of plans (also PLANVERK_CHROMIUM; default /usr/bin/chromium, or chromium on PATH); without one, PDFs are not offered")
	pdfConcurrency := fl.Int("pdf-concurrency", 1, "how many PDFs are printed at once; each takes a Chromium tab and a core for a few seconds")
	pdfWait := fl.Duration("pdf-wait", 4*time.Second, "how long a request waits for its PDF before it gets a page that says the PDF is being made")
	if err := fl.Parse(args); err != nil {
		return exitUnusable
	}
	if *pdfWait <= 0 {
		fmt.Fprintf(e.stderr, "planverk serve: --pdf-wait must be a positive duration, such as 4s, not %s\n", *pdfWait)
		return exitUnusable
	}
	if _, err := sqlite.ParseSynchronous(*synchronous); err != nil {
		fmt.Fprintf(e.stderr, "planverk serve: --sqlite-synchronous must be normal or full, not %q\n", *synchronous)
		return exitUnusable
	}
	log := slog.New(slog.NewJSONHandler(e.stderr, nil))
	s, err := openStoreWith(ctx, *db, sqlite.Options{Synchronous: *synchronous})
	if err != nil {
		log.Error("open database", "err", err)
		return exitFailed
	}
	defer s.Close()
	if !*noExamples {
		if err := loadExamples(ctx, s, log); err != nil {
			log.Error("load examples", "err", err)
			return exitFailed
		}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Error("listen", "addr", *addr, "err", err)
		return exitFailed
	}
	defer ln.Close()
	// The SMTP password only from the environment, like the OpenID secret.
	cfg := web.Config{PublicURL: *publicURL, OIDCName: *oidcName,
		PasswordChecks: *passwordChecks, ClientIPHeader: *clientIPHeader, APITokenMaxAge: *tokenMaxAge,
		SMTP:     notice.Config{Addr: *smtpAddr, From: *smtpFrom, User: *smtpUser, Password: os.Getenv("PLANVERK_SMTP_PASSWORD")},
		Chromium: *chromium, PDFConcurrency: *pdfConcurrency, PDFWait: *pdfWait}
	if cfg.PublicURL == "" {
		// The address listened on, with the port chosen where :0 was asked.
		cfg.PublicURL = "http://" + ln.Addr().String()
	}
	if *oidcIssuer != "" {
		// The secret only from the environment: a flag would show it to
		// everyone who can list the machine's processes.
		cfg.OIDC, err = auth.NewOIDC(ctx, auth.OIDCConfig{Issuer: *oidcIssuer, ClientID: *oidcClient,
			ClientSecret: os.Getenv("PLANVERK_OIDC_CLIENT_SECRET"),
			RedirectURL:  strings.TrimSuffix(cfg.PublicURL, "/") + "/login/oidc/callback",
			Scopes:       []string{"profile", "email"}})
		if err != nil {
			log.Error("openid connect", "issuer", *oidcIssuer, "err", err)
			return exitFailed
		}
	}
	app, err := web.New(s, log, cfg)
	if err != nil {
		log.Error("start", "err", err)
		return exitFailed
	}
	defer app.Close() // the browser that printed PDFs, if one was started
	if !app.CanPrint() {
		log.Warn("no Chromium found: plans cannot be had as PDF (install chromium, or give --chromium PATH)")
	}
	srv := &http.Server{
		Handler:           app.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	log.Info("planverk serving", "addr", "http://"+ln.Addr().String(), "db", *db, "version", version)
	go app.Tidy(ctx, time.Hour)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		log.Error("serve", "err", err)
		return exitFailed
	case <-ctx.Done():
	}
	// SIGTERM or Ctrl-C: finish the requests under way, then stop.
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		log.Error("shutdown", "err", err)
		return exitFailed
	}
	// The notices of the last steps go out (or give up) before the end.
	app.WaitForNotices()
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Error("serve", "err", err)
		return exitFailed
	}
	log.Info("planverk stopped")
	return exitOK
}

// loadExamples stores the example plans, with their sample projects, when
// the database holds no programme at all, and the example support-scheme catalogue when it holds
// no catalogue, so that a first start shows real plans and schemes.
func loadExamples(ctx context.Context, s store.Store, log *slog.Logger) error {
	ps, err := s.Programmes(ctx)
	if err != nil {
		return err
	}
	if len(ps) == 0 {
		versions, err := examples.Install(ctx, s)
		if err != nil {
			return err
		}
		for _, v := range versions {
			log.Info("loaded example plan", "programme", v.ProgrammeID, "year", v.Year)
		}
		// The examples' invented projects, marked as sample data on
		// every page, so that the follow-up shows something at once.
		n, err := examples.InstallProjects(ctx, s)
		if err != nil {
			return err
		}
		log.Info("loaded sample projects", "projects", n)
	}
	version, err := s.CatalogueVersion(ctx)
	if err != nil {
		return err
	}
	if version == 0 {
		n, err := examples.InstallCatalogue(ctx, s)
		if err != nil {
			return err
		}
		log.Info("loaded example support schemes", "schemes", n)
	}
	return nil
}

// envOr returns the environment variable's value, or def where it is empty.
func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}
