package web

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"planverk/auth"
)

// An invitation to an existing account gives nothing to whoever holds the
// link: only the account's owner, logged in, accepts it, on a page that
// says what the role is. Someone logged in as another account is told so.
func TestInvitationToExistingAccountWaitsForItsOwner(t *testing.T) {
	fx := newFixture(t, "sqlite")
	ctx := context.Background()
	fx.user("admin@example.no", "", false, "vest-telemark", auth.RoleAdmin)
	kari := fx.user("kari@example.no", "", false, "", "")
	fx.user("ola@example.no", "", false, "", "")
	_, page := fx.login("admin@example.no").post("/programmes/vest-telemark/members/invite",
		url.Values{"name": {"Kari"}, "email": {"kari@example.no"}, "role": {"editor"}})
	i := strings.Index(page, "/invitations/inv_")
	if i < 0 {
		t.Fatal("no invitation link on the page")
	}
	link := page[i : i+strings.IndexByte(page[i:], '<')]
	hasRole := func() bool {
		roles, _ := fx.store.Roles(ctx, kari.ID)
		return roles["vest-telemark"] != ""
	}

	holder := fx.anonymous().in("en")
	resp, body := holder.get(link)
	if resp.StatusCode != http.StatusOK || !strings.Contains(html.UnescapeString(body), "Log in to accept the invitation") ||
		!strings.Contains(body, `href="/login?return=`+url.QueryEscape(link)+`"`) {
		t.Errorf("the link, not logged in: %d", resp.StatusCode)
	}
	if resp, _ := holder.post(link, url.Values{}); resp.StatusCode != http.StatusForbidden || hasRole() {
		t.Errorf("accepting without logging in: status %d, role given %v", resp.StatusCode, hasRole())
	}

	ola := fx.login("ola@example.no").in("en")
	if _, body := ola.get(link); !strings.Contains(html.UnescapeString(body), "You are logged in as ola@example.no, but the invitation is for kari@example.no") {
		t.Errorf("another account is not told the invitation is not theirs")
	}
	if resp, _ := ola.post(link, url.Values{}); resp.StatusCode != http.StatusForbidden || hasRole() {
		t.Errorf("accepting as another account: status %d, role given %v", resp.StatusCode, hasRole())
	}

	owner := fx.anonymous().in("nn")
	resp, _ = owner.post("/login", url.Values{"email": {"kari@example.no"}, "password": {testPassword}, "return": {link}})
	if loc := resp.Header.Get("Location"); loc != link {
		t.Fatalf("log-in from the invitation goes to %q", loc)
	}
	if hasRole() {
		t.Fatal("logging in gave the role before it was accepted")
	}
	_, body = owner.get(link)
	if !strings.Contains(html.UnescapeString(body), "Godta invitasjonen til Bygdevekstavtale for Vest-Telemark som Redaktør") || !strings.Contains(body, `method="post"`) {
		t.Errorf("the owner's page does not ask to accept the role")
	}
	if resp, _ := owner.post(link, url.Values{}); resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/programmes/vest-telemark" || !hasRole() {
		t.Errorf("the owner accepting: status %d to %q, role given %v", resp.StatusCode, resp.Header.Get("Location"), hasRole())
	}
}
