package web

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"planverk/auth"
	"planverk/auth/oidctest"
	"planverk/plan"
)

const (
	oidcClientID     = "planverk-web-test"
	oidcClientSecret = "hemmeleg"
	oidcCallbackPath = "/login/oidc/callback"
)

// Messages of the OpenID log-in, in English.
const (
	msgNoAccount = "have no account in planverk. Ask the programme's administrator for an invitation."
	msgFailed    = "The log-in was not completed. Try again from the log-in page."
)

// newOIDCFixture starts planverk with log-in through a test OpenID
// provider called ID-porten, and the provider.
func newOIDCFixture(t *testing.T, engine string) (*fixture, *oidctest.Provider) {
	t.Helper()
	p := oidctest.New(t, oidcClientID, oidcClientSecret)
	fx := newFixtureConfig(t, engine, func(base string) Config {
		redirect := base + oidcCallbackPath
		p.RegisterRedirectURI(redirect)
		o, err := auth.NewOIDC(t.Context(), auth.OIDCConfig{
			Issuer:       p.Issuer(),
			ClientID:     oidcClientID,
			ClientSecret: oidcClientSecret,
			RedirectURL:  redirect,
			Scopes:       []string{"profile", "email"},
		})
		if err != nil {
			t.Fatal(err)
		}
		return Config{OIDC: o, OIDCName: "ID-porten"}
	})
	return fx, p
}

// providerCallback does in browser c what a person does who asks for the page
// back, is sent to log in, presses "Log in with ID-porten" and logs in at
// the provider: it returns the callback address the provider sends the
// browser to, not yet visited.
func providerCallback(t *testing.T, fx *fixture, p *oidctest.Provider, c *client, back string) *url.URL {
	t.Helper()
	_, page := c.get("/login?return=" + url.QueryEscape(back))
	resp, _ := c.post("/login/oidc", formAt(t, page, "/login/oidc"))
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("POST /login/oidc: status %d, want 303", resp.StatusCode)
	}
	authURL := resp.Header.Get("Location")
	if !strings.HasPrefix(authURL, p.Issuer()+"/authorize?") {
		t.Fatalf("POST /login/oidc sent the browser to %s, not to the provider", authURL)
	}
	cb := p.Authorize(t, authURL)
	if got := cb.Scheme + "://" + cb.Host + cb.Path; got != fx.srv.URL+oidcCallbackPath {
		t.Fatalf("the provider sent the browser back to %s, want %s", got, fx.srv.URL+oidcCallbackPath)
	}
	return cb
}

// logInAtProvider logs in through the provider in browser c, asking for the page
// back, and returns the callback's answer.
func logInAtProvider(t *testing.T, fx *fixture, p *oidctest.Provider, c *client, back string) (*http.Response, string) {
	t.Helper()
	return c.get(providerCallback(t, fx, p, c, back).RequestURI())
}

var loggedInAsRE = regexp.MustCompile(`Logged in as ([^<]*)</span>`)

// loggedInAs returns the name the page header of browser c shows as logged
// in, "" for nobody.
func loggedInAs(t *testing.T, c *client) string {
	t.Helper()
	resp, page := c.get("/", "Accept-Language", "en")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /: status %d", resp.StatusCode)
	}
	m := loggedInAsRE.FindStringSubmatch(page)
	if m == nil {
		return ""
	}
	return html.UnescapeString(m[1])
}

// wantRefused checks that the callback answered with status and the page
// says msg, and that nobody is logged in in browser c.
func wantRefused(t *testing.T, c *client, resp *http.Response, page string, status int, msg string) {
	t.Helper()
	if resp.StatusCode != status {
		t.Errorf("callback: status %d, want %d (Location %q)", resp.StatusCode, status, resp.Header.Get("Location"))
	}
	if !strings.Contains(html.UnescapeString(page), msg) {
		t.Errorf("callback page does not say %q", msg)
	}
	if who := loggedInAs(t, c); who != "" {
		t.Errorf("after a refused log-in, %q is logged in", who)
	}
}

