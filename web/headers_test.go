package web

import (
	"net/http"
	"strings"
	"testing"

	"planverk/auth"
)

// Behind an https public URL every answer tells the browser to come back
// over https only; over plain http nothing claims it.
func TestHSTSBehindHTTPS(t *testing.T) {
	tls := newFixtureConfig(t, "sqlite", func(string) Config { return Config{PublicURL: "https://plan.example.no"} })
	resp, _ := tls.anonymous().get("/")
	if got := resp.Header.Get("Strict-Transport-Security"); got != "max-age=63072000; includeSubDomains" {
		t.Errorf("https: Strict-Transport-Security %q", got)
	}
	plain := newFixture(t, "sqlite")
	if resp, _ := plain.anonymous().get("/"); resp.Header.Get("Strict-Transport-Security") != "" {
		t.Errorf("http: Strict-Transport-Security sent")
	}
}

// What a signed-in person or a token sees is kept by no cache; what a
// visitor sees keeps its caching.
func TestNoStoreOnPrivateAnswers(t *testing.T) {
	fx := newFixture(t, "sqlite")
	const page = "/programmes/vest-telemark/plans/2025"
	visitor := fx.anonymous()
	resp, _ := visitor.get(page)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Cache-Control") != "no-cache" || resp.Header.Get("ETag") == "" {
		t.Errorf("a visitor's release page: %d, Cache-Control %q, ETag %q", resp.StatusCode, resp.Header.Get("Cache-Control"), resp.Header.Get("ETag"))
	}
	if resp, _ := visitor.get("/static/style.css"); resp.Header.Get("Cache-Control") != "public, max-age=3600" {
		t.Errorf("the style sheet: Cache-Control %q", resp.Header.Get("Cache-Control"))
	}

	member := fx.login(fx.user("redaktor@vt.no", "", false, "vest-telemark", auth.RoleEditor).Email)
	for _, path := range []string{page, page + "/edit", "/account", "/"} {
		if resp, _ := member.get(path); resp.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("signed in, %s: %d, Cache-Control %q", path, resp.StatusCode, resp.Header.Get("Cache-Control"))
		}
	}
	if resp, _ := member.get("/static/style.css"); resp.Header.Get("Cache-Control") != "public, max-age=3600" {
		t.Errorf("signed in, the style sheet: Cache-Control %q", resp.Header.Get("Cache-Control"))
	}
	login := fx.anonymous()
	if resp, _ := login.post("/login", map[string][]string{"email": {"redaktor@vt.no"}, "password": {testPassword}}); resp.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("the answer that signs in: Cache-Control %q", resp.Header.Get("Cache-Control"))
	}

	tok := fx.apiToken("editor@example.no", "", auth.RoleEditor)
	if got := fx.call("GET", apiVT, tok, ""); got.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("the API with a token: Cache-Control %q", got.Header.Get("Cache-Control"))
	}
	if got := fx.call("GET", apiVT, "", ""); got.Header.Get("Cache-Control") == "no-store" {
		t.Errorf("the API for a visitor lost its caching")
	}
}

// /static/ is a place for files, not a page listing them.
func TestNoDirectoryListing(t *testing.T) {
	fx := newFixture(t, "sqlite")
	for _, path := range []string{"/static/", "/static//", "/static/./"} {
		if resp, body := fx.anonymous().in("en").get(path); resp.StatusCode == http.StatusOK || strings.Contains(body, "style.css") {
			t.Errorf("%s: %d %q", path, resp.StatusCode, body)
		}
	}
	for _, path := range []string{"/static/../render.go", "/static/%2e%2e/render.go", "/static/..%2frender.go"} {
		if resp, body := fx.anonymous().get(path); resp.StatusCode == http.StatusOK || strings.Contains(body, "package web") {
			t.Errorf("%s: %d", path, resp.StatusCode)
		}
	}
	if resp, _ := fx.anonymous().get("/static/style.css"); resp.StatusCode != http.StatusOK {
		t.Errorf("the style sheet: %d", resp.StatusCode)
	}
}

// The access log keeps no invitation token: it would give an account to
// whoever reads the log.
func TestLoggedPathHidesInvitationTokens(t *testing.T) {
	if got := loggedPath("/invitations/inv_secret"); strings.Contains(got, "secret") {
		t.Errorf("logged %q", got)
	}
	if got := loggedPath("/programmes/driv"); got != "/programmes/driv" {
		t.Errorf("logged %q", got)
	}
}
