package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"planverk/auth"
	"planverk/examples"
	"planverk/store"
	"planverk/store/postgres"
	"planverk/store/sqlite"
)

// fixture is a running planverk over a database with the example plans,
// and the people who use it.
type fixture struct {
	t     testing.TB
	srv   *httptest.Server
	store store.Store
	app   *Server
}

// engines lists the databases tests that must hold on both run on: SQLite
// always, PostgreSQL where PLANVERK_TEST_POSTGRES names a server.
func engines(t *testing.T) []string {
	if os.Getenv(postgres.TestURLVariable) == "" {
		t.Logf("%s is not set: PostgreSQL is not tested", postgres.TestURLVariable)
		return []string{"sqlite"}
	}
	return []string{"sqlite", "postgres"}
}

// newFixture starts planverk over a new database of the engine.
func newFixture(t testing.TB, engine string) *fixture {
	t.Helper()
	ctx := context.Background()
	var st store.Store
	var err error
	switch engine {
	case "sqlite":
		st, err = sqlite.Open(ctx, filepath.Join(t.TempDir(), "planverk.db"))
	case "postgres":
		dsn, drop, cerr := postgres.CreateTestDatabase(ctx, os.Getenv(postgres.TestURLVariable))
		if cerr != nil {
			t.Fatal(cerr)
		}
		t.Cleanup(func() {
			if err := drop(); err != nil {
				t.Error(err)
			}
		})
		st, err = postgres.Open(ctx, dsn)
	default:
		t.Fatalf("unknown engine %q", engine)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := examples.Install(ctx, st); err != nil {
		t.Fatal(err)
	}
	app, err := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)), Config{})
	if err != nil {
		t.Fatal(err)
	}
	app.sleep = func(time.Duration) {} // throttled log-ins answer at once in tests
	srv := httptest.NewServer(app.Handler())
	t.Cleanup(srv.Close)
	return &fixture{t: t, srv: srv, store: st, app: app}
}

// testPassword is every test user's password.
const testPassword = "a long test password"

var testHash = func() string {
	h, err := auth.HashPassword(testPassword)
	if err != nil {
		panic(err)
	}
	return h
}()

// user makes a user with a role in a programme ("" for none).
func (fx *fixture) user(email, org string, sysadmin bool, programme string, role auth.Role) store.User {
	fx.t.Helper()
	ctx := context.Background()
	u, err := fx.store.CreateUser(ctx, store.User{Email: email, Name: strings.Split(email, "@")[0], Organisation: org,
		SystemAdmin: sysadmin, PasswordHash: testHash, CreatedAt: time.Now()})
	if err != nil {
		fx.t.Fatal(err)
	}
	if programme != "" {
		if err := fx.store.SetRole(ctx, u.ID, programme, role); err != nil {
			fx.t.Fatal(err)
		}
	}
	return u
}

// client is a browser: it keeps cookies, does not follow redirects, and
// sends the Origin header a browser sends with a form.
type client struct {
	fx *fixture
	hc *http.Client
}

func (fx *fixture) anonymous() *client {
	jar, _ := cookiejar.New(nil)
	return &client{fx: fx, hc: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

// login logs a user in and returns their browser.
func (fx *fixture) login(email string) *client {
	fx.t.Helper()
	c := fx.anonymous()
	resp, _ := c.post("/login", url.Values{"email": {email}, "password": {testPassword}})
	if resp.StatusCode != http.StatusSeeOther {
		fx.t.Fatalf("log-in of %s: status %d", email, resp.StatusCode)
	}
	return c
}

func (c *client) get(path string) (*http.Response, string) {
	c.fx.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, c.fx.srv.URL+path, nil)
	return c.do(req)
}

func (c *client) post(path string, form url.Values) (*http.Response, string) {
	c.fx.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, c.fx.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", c.fx.srv.URL)
	return c.do(req)
}

// send makes a request with any method and an empty form body, as the
// authorisation matrix needs for PUT, PATCH and DELETE.
func (c *client) send(method, path string) (*http.Response, string) {
	c.fx.t.Helper()
	req, _ := http.NewRequest(method, c.fx.srv.URL+path, strings.NewReader(""))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", c.fx.srv.URL)
	return c.do(req)
}

func (c *client) do(req *http.Request) (*http.Response, string) {
	c.fx.t.Helper()
	resp, err := c.hc.Do(req)
	if err != nil {
		c.fx.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}