// wantNotLinked checks that no account is linked to the subject at the
// provider.
func wantNotLinked(t *testing.T, fx *fixture, p *oidctest.Provider, subject string) {
	t.Helper()
	u, err := fx.store.UserByOIDC(context.Background(), p.Issuer(), subject)
	if plan.ErrorCode(err) != plan.ENotFound {
		t.Errorf("UserByOIDC(%s) = %+v, %v; want not found", subject, u, err)
	}
}

// TestOIDCLogin: a person whose account's e-mail address the provider says
// is verified logs in through the provider, comes back to the page asked
// for, and is linked to the identity; the next log-in finds them by it,
// whatever the e-mail address says then.
func TestOIDCLogin(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx, p := newOIDCFixture(t, engine)
			kari := fx.user("kari.nordmann@drangedal.kommune.no", "", false, "vest-telemark", auth.RoleEditor)
			// The provider spells the address its own way; e-mail
			// addresses are compared without regard to case.
			p.SetIdentity(oidctest.Identity{Subject: "pseudonym-kari", Email: "Kari.Nordmann@Drangedal.kommune.no",
				EmailVerified: true, Name: "Kari Nordmann"})

			c := fx.anonymous().in("en")
			const back = "/programmes/vest-telemark"
			resp, _ := logInAtProvider(t, fx, p, c, back)
			if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != back {
				t.Fatalf("callback: status %d to %q, want 303 to %s", resp.StatusCode, resp.Header.Get("Location"), back)
			}
			if resp, page := c.get(back); resp.StatusCode != http.StatusOK || !strings.Contains(page, "Logged in as kari.nordmann<") {
				t.Errorf("the page asked for: status %d, header does not show kari.nordmann logged in", resp.StatusCode)
			}
			linked, err := fx.store.UserByOIDC(context.Background(), p.Issuer(), "pseudonym-kari")
			if err != nil || linked.ID != kari.ID {
				t.Fatalf("UserByOIDC = %+v, %v; want Kari's account, id %d", linked, err, kari.ID)
			}
			if linked.Email != kari.Email {
				t.Errorf("linking changed the e-mail address to %q", linked.Email)
			}
			// As an editor of the programme, she may open an edit form.
			if resp, _ := c.get(m11 + "/edit"); resp.StatusCode != http.StatusOK {
				t.Errorf("Kari opening an edit form: status %d", resp.StatusCode)
			}

			// Next time the provider gives another address, not verified:
			// she is known by issuer and subject.
			p.SetIdentity(oidctest.Identity{Subject: "pseudonym-kari", Email: "kari@ny-kommune.no", Name: "Kari Nordmann"})
			c2 := fx.anonymous()
			resp, _ = logInAtProvider(t, fx, p, c2, "/")
			if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
				t.Fatalf("second log-in: status %d to %q, want 303 to /", resp.StatusCode, resp.Header.Get("Location"))
			}
			if who := loggedInAs(t, c2); who != "kari.nordmann" {
				t.Errorf("after the second log-in, logged in as %q, want kari.nordmann", who)
			}
			if u, _ := fx.store.User(context.Background(), kari.ID); u.Email != kari.Email {
				t.Errorf("the second log-in changed the e-mail address to %q", u.Email)
			}
		})
	}
}

