package web

import (
	"strings"
	"testing"

	"planverk/auth"
)

// A body nested past the limit, or not UTF-8, is refused with a 400 that
// says so in the caller's language, and changes nothing.
func TestAPIRefusesDeepAndInvalidBodies(t *testing.T) {
	fx := newFixture(t, "sqlite")
	tok := fx.apiToken("editor@example.no", "", auth.RoleEditor)
	etag := fx.call("GET", apiM11, tok, "").Header.Get("ETag")
	put := func(body, lang string) apiReply {
		return fx.call("PUT", apiM11, tok, body, "If-Match", etag, "Accept-Language", lang)
	}
	deep := put(`{"measure": {"title": "T", "summary": `+strings.Repeat("[", 100_000)+`}}`, "nn")
	wantStatus(t, deep, 400)
	if p := deep.problem(t); !strings.Contains(p.Title+p.Detail, "djupare enn grensa på 32 nivå") {
		t.Errorf("deep body: %+v", p)
	}
	bad := put("{\"measure\": {\"title\": \"Tilskot til g\xe5rd\"}}", "en")
	wantStatus(t, bad, 400)
	if p := bad.problem(t); !strings.Contains(p.Title+p.Detail, "not valid UTF-8") {
		t.Errorf("invalid UTF-8: %+v", p)
	}
	if got := fx.call("GET", apiM11, tok, "").Header.Get("ETag"); got != etag {
		t.Errorf("a refused body changed the measure")
	}
}
