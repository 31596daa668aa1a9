package web

import (
	"context"
	"fmt"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"planverk/auth"
	"planverk/examples"
	"planverk/plan"
	"planverk/store"
	"planverk/store/postgres"
	"planverk/store/sqlite"
	"planverk/store/testdb"
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

// newFixture starts planverk over a new database of the engine, holding
// the example plans and the example catalogue, and runs the test in
// parallel with the others (see testdb.Parallel).
func newFixture(t testing.TB, engine string) *fixture {
	t.Helper()
	return newFixtureConfig(t, engine, func(string) Config { return Config{} })
}

// exampleDatabase is the database every fixture starts from: migrated, with
// the example plans and catalogue, made once per run of the package and
// copied for each fixture.
var exampleDatabase = testdb.New(func(ctx context.Context, engine, dsn string) error {
	st, err := openStore(ctx, engine, dsn)
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

func openStore(ctx context.Context, engine, dsn string) (store.Store, error) {
	switch engine {
	case "sqlite":
		return sqlite.Open(ctx, dsn)
	case "postgres":
		return postgres.Open(ctx, dsn)
	}
	return nil, fmt.Errorf("unknown engine %q", engine)
}

// newFixtureConfig is newFixture with the configuration that config
// returns, given the URL the server will have (for the OpenID callback).
func newFixtureConfig(t testing.TB, engine string, config func(url string) Config) *fixture {
	t.Helper()
	if engine != "sqlite" && engine != "postgres" {
		t.Fatalf("unknown engine %q", engine)
	}
	testdb.Parallel(t)
	ctx := context.Background()
	st, err := openStore(ctx, engine, exampleDatabase.Database(t, engine))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	srv := httptest.NewUnstartedServer(nil) // listens already, so its URL is known
	t.Cleanup(srv.Close)
	app, err := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)), config("http://"+srv.Listener.Addr().String()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(app.Close)               // after srv.Close: the browser that printed PDFs
	app.sleep = func(time.Duration) {} // throttled log-ins answer at once in tests
	srv.Config.Handler = app.Handler()
	srv.Start()
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
	// lang is the Accept-Language it sends, none where it is "".
	lang string
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

// in makes the browser ask for pages in a language from now on.
func (c *client) in(lang string) *client {
	c.lang = lang
	return c
}

// get fetches a page; header is pairs of names and values to send.
func (c *client) get(path string, header ...string) (*http.Response, string) {
	c.fx.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, c.fx.srv.URL+path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
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
	if c.lang != "" && req.Header.Get("Accept-Language") == "" {
		req.Header.Set("Accept-Language", c.lang)
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		c.fx.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// latest loads the stored plan of a programme's 2025.
func latest(t *testing.T, fx *fixture, programme string) (*plan.File, store.PlanVersion) {
	t.Helper()
	f, v, err := fx.store.LoadPlan(context.Background(), programme, 2025)
	if err != nil {
		t.Fatal(err)
	}
	return f, v
}

var (
	formInput    = regexp.MustCompile(`<input [^>]*>`)
	formTextarea = regexp.MustCompile(`(?s)<textarea[^>]*? name="([^"]+)"[^>]*>\n?(.*?)</textarea>`)
	formSelect   = regexp.MustCompile(`(?s)<select[^>]*? name="([^"]+)"[^>]*>(.*?)</select>`)
	formSelected = regexp.MustCompile(`<option value="([^"]*)" selected`)
	formTag      = regexp.MustCompile(`(?s)<form method="post"[^>]*>.*?</form>`)
)

// formValues reads the fields in a piece of HTML, doc, as a browser sends
// them back unchanged: every named input (a box only when it is ticked,
// and a name as often as it stands), textarea and select.
func formValues(doc string) url.Values {
	v := url.Values{}
	for _, tag := range formInput.FindAllString(doc, -1) {
		name, ok := formAttr(tag, "name")
		if !ok {
			continue
		}
		value, _ := formAttr(tag, "value")
		if typ, _ := formAttr(tag, "type"); typ == "checkbox" && !strings.Contains(tag, " checked") {
			continue
		}
		v.Add(name, value)
	}
	for _, m := range formTextarea.FindAllStringSubmatch(doc, -1) {
		v.Set(m[1], html.UnescapeString(m[2]))
	}
	for _, m := range formSelect.FindAllStringSubmatch(doc, -1) {
		if sel := formSelected.FindStringSubmatch(m[2]); sel != nil {
			v.Set(m[1], html.UnescapeString(sel[1]))
		} else {
			v.Set(m[1], "")
		}
	}
	return v
}

// formAttr reads an attribute of a tag.
func formAttr(tag, name string) (string, bool) {
	m := regexp.MustCompile(` ` + name + `="([^"]*)"`).FindStringSubmatch(tag)
	if m == nil {
		return "", false
	}
	return html.UnescapeString(m[1]), true
}

// editForm returns the values of a page's edit form (class "edit"), the
// first on the page, as a browser would send it back unchanged; none
// where the page has no edit form.
func editForm(page string) url.Values {
	for _, f := range formTag.FindAllString(page, -1) {
		if class, _ := formAttr(f[:strings.Index(f, ">")], "class"); slices.Contains(strings.Fields(class), "edit") {
			return formValues(f)
		}
	}
	return url.Values{}
}

// formAt returns the values of the form on the page whose action is
// action, as a browser would send it back unchanged. Pages with several
// forms (language switch, move buttons) are cut to the one form first.
func formAt(t *testing.T, page, action string) url.Values {
	t.Helper()
	return formValues(formHTML(t, page, action, ""))
}

// formHTML returns the HTML of the first form on the page whose action is
// action and which contains want.
func formHTML(t *testing.T, page, action, want string) string {
	t.Helper()
	for _, f := range formTag.FindAllString(page, -1) {
		if a, _ := formAttr(f[:strings.Index(f, ">")], "action"); a == action && strings.Contains(f, want) {
			return f
		}
	}
	t.Fatalf("no form to %s containing %q on the page", action, want)
	return ""
}

// errorBeside returns the message written beside a field, "" for none.
func errorBeside(page, name string) string {
	m := regexp.MustCompile(`(?s)<p class="field-error" id="f-` + regexp.QuoteMeta(name) + `-error">(.*?)</p>`).FindStringSubmatch(page)
	if m == nil {
		return ""
	}
	return strings.TrimSpace(html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(m[1], "")))
}

// changesList returns the first list of changes on a page, for messages.
func changesList(page string) string {
	m := regexp.MustCompile(`(?s)<ul class="changes">.*?</ul>`).FindString(page)
	return m
}
