package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"planverk/auth"
)

// TestLoginThrottled: repeated failed log-ins for one address are refused
// with 429 and Retry-After, even with the right password, and other
// addresses are not affected.
func TestLoginThrottled(t *testing.T) {
	fx := newFixture(t, "sqlite")
	fx.user("kari@example.no", "", false, "", "")
	fx.user("ola@example.no", "", false, "", "")
	c := fx.anonymous()
	wrong := url.Values{"email": {"kari@example.no"}, "password": {"not her password"}}
	var last int
	for i := range 12 {
		resp, page := c.post("/login", wrong)
		last = resp.StatusCode
		if i < 10 && resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("failed log-in %d: status %d", i+1, resp.StatusCode)
		}
		if i < 10 && !strings.Contains(page, "E-postadressen eller passordet er feil") {
			t.Errorf("failed log-in %d does not say why", i+1)
		}
	}
	if last != http.StatusTooManyRequests {
		t.Fatalf("after 12 failures: status %d, want 429", last)
	}
	resp, _ := c.post("/login", url.Values{"email": {"kari@example.no"}, "password": {testPassword}})
	if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") == "" {
		t.Errorf("the right password while throttled: status %d, Retry-After %q", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	fx.login("ola@example.no") // another address logs in as usual
}

// TestPasswordChange: the current password is required, a short one is
// refused beside its field, and the new one works at the next log-in.
func TestPasswordChange(t *testing.T) {
	fx := newFixture(t, "sqlite")
	fx.user("kari@example.no", "", false, "", "")
	c := fx.login("kari@example.no")
	resp, page := c.post("/account/password", url.Values{"current": {"wrong"}, "password": {"short"}, "repeat": {"short"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "Nåværende passord er feil") ||
		!strings.Contains(page, "minst 10 tegn") {
		t.Fatalf("bad change: status %d", resp.StatusCode)
	}
	resp, _ = c.post("/account/password", url.Values{"current": {testPassword}, "password": {"et helt nytt passord"}, "repeat": {"et helt nytt passord"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("good change: status %d", resp.StatusCode)
	}
	resp, _ = fx.anonymous().post("/login", url.Values{"email": {"kari@example.no"}, "password": {"et helt nytt passord"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Errorf("log-in with the new password: status %d", resp.StatusCode)
	}
}

// TestInvitationOnce: an invitation link makes one account with the role
// it names, and cannot be used again.
func TestInvitationOnce(t *testing.T) {
	fx := newFixture(t, "sqlite")
	fx.user("admin@example.no", "", false, "vest-telemark", auth.RoleAdmin)
	admin := fx.login("admin@example.no")
	_, page := admin.post("/programmes/vest-telemark/members/invite",
		url.Values{"name": {"Eva"}, "email": {"eva@example.no"}, "role": {"editor"}})
	i := strings.Index(page, "/invitations/inv_")
	if i < 0 {
		t.Fatal("no invitation link on the page")
	}
	link := page[i : i+strings.IndexByte(page[i:], '<')]
	eva := fx.anonymous()
	form := url.Values{"name": {"Eva Redaktør"}, "password": {"evas lange passord"}, "repeat": {"evas lange passord"}}
	if resp, _ := eva.post(link, form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("accepting: status %d", resp.StatusCode)
	}
	u, err := fx.store.UserByEmail(context.Background(), "eva@example.no")
	if err != nil {
		t.Fatal(err)
	}
	roles, _ := fx.store.Roles(context.Background(), u.ID)
	if roles["vest-telemark"] != auth.RoleEditor || u.Name != "Eva Redaktør" {
		t.Errorf("the account: %+v, roles %v", u, roles)
	}
	// Logged in at once: she can open an edit form.
	if resp, _ := eva.get(m11 + "/edit"); resp.StatusCode != http.StatusOK {
		t.Errorf("the new editor opening an edit form: status %d", resp.StatusCode)
	}
	if resp, _ := fx.anonymous().post(link, form); resp.StatusCode != http.StatusGone {
		t.Errorf("using the link again: status %d, want 410", resp.StatusCode)
	}
}

// TestDeleteAndRestoreMeasure: a deleted measure stays in the history and
// comes back from there as it was.
func TestDeleteAndRestoreMeasure(t *testing.T) {
	fx := newFixture(t, "sqlite")
	fx.user("kari@example.no", "", false, "vest-telemark", auth.RoleEditor)
	kari := fx.login("kari@example.no")
	before, _, _ := fx.store.LoadPlan(context.Background(), "vest-telemark", 2025)
	_, orig := findMeasure(before, 1, 1)
	if resp, _ := kari.post(m11+"/delete", url.Values{}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("delete: status %d", resp.StatusCode)
	}
	if resp, _ := kari.get(m11); resp.StatusCode != http.StatusNotFound {
		t.Errorf("the deleted measure's page: status %d", resp.StatusCode)
	}
	_, hist := kari.get("/programmes/vest-telemark/plans/2025/history")
	if !strings.Contains(hist, "Gjenopprett tiltak 1.1") || !strings.Contains(hist, "kari") {
		t.Fatalf("the history offers no restore of 1.1 by kari")
	}
	resp, _ := kari.post("/programmes/vest-telemark/plans/2025/measures/restore", url.Values{"version": {"2"}, "goal": {"1"}, "measure": {"1"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("restore: status %d", resp.StatusCode)
	}
	after, _, _ := fx.store.LoadPlan(context.Background(), "vest-telemark", 2025)
	_, back := findMeasure(after, 1, 1)
	if back == nil || fingerprint(back) != fingerprint(orig) {
		t.Errorf("the restored measure differs from the deleted one")
	}
}
