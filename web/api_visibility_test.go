package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"planverk/auth"
	"planverk/store"
)

// A visitor learns nothing more from the API than from the pages: a
// programme with no published plan is 404 in both, and is not listed; its
// members see it in both.
func TestAPIProgrammeHiddenLikeItsPage(t *testing.T) {
	fx := newFixture(t, "sqlite")
	fx.user("sys@planverk.no", "", true, "", "")
	sys := fx.login("sys@planverk.no")
	_, newPage := sys.get("/programmes/new")
	form := url.Values{"id": {"midt-telemark"}, "name": {"Omstilling Midt-Telemark"}, "kind": {"restructuring-programme"},
		"period_from": {"2026"}, "period_to": {"2031"}, "year": {"2026"}, "title": {"Handlingsplan 2026"}, "language": {"nn"},
		"submission": {editForm(newPage).Get("submission")}}
	if resp, _ := sys.post("/programmes/new", form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("create: %d", resp.StatusCode)
	}
	const page, api = "/programmes/midt-telemark", "/api/v1/programmes/midt-telemark"
	visitor := fx.anonymous()
	if resp, _ := visitor.get(page); resp.StatusCode != http.StatusNotFound {
		t.Fatalf("the page of an unpublished programme: %d", resp.StatusCode)
	}
	wantStatus(t, fx.call("GET", api, "", ""), 404)
	if got := fx.call("GET", "/api/v1/programmes", "", ""); strings.Contains(string(got.body), `"midt-telemark"`) {
		t.Errorf("the list names the unpublished programme to a visitor")
	}
	if resp, _ := visitor.get("/programmes/vest-telemark"); resp.StatusCode != http.StatusOK {
		t.Errorf("a published programme's page: %d", resp.StatusCode)
	}
	wantStatus(t, fx.call("GET", "/api/v1/programmes/vest-telemark", "", ""), 200)
	if got := fx.call("GET", "/api/v1/programmes", "", ""); !strings.Contains(string(got.body), `"vest-telemark"`) {
		t.Errorf("the list lacks the published programme")
	}

	if resp, _ := sys.get(page); resp.StatusCode != http.StatusOK {
		t.Errorf("its administrator's page: %d", resp.StatusCode)
	}
	u, err := fx.store.UserByEmail(context.Background(), "sys@planverk.no")
	if err != nil {
		t.Fatal(err)
	}
	plain, hash, err := auth.NewToken(auth.PrefixAPIToken)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fx.store.CreateAPIToken(context.Background(), store.APIToken{UserID: u.ID, Name: "test", TokenHash: hash}); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, fx.call("GET", api, plain, ""), 200)
}
