package web

import (
	"net/http"
	"strings"
	"testing"
)

// TestSchemeSearchFromMemory: a visitor's search is rendered once per
// catalogue version, language and address, then served as the same bytes
// with an ETag, and 304 to a browser that has them; each language is a
// page of its own, and someone signed in gets a page of their own.
func TestSchemeSearchFromMemory(t *testing.T) {
	fx := newFixture(t, "sqlite")
	visitor := fx.anonymous()
	resp, first := visitor.get("/schemes?q=bustad")
	etag := resp.Header.Get("ETag")
	if resp.StatusCode != http.StatusOK || etag == "" || !strings.Contains(first, "schemes") {
		t.Fatalf("first search: status %d, ETag %q", resp.StatusCode, etag)
	}
	resp, again := visitor.get("/schemes?q=bustad")
	if again != first || resp.Header.Get("ETag") != etag {
		t.Error("the same search by a visitor gave another page")
	}
	if resp, _ := visitor.get("/schemes?q=bustad", "If-None-Match", etag); resp.StatusCode != http.StatusNotModified {
		t.Errorf("a browser that has the page got %d, want 304", resp.StatusCode)
	}
	resp, en := visitor.get("/schemes?q=bustad", "Accept-Language", "en")
	if resp.Header.Get("Content-Language") != "en" || en == first {
		t.Errorf("the English search is %q and the same page as the Norwegian", resp.Header.Get("Content-Language"))
	}
	fx.user("admin@example.no", "", true, "", "")
	admin := fx.login("admin@example.no")
	resp, mine := admin.get("/schemes?q=bustad")
	if resp.Header.Get("ETag") != "" || mine == first {
		t.Error("a signed-in person got the visitor's kept page")
	}
}