// TestOIDCReturnStaysOnSite: the return address the log-in goes back to
// is a path on this site, never another site.
func TestOIDCReturnStaysOnSite(t *testing.T) {
	fx, p := newOIDCFixture(t, "sqlite")
	fx.user("kari@example.no", "", false, "", "")
	p.SetIdentity(oidctest.Identity{Subject: "s-kari", Email: "kari@example.no", EmailVerified: true})
	for _, back := range []string{"https://evil.example/", "//evil.example/", "/\\evil.example"} {
		c := fx.anonymous()
		resp, _ := c.post("/login/oidc", url.Values{"return": {back}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("POST /login/oidc: status %d", resp.StatusCode)
		}
		cb := p.Authorize(t, resp.Header.Get("Location"))
		resp, _ = c.get(cb.RequestURI())
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
			t.Errorf("return %q: callback status %d to %q, want 303 to /", back, resp.StatusCode, resp.Header.Get("Location"))
		}
	}
}

// TestOIDCNoAccount: a person the provider knows but planverk does not is
// told to ask for an invitation, and is not logged in.
func TestOIDCNoAccount(t *testing.T) {
	fx, p := newOIDCFixture(t, "sqlite")
	fx.user("kari@example.no", "", false, "", "")
	for _, id := range []oidctest.Identity{
		{Subject: "s-ola", Email: "ola@example.no", EmailVerified: true, Name: "Ola"},
		{Subject: "s-pseudonym"}, // ID-porten: no e-mail at all
	} {
		p.SetIdentity(id)
		c := fx.anonymous().in("en")
		resp, page := logInAtProvider(t, fx, p, c, "/")
		wantRefused(t, c, resp, page, http.StatusForbidden, msgNoAccount)
		wantNotLinked(t, fx, p, id.Subject)
	}
}

// TestOIDCUnverifiedEmail: an e-mail address the provider has not verified
// does not open the account that has it, nor link it.
func TestOIDCUnverifiedEmail(t *testing.T) {
	fx, p := newOIDCFixture(t, "sqlite")
	kari := fx.user("kari@example.no", "", false, "", "")
	p.SetIdentity(oidctest.Identity{Subject: "s-impostor", Email: "kari@example.no", EmailVerified: false})
	c := fx.anonymous().in("en")
	resp, page := logInAtProvider(t, fx, p, c, "/")
	wantRefused(t, c, resp, page, http.StatusForbidden, msgNoAccount)
	wantNotLinked(t, fx, p, "s-impostor")
	if u, _ := fx.store.User(context.Background(), kari.ID); u.OIDCIssuer != "" || u.OIDCSubject != "" {
		t.Errorf("Kari's account is linked to %s %s", u.OIDCIssuer, u.OIDCSubject)
	}
}

// TestOIDCWrongState: a callback that does not belong to the log-in this
// browser started is refused before the code is used, and uses up the
// log-in started.
func TestOIDCWrongState(t *testing.T) {
	fx, p := newOIDCFixture(t, "sqlite")
	fx.user("kari@example.no", "", false, "", "")
	p.SetIdentity(oidctest.Identity{Subject: "s-kari", Email: "kari@example.no", EmailVerified: true})
	c := fx.anonymous().in("en")
	cb := providerCallback(t, fx, p, c, "/")
	q := cb.Query()
	good := cb.RequestURI()
	q.Set("state", "forged-"+q.Get("state"))
	cb.RawQuery = q.Encode()
	resp, page := c.get(cb.RequestURI())
	wantRefused(t, c, resp, page, http.StatusUnauthorized, msgFailed)
	if n := p.TokenRequests(); n != 0 {
		t.Errorf("the code went to the token endpoint %d times", n)
	}
	wantNotLinked(t, fx, p, "s-kari")
	// The right answer, too late: the log-in was used up.
	resp, page = c.get(good)
	wantRefused(t, c, resp, page, http.StatusUnauthorized, msgFailed)

	// A callback in a browser that started no log-in, and one where the
	// person cancelled at the provider.
	other := fx.anonymous().in("en")
	resp, page = other.get(good)
	wantRefused(t, other, resp, page, http.StatusUnauthorized, msgFailed)
	cb = providerCallback(t, fx, p, other, "/")
	resp, page = other.get(oidcCallbackPath + "?" + url.Values{"error": {"access_denied"}, "state": {cb.Query().Get("state")}}.Encode())
	wantRefused(t, other, resp, page, http.StatusUnauthorized, msgFailed)
}

