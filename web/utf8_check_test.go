package web

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"planverk/auth"
)

// Text that is not UTF-8 (a Latin-1 "å" is the usual one) is refused with a
// 400 that says why in the user's language, not stored as "�".
func TestInvalidUTF8IsRefused(t *testing.T) {
	fx := newFixture(t, "sqlite")
	member := fx.login(fx.user("redaktor@vt.no", "", false, "vest-telemark", auth.RoleEditor).Email).in("nn")
	resp, page := member.get("/schemes?q=g%E5rd")
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(html.UnescapeString(page), "ikkje gyldig UTF-8") {
		t.Errorf("a query: %d", resp.StatusCode)
	}
	resp, page = fx.anonymous().in("nn").post("/login", url.Values{"email": {"g\xe5rd@example.no"}, "password": {"x"}})
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(html.UnescapeString(page), "ikkje gyldig UTF-8") {
		t.Errorf("a form: %d", resp.StatusCode)
	}
	got := fx.call("GET", "/api/v1/schemes?q=g%E5rd", "", "", "Accept-Language", "en")
	wantStatus(t, got, 400)
	if p := got.problem(t); !strings.Contains(p.Title+p.Detail, "not valid UTF-8") {
		t.Errorf("the API: %+v", p)
	}
	if resp, _ := member.get("/schemes?q=g%C3%A5rd"); resp.StatusCode != http.StatusOK {
		t.Errorf("a query in UTF-8: %d", resp.StatusCode)
	}
}