// TestOIDCDisabledUser: a disabled account is not opened through the
// provider, whether it was linked before or would be by its e-mail.
func TestOIDCDisabledUser(t *testing.T) {
	fx, p := newOIDCFixture(t, "sqlite")
	ctx := context.Background()
	kari := fx.user("kari@example.no", "", false, "", "")
	ola := fx.user("ola@example.no", "", false, "", "")

	// Kari logged in once, and was linked, before she was disabled.
	p.SetIdentity(oidctest.Identity{Subject: "s-kari", Email: "kari@example.no", EmailVerified: true})
	if resp, _ := logInAtProvider(t, fx, p, fx.anonymous(), "/"); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("Kari's first log-in: status %d", resp.StatusCode)
	}
	for _, u := range []int64{kari.ID, ola.ID} {
		u, err := fx.store.User(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		u.Disabled = true
		if err := fx.store.UpdateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range []oidctest.Identity{
		{Subject: "s-kari", Email: "kari@example.no", EmailVerified: true},
		{Subject: "s-ola", Email: "ola@example.no", EmailVerified: true},
	} {
		p.SetIdentity(id)
		c := fx.anonymous().in("en")
		resp, page := logInAtProvider(t, fx, p, c, "/")
		wantRefused(t, c, resp, page, http.StatusForbidden, msgNoAccount)
	}
}

// TestOIDCButton: the log-in page offers the provider only where one is
// configured, and the OpenID routes are not there otherwise.
func TestOIDCButton(t *testing.T) {
	fx, _ := newOIDCFixture(t, "sqlite")
	_, page := fx.anonymous().in("en").get("/login")
	if !strings.Contains(page, `action="/login/oidc"`) || !strings.Contains(page, ">Log in with ID-porten</button>") {
		t.Error("the log-in page has no button to log in with ID-porten")
	}

	plain := newFixture(t, "sqlite")
	c := plain.anonymous().in("en")
	_, page = c.get("/login")
	if strings.Contains(page, "/login/oidc") || strings.Contains(page, "Log in with") {
		t.Error("the log-in page offers OpenID log-in with no provider configured")
	}
	if resp, _ := c.post("/login/oidc", url.Values{"return": {"/"}}); resp.StatusCode != http.StatusNotFound {
		t.Errorf("POST /login/oidc with no provider: status %d, want 404", resp.StatusCode)
	}
	if resp, _ := c.get(oidcCallbackPath + "?state=x&code=y"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET %s with no provider: status %d, want 404", oidcCallbackPath, resp.StatusCode)
	}
}

// TestOIDCNoRelink: an account linked to one identity is not taken over by
// another identity that arrives with the same verified e-mail address, as
// when an address is passed on to someone else.
func TestOIDCNoRelink(t *testing.T) {
	fx, p := newOIDCFixture(t, "sqlite")
	kari := fx.user("kari@example.no", "", false, "", "")
	p.SetIdentity(oidctest.Identity{Subject: "s-kari", Email: "kari@example.no", EmailVerified: true, Name: "Kari"})
	c := fx.anonymous().in("en")
	if resp, _ := logInAtProvider(t, fx, p, c, "/"); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("first log-in: status %d", resp.StatusCode)
	}
	p.SetIdentity(oidctest.Identity{Subject: "s-someone-else", Email: "kari@example.no", EmailVerified: true})
	c = fx.anonymous().in("en")
	resp, page := logInAtProvider(t, fx, p, c, "/")
	wantRefused(t, c, resp, page, http.StatusForbidden, msgNoAccount)
	if u, _ := fx.store.User(context.Background(), kari.ID); u.OIDCSubject != "s-kari" {
		t.Errorf("Kari's account is now linked to %q", u.OIDCSubject)
	}
}
