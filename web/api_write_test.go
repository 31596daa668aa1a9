package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"planverk/auth"
	"planverk/store"
)

// The write API, as an integration uses it: a token, ETags, If-Match,
// Idempotency-Key, and problem documents for every refusal.

const (
	apiM11  = "/api/v1/measures/vest-telemark.2025.1.1"
	apiVT   = "/api/v1/programmes/vest-telemark/plans/2025"
	apiVTMs = "/api/v1/measures?plan=vest-telemark/2025"
)

// apiToken makes a user with a role in vest-telemark and an API token for
// them, and returns the token.
func (fx *fixture) apiToken(email, org string, role auth.Role) string {
	fx.t.Helper()
	u := fx.user(email, org, false, "vest-telemark", role)
	plain, hash, err := auth.NewToken(auth.PrefixAPIToken)
	if err != nil {
		fx.t.Fatal(err)
	}
	if _, err := fx.store.CreateAPIToken(context.Background(), store.APIToken{UserID: u.ID, Name: "test", TokenHash: hash}); err != nil {
		fx.t.Fatal(err)
	}
	return plain
}

// apiReply is an answer of the API.
type apiReply struct {
	*http.Response
	body []byte
}

func (a apiReply) json(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(a.body, v); err != nil {
		t.Fatalf("%s: %v\n%s", a.Request.URL, err, a.body)
	}
}

func (a apiReply) problem(t testing.TB) apiProblem {
	t.Helper()
	if ct := a.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Errorf("Content-Type %q, want application/problem+json", ct)
	}
	var p apiProblem
	a.json(t, &p)
	return p
}

// call sends a request to the API with the token ("" for none) and
// headers given as name, value pairs; a body is sent as application/json
// unless the headers say otherwise. It is safe to use from several
// goroutines: it reports with Error, not Fatal.
func (fx *fixture) call(method, path, token, body string, header ...string) apiReply {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, fx.srv.URL+path, rd)
	if err != nil {
		fx.t.Error(err)
		return apiReply{Response: &http.Response{Header: http.Header{}, Request: req}}
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fx.t.Error(err)
		return apiReply{Response: &http.Response{Header: http.Header{}, Request: req}}
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return apiReply{Response: resp, body: b}
}

func wantStatus(t testing.TB, a apiReply, status int) {
	t.Helper()
	if a.StatusCode != status {
		t.Fatalf("%s %s: status %d, want %d\n%.600s", a.Request.Method, a.Request.URL.Path, a.StatusCode, status, a.body)
	}
}

// measureJSON reads a measure resource's measure as plain JSON.
func measureJSON(t testing.TB, a apiReply) map[string]any {
	t.Helper()
	var m struct {
		Measure map[string]any `json:"measure"`
	}
	a.json(t, &m)
	return m.Measure
}

// A replace needs If-Match: without it 428, with an old ETag 412 and
// nothing saved, with the current one 200 and a new ETag.
func TestAPIWriteIfMatch(t *testing.T) {
	fx := newFixture(t, "sqlite")
	tok := fx.apiToken("editor@example.no", "", auth.RoleEditor)
	get := fx.call("GET", apiM11, tok, "")
	wantStatus(t, get, 200)
	etag := get.Header.Get("ETag")
	if !strings.HasPrefix(etag, `"`) || len(etag) < 10 {
		t.Fatalf("ETag %q", etag)
	}
	if again := fx.call("GET", apiM11, tok, "", "If-None-Match", etag); again.StatusCode != 304 || len(again.body) != 0 {
		t.Errorf("GET with If-None-Match of the current ETag: %d %q, want 304 and no body", again.StatusCode, again.body)
	}
	m := measureJSON(t, get)
	m["title"] = "Ny tittel frå integrasjonen"
	body, _ := json.Marshal(map[string]any{"measure": m})

	none := fx.call("PUT", apiM11, tok, string(body))
	wantStatus(t, none, 428)
	if p := none.problem(t); p.Status != 428 || p.Detail == "" {
		t.Errorf("428 problem: %+v", p)
	}

	stale := fx.call("PUT", apiM11, tok, string(body), "If-Match", `"0123456789abcdef0123456789abcdef"`)
	wantStatus(t, stale, 412)
	if got := stale.Header.Get("ETag"); got != etag {
		t.Errorf("412 carries ETag %q, want the current %q", got, etag)
	}
	stale.problem(t)
	if after := fx.call("GET", apiM11, tok, ""); after.Header.Get("ETag") != etag || measureJSON(t, after)["title"] == m["title"] {
		t.Errorf("a stale PUT saved something: ETag %q, was %q", after.Header.Get("ETag"), etag)
	}

	ok := fx.call("PUT", apiM11, tok, string(body), "If-Match", etag)
	wantStatus(t, ok, 200)
	newTag := ok.Header.Get("ETag")
	if newTag == "" || newTag == etag {
		t.Errorf("ETag after the change %q, before %q: want a new one", newTag, etag)
	}
	if got := measureJSON(t, ok)["title"]; got != m["title"] {
		t.Errorf("answer's title %q", got)
	}
	after := fx.call("GET", apiM11, tok, "")
	if after.Header.Get("ETag") != newTag || measureJSON(t, after)["title"] != m["title"] {
		t.Errorf("GET after PUT: ETag %q (PUT said %q), title %q", after.Header.Get("ETag"), newTag, measureJSON(t, after)["title"])
	}
	// The ETag the first PUT used is stale now: a second writer holding it
	// is refused.
	wantStatus(t, fx.call("PUT", apiM11, tok, string(body), "If-Match", etag), 412)
}

// PATCH changes what the patch names and nothing else.
func TestAPIWritePatchOneField(t *testing.T) {
	fx := newFixture(t, "sqlite")
	tok := fx.apiToken("editor@example.no", "", auth.RoleEditor)
	get := fx.call("GET", apiM11, tok, "")
	before := measureJSON(t, get)
	patch := fx.call("PATCH", apiM11, tok, `{"measure": {"status": "completed"}}`,
		"Content-Type", "application/merge-patch+json", "If-Match", get.Header.Get("ETag"))
	wantStatus(t, patch, 200)
	after := measureJSON(t, fx.call("GET", apiM11, tok, ""))
	if after["status"] != "completed" {
		t.Errorf("status %v, want completed", after["status"])
	}
	delete(after, "status")
	delete(before, "status")
	a, _ := json.Marshal(after)
	b, _ := json.Marshal(before)
	if !bytes.Equal(a, b) {
		t.Errorf("PATCH changed more than the status:\nbefore %s\nafter  %s", b, a)
	}
	var h apiHistory
	fx.call("GET", apiVT+"/history?goal=1&measure=1", tok, "").json(t, &h)
	if len(h.Versions) == 0 || len(h.Versions[0].Changes) != 1 || !strings.HasSuffix(h.Versions[0].Changes[0].Path, ".status") {
		t.Errorf("history of the PATCH: %+v", h.Versions[:min(1, len(h.Versions))])
	}
	// null removes a member; a patch that changes nothing saves nothing.
	cur := fx.call("GET", apiM11, tok, "").Header.Get("ETag")
	wantStatus(t, fx.call("PATCH", apiM11, tok, `{"measure": {"status": null}}`,
		"Content-Type", "application/merge-patch+json", "If-Match", cur), 200)
	if got := measureJSON(t, fx.call("GET", apiM11, tok, "")); got["status"] != nil {
		t.Errorf("status after a null patch: %v", got["status"])
	}
}

// Ten clients send the same create with the same Idempotency-Key at once:
// one measure is made, and all ten get the answer the first got.
func TestAPIWriteIdempotentCreate(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			tok := fx.apiToken("editor@example.no", "", auth.RoleEditor)
			count := func() int {
				var l apiMeasureList
				fx.call("GET", apiVTMs, tok, "").json(t, &l)
				return len(l.Measures)
			}
			n := count()
			body := `{"goal": 2, "measure": {"title": "Felles bustadportal", "status": "planned"}}`
			replies := make([]apiReply, 10)
			var wg sync.WaitGroup
			for i := range replies {
				wg.Go(func() {
					replies[i] = fx.call("POST", apiVTMs, tok, body, "Idempotency-Key", "3f1c9a7e-create-once")
				})
			}
			wg.Wait()
			for _, a := range replies {
				wantStatus(t, a, 201)
				if a.Header.Get("Location") != replies[0].Header.Get("Location") || a.Header.Get("ETag") != replies[0].Header.Get("ETag") {
					t.Errorf("answers differ: %s %s, first %s %s", a.Header.Get("Location"), a.Header.Get("ETag"),
						replies[0].Header.Get("Location"), replies[0].Header.Get("ETag"))
				}
			}
			if got := count(); got != n+1 {
				t.Errorf("%d measures after ten identical creates, want %d", got, n+1)
			}
			loc := replies[0].Header.Get("Location")
			created := fx.call("GET", loc, tok, "")
			wantStatus(t, created, 200)
			if created.Header.Get("ETag") != replies[0].Header.Get("ETag") {
				t.Errorf("GET %s: ETag %q, create said %q", loc, created.Header.Get("ETag"), replies[0].Header.Get("ETag"))
			}
			// Another key is another measure.
			wantStatus(t, fx.call("POST", apiVTMs, tok, body, "Idempotency-Key", "another"), 201)
			if got := count(); got != n+2 {
				t.Errorf("%d measures after a create with a new key, want %d", got, n+2)
			}
		})
	}
}

// A retry of a replace or a delete that succeeded, with the same key, gets
// the first answer, though the If-Match it carries is stale by then.
func TestAPIWriteRetryAfterSuccess(t *testing.T) {
	fx := newFixture(t, "sqlite")
	tok := fx.apiToken("editor@example.no", "", auth.RoleEditor)
	etag := fx.call("GET", apiM11, tok, "").Header.Get("ETag")
	move := `{"goal": 2}`
	first := fx.call("PATCH", apiM11, tok, move, "Content-Type", "application/merge-patch+json", "If-Match", etag, "Idempotency-Key", "k1")
	wantStatus(t, first, 200)
	moved := first.Header.Get("Content-Location")
	if !strings.HasPrefix(moved, "/api/v1/measures/vest-telemark.2025.2.") {
		t.Fatalf("Content-Location after a move to goal 2: %q", moved)
	}
	retry := fx.call("PATCH", apiM11, tok, move, "Content-Type", "application/merge-patch+json", "If-Match", etag, "Idempotency-Key", "k1")
	wantStatus(t, retry, 200)
	if !bytes.Equal(retry.body, first.body) || retry.Header.Get("ETag") != first.Header.Get("ETag") {
		t.Errorf("the retry's answer differs from the first:\n%s\n%s", retry.body, first.body)
	}
	// Without the key, the same request is a stale one.
	wantStatus(t, fx.call("PATCH", apiM11, tok, move, "Content-Type", "application/merge-patch+json", "If-Match", etag), 404)

	tag := first.Header.Get("ETag")
	wantStatus(t, fx.call("DELETE", moved, tok, "", "If-Match", tag, "Idempotency-Key", "k2"), 204)
	wantStatus(t, fx.call("DELETE", moved, tok, "", "If-Match", tag, "Idempotency-Key", "k2"), 204)
	wantStatus(t, fx.call("DELETE", moved, tok, "", "If-Match", tag), 404)
}

// A delete is in the plan's history, with the token's user as its author.
func TestAPIWriteDeleteInHistory(t *testing.T) {
	fx := newFixture(t, "sqlite")
	tok := fx.apiToken("kari.nordmann@example.no", "", auth.RoleEditor)
	etag := fx.call("GET", apiM11, tok, "").Header.Get("ETag")
	wantStatus(t, fx.call("DELETE", apiM11, tok, ""), 428)
	wantStatus(t, fx.call("DELETE", apiM11, tok, "", "If-Match", etag), 204)
	wantStatus(t, fx.call("GET", apiM11, tok, ""), 404)
	hist := fx.call("GET", apiVT+"/history", tok, "")
	wantStatus(t, hist, 200)
	var h apiHistory
	hist.json(t, &h)
	if len(h.Versions) == 0 {
		t.Fatal("no history")
	}
	v := h.Versions[0]
	if v.AuthorName != "kari.nordmann" {
		t.Errorf("the newest version's author is %q, want kari.nordmann", v.AuthorName)
	}
	removed := false
	for _, c := range v.Changes {
		// A measure is named in a path by its lasting ID.
		removed = removed || (c.Kind == "removed" && c.Path == "plan.goals[1].measures[2025-1-1]")
	}
	if !removed {
		t.Errorf("the newest version does not remove measure 1.1: %+v", v.Changes)
	}
	wantStatus(t, fx.call("GET", apiVT+"/history?goal=1", tok, ""), 400)
	// History is for members: anonymous callers are asked to authenticate.
	wantStatus(t, fx.call("GET", apiVT+"/history", "", ""), 401)
}

// Rights are the browser's: a reader may not write, nobody without a token
// may, and a lead may change the measures their organisation leads only.
func TestAPIWriteRights(t *testing.T) {
	fx := newFixture(t, "sqlite")
	reader := fx.apiToken("reader@example.no", "", auth.RoleReader)
	lead := fx.apiToken("lead@example.no", "pilotkommunane", auth.RoleLead)
	editor := fx.apiToken("editor@example.no", "", auth.RoleEditor)
	etag := fx.call("GET", apiM11, reader, "").Header.Get("ETag")
	patch := func(tok, path, body, etag string) apiReply {
		return fx.call("PATCH", path, tok, body, "Content-Type", "application/merge-patch+json", "If-Match", etag)
	}

	anon := patch("", apiM11, `{"measure": {"status": "ongoing"}}`, etag)
	wantStatus(t, anon, 401)
	if h := anon.Header.Get("WWW-Authenticate"); !strings.HasPrefix(h, "Bearer") {
		t.Errorf("401 without WWW-Authenticate: Bearer (%q)", h)
	}
	anon.problem(t)
	wantStatus(t, fx.call("POST", apiVTMs, "", `{"goal": 1, "measure": {"title": "x"}}`), 401)
	bad := fx.call("GET", apiM11, "pvk_not-a-token", "")
	wantStatus(t, bad, 401)
	if !strings.HasPrefix(bad.Header.Get("WWW-Authenticate"), "Bearer") {
		t.Errorf("401 for a bad token without WWW-Authenticate")
	}

	wantStatus(t, patch(reader, apiM11, `{"measure": {"status": "ongoing"}}`, etag), 403)
	wantStatus(t, fx.call("POST", apiVTMs, reader, `{"goal": 1, "measure": {"title": "x"}}`), 403)
	wantStatus(t, fx.call("DELETE", apiM11, reader, "", "If-Match", etag), 403)
	wantStatus(t, fx.call("POST", apiVT+"/publish", reader, `{"published": false}`), 403)
	wantStatus(t, fx.call("POST", apiVT+"/comments", reader, `{"text": "Bra"}`), 403)

	// The lead's organisation leads 1.1.
	own := patch(lead, apiM11, `{"measure": {"status": "ongoing"}}`, etag)
	wantStatus(t, own, 200)
	// It may not move it (that changes the plan), nor delete it.
	wantStatus(t, patch(lead, apiM11, `{"goal": 2}`, own.Header.Get("ETag")), 403)
	wantStatus(t, fx.call("DELETE", apiM11, lead, "", "If-Match", own.Header.Get("ETag")), 403)
	// A measure somebody else leads is not theirs.
	other := fx.call("POST", apiVTMs, editor, `{"goal": 1, "measure": {"title": "Privat utbygging", "leads": [{"text": "private utbyggjarar"}]}}`)
	wantStatus(t, other, 201)
	wantStatus(t, patch(lead, other.Header.Get("Location"), `{"measure": {"status": "ongoing"}}`, other.Header.Get("ETag")), 403)
	wantStatus(t, patch(editor, other.Header.Get("Location"), `{"measure": {"status": "ongoing"}}`, other.Header.Get("ETag")), 200)
}

// What is wrong with a body is said precisely: the unknown field by name,
// the bad value by its place, in the language asked for.
func TestAPIWriteBadBodies(t *testing.T) {
	fx := newFixture(t, "sqlite")
	tok := fx.apiToken("editor@example.no", "", auth.RoleEditor)
	etag := fx.call("GET", apiM11, tok, "").Header.Get("ETag")
	put := func(body string, header ...string) apiReply {
		return fx.call("PUT", apiM11, tok, body, append([]string{"If-Match", etag}, header...)...)
	}

	unknown := put(`{"measure": {"title": "T", "budsjett": 5}}`)
	wantStatus(t, unknown, 400)
	p := unknown.problem(t)
	if !strings.Contains(p.Detail, "budsjett") || len(p.Errors) != 1 || p.Errors[0].Pointer != "/measure/budsjett" {
		t.Errorf("unknown field: %+v", p)
	}
	// encoding/json would take "Title" for "title"; the API does not.
	wantStatus(t, put(`{"measure": {"Title": "T"}}`), 400)

	syntax := put(`{"measure": {"title": "T"`)
	wantStatus(t, syntax, 400)
	syntax.problem(t)
	wantStatus(t, put(`{"measure": {"title": "T"}} {}`), 400)
	wantStatus(t, put(``, "Content-Type", "application/json"), 400)

	wantStatus(t, put(`{"measure": {"title": "T"}}`, "Content-Type", "text/plain"), 415)
	patch := fx.call("PATCH", apiM11, tok, `{"measure": {"title": "T"}}`, "If-Match", etag)
	wantStatus(t, patch, 415)
	if patch.Header.Get("Accept-Patch") != "application/merge-patch+json" {
		t.Errorf("415 to a PATCH without Accept-Patch")
	}
	big := `{"measure": {"title": "T", "summary": "` + strings.Repeat("x", apiBodyLimit) + `"}}`
	wantStatus(t, put(big), 413)

	kinds := put(`{"goal": "2", "measure": {"title": "T", "time_frame": {"from": "2025"}, "leads": {}}}`, "Accept-Language", "nn")
	wantStatus(t, kinds, 422)
	p = kinds.problem(t)
	pointers := map[string]string{}
	for _, e := range p.Errors {
		pointers[e.Pointer] = e.Detail
	}
	for _, want := range []string{"/goal", "/measure/time_frame/from", "/measure/leads"} {
		if pointers[want] == "" {
			t.Errorf("no error at %s: %+v", want, p.Errors)
		}
	}
	if pointers["/goal"] != "Venta eit heiltal." {
		t.Errorf("the error at /goal in nynorsk: %q", pointers["/goal"])
	}

	rules := put(`{"measure": {"title": " ", "time_frame": {"from": 2027, "to": 2025}, "priority": "soon"}}`, "Accept-Language", "en")
	wantStatus(t, rules, 422)
	p = rules.problem(t)
	pointers = map[string]string{}
	for _, e := range p.Errors {
		pointers[e.Pointer] = e.Detail
	}
	for _, want := range []string{"/measure/title", "/measure/priority"} {
		if pointers[want] == "" {
			t.Errorf("no error at %s: %+v", want, p.Errors)
		}
	}
	wantStatus(t, put(`{"goal": 99, "measure": {"title": "T"}}`), 422)
	if got := fx.call("GET", apiM11, tok, "").Header.Get("ETag"); got != etag {
		t.Errorf("a refused body changed the measure")
	}
}

// A plan is replaced whole, with If-Match; its shared parts take the
// rights to change them.
func TestAPIWritePlanPut(t *testing.T) {
	fx := newFixture(t, "sqlite")
	tok := fx.apiToken("editor@example.no", "", auth.RoleEditor)
	get := fx.call("GET", apiVT, tok, "")
	etag := get.Header.Get("ETag")
	var p struct {
		Version int            `json:"version"`
		File    map[string]any `json:"file"`
	}
	get.json(t, &p)
	p.File["plan"].(map[string]any)["subtitle"] = "Revidert gjennom API-et"
	body, _ := json.Marshal(p.File)

	wantStatus(t, fx.call("PUT", apiVT, tok, string(body)), 428)
	put := fx.call("PUT", apiVT, tok, string(body), "If-Match", etag)
	wantStatus(t, put, 200)
	var saved apiPlan
	put.json(t, &saved)
	if saved.Version != p.Version+1 || saved.File.Plan.Subtitle != "Revidert gjennom API-et" {
		t.Errorf("after PUT: version %d (was %d), subtitle %q", saved.Version, p.Version, saved.File.Plan.Subtitle)
	}
	if put.Header.Get("ETag") == etag || fx.call("GET", apiVT, tok, "").Header.Get("ETag") != put.Header.Get("ETag") {
		t.Errorf("ETags: before %s, PUT %s", etag, put.Header.Get("ETag"))
	}
	wantStatus(t, fx.call("PUT", apiVT, tok, string(body), "If-Match", etag), 412)

	// An organisation is every programme's: an editor may not rename it.
	etag = put.Header.Get("ETag")
	orgs := p.File["organisations"].([]any)
	orgs[0].(map[string]any)["name"] = "Omdøypt"
	body, _ = json.Marshal(p.File)
	wantStatus(t, fx.call("PUT", apiVT, tok, string(body), "If-Match", etag), 403)
	// Nor may a file be for another plan.
	p.File["plan"].(map[string]any)["year"] = 2024
	body, _ = json.Marshal(p.File)
	wrong := fx.call("PUT", apiVT, tok, string(body), "If-Match", etag)
	wantStatus(t, wrong, 422)
	if pr := wrong.problem(t); len(pr.Errors) == 0 || pr.Errors[0].Pointer != "/plan/year" {
		t.Errorf("a file for another year: %+v", pr)
	}
}

// Every answer of the write API, good and bad, is what the OpenAPI
// description says it is: its status is documented for the operation, and
// its body matches the documented schema.
func TestAPIWriteMatchesOpenAPI(t *testing.T) {
	fx := newFixture(t, "sqlite")
	check := openAPIChecker(t, fx)
	editor := fx.apiToken("editor@example.no", "", auth.RoleEditor)
	reader := fx.apiToken("reader@example.no", "", auth.RoleReader)
	admin := fx.apiToken("admin@example.no", "", auth.RoleAdmin)
	const (
		measures   = "/api/v1/measures"
		measure    = "/api/v1/measures/{id}"
		planPath   = "/api/v1/programmes/{programme}/plans/{year}"
		publish    = planPath + "/publish"
		history    = planPath + "/history"
		comments   = planPath + "/comments"
		mergePatch = "application/merge-patch+json"
	)
	get := fx.call("GET", apiM11, editor, "")
	check(measure, get)
	etag := get.Header.Get("ETag")
	check(measure, fx.call("GET", apiM11, editor, "", "If-None-Match", etag))
	check(measures, fx.call("GET", apiVTMs, editor, "", "If-None-Match", "*"))
	planGet := fx.call("GET", apiVT, editor, "")
	check(planPath, planGet)
	check(planPath, fx.call("GET", apiVT, editor, "", "If-None-Match", planGet.Header.Get("ETag")))

	created := fx.call("POST", apiVTMs, editor, `{"goal": 1, "measure": {"title": "Nytt tiltak", "number": 1}}`)
	wantStatus(t, created, 201)
	check(measures, created)
	check(measures, fx.call("POST", apiVTMs, reader, `{"goal": 1, "measure": {"title": "x"}}`))
	check(measures, fx.call("POST", apiVTMs, "", `{"goal": 1, "measure": {"title": "x"}}`))
	check(measures, fx.call("POST", apiVTMs, editor, `{"goal": 1, "measure": {"title": "x"}, "extra": 1}`))
	check(measures, fx.call("POST", apiVTMs, editor, `{"goal": 1}`))
	check(measures, fx.call("POST", apiVTMs, editor, `{"goal": 1, "measure": {"title": "x"}}`, "Content-Type", "text/csv"))
	check(measures, fx.call("POST", "/api/v1/measures?plan=vest-telemark/1999", editor, `{"goal": 1, "measure": {"title": "x"}}`))

	newTag := created.Header.Get("ETag")
	loc := created.Header.Get("Location")
	check(measure, fx.call("PUT", loc, editor, `{"measure": {"title": "Nytt namn"}}`))
	check(measure, fx.call("PUT", loc, editor, `{"measure": {"title": "Nytt namn"}}`, "If-Match", `"stale"`))
	check(measure, fx.call("PUT", loc, editor, `{"measure": {"title": "x"}}`+strings.Repeat(" ", apiBodyLimit), "If-Match", newTag))
	put := fx.call("PUT", loc, editor, `{"measure": {"title": "Nytt namn"}}`, "If-Match", newTag)
	wantStatus(t, put, 200)
	check(measure, put)
	patched := fx.call("PATCH", loc, editor, `{"measure": {"status": "ongoing"}}`, "Content-Type", mergePatch, "If-Match", put.Header.Get("ETag"))
	wantStatus(t, patched, 200)
	check(measure, patched)
	check(measure, fx.call("PATCH", loc, editor, `{"measure": {"status": 3}}`, "Content-Type", mergePatch, "If-Match", patched.Header.Get("ETag")))
	check(measure, fx.call("PATCH", loc, editor, `{"measure": {"status": "ongoing"}}`, "If-Match", patched.Header.Get("ETag")))
	check(measure, fx.call("DELETE", loc, reader, "", "If-Match", patched.Header.Get("ETag")))
	check(measure, fx.call("DELETE", loc, editor, ""))
	deleted := fx.call("DELETE", loc, editor, "", "If-Match", patched.Header.Get("ETag"))
	wantStatus(t, deleted, 204)
	check(measure, deleted)
	check(measure, fx.call("DELETE", loc, editor, "", "If-Match", patched.Header.Get("ETag")))

	var pf struct {
		File json.RawMessage `json:"file"`
	}
	planGet = fx.call("GET", apiVT, editor, "")
	planGet.json(t, &pf)
	planPut := fx.call("PUT", apiVT, editor, string(pf.File), "If-Match", planGet.Header.Get("ETag"))
	wantStatus(t, planPut, 200)
	check(planPath, planPut)
	check(planPath, fx.call("PUT", apiVT, editor, string(pf.File), "If-Match", planGet.Header.Get("ETag")))

	hist := fx.call("GET", apiVT+"/history", editor, "")
	wantStatus(t, hist, 200)
	check(history, hist)
	check(history, fx.call("GET", apiVT+"/history", editor, "", "If-None-Match", hist.Header.Get("ETag")))
	check(history, fx.call("GET", apiVT+"/history?goal=x&measure=1", editor, ""))
	check(history, fx.call("GET", apiVT+"/history", "", ""))

	comment := fx.call("POST", apiVT+"/comments", editor, `{"goal": 1, "measure": 2, "text": "Kven betaler?"}`)
	wantStatus(t, comment, 201)
	check(comments, comment)
	check(comments, fx.call("POST", apiVT+"/comments", editor, `{"goal": 1, "text": ""}`))

	pub := fx.call("POST", apiVT+"/publish", admin, `{"published": true}`)
	wantStatus(t, pub, 200)
	check(publish, pub)
	check(publish, fx.call("POST", apiVT+"/publish", editor, `{"published": true}`))
	check(publish, fx.call("POST", apiVT+"/publish", admin, `{}`))
}

// If-Match and If-None-Match are lists of tags that may hold commas; "*"
// is any; If-Match never matches a weak tag, If-None-Match ignores W/.
func TestAPIWriteEntityTags(t *testing.T) {
	cur := `"a,b"`
	for _, tc := range []struct {
		header       string
		strong, weak bool
	}{
		{`"a,b"`, true, true},
		{`"x", "a,b"`, true, true},
		{` "x" ,"a,b" `, true, true},
		{`W/"a,b"`, false, true},
		{`*`, true, true},
		{`"x"`, false, false},
		{`a,b`, false, false},
		{`"a,b`, false, false},
	} {
		et, ok := parseEntityTags([]string{tc.header})
		if !ok {
			t.Errorf("%s: not read as present", tc.header)
		}
		if got := et.matchStrong(cur); got != tc.strong {
			t.Errorf("If-Match: %s against %s: %v", tc.header, cur, got)
		}
		if got := et.matchWeak(cur); got != tc.weak {
			t.Errorf("If-None-Match: %s against %s: %v", tc.header, cur, got)
		}
	}
	if _, ok := parseEntityTags(nil); ok {
		t.Error("no header read as present")
	}
}

// openAPIChecker reads the OpenAPI description the fixture serves and
// returns a check that an answer is what it says: its status documented
// for the operation, its ETag where documented, its body of the
// documented schema.
func openAPIChecker(t *testing.T, fx *fixture) func(documented string, a apiReply) {
	t.Helper()
	doc := fx.call("GET", "/api/v1/openapi.json", "", "")
	var spec struct {
		Paths      map[string]map[string]map[string]any `json:"paths"`
		Components struct {
			Responses       map[string]map[string]any `json:"responses"`
			SecuritySchemes map[string]any            `json:"securitySchemes"`
		} `json:"components"`
	}
	doc.json(t, &spec)
	if spec.Components.SecuritySchemes["bearerAuth"] == nil {
		t.Error("no bearerAuth security scheme")
	}
	parsed, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc.body))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("https://planverk.test/openapi.json", parsed); err != nil {
		t.Fatal(err)
	}
	check := func(documented string, a apiReply) {
		t.Helper()
		method := strings.ToLower(a.Request.Method)
		op := spec.Paths[documented][method]
		if op == nil {
			t.Errorf("%s %s is not in the OpenAPI description", method, documented)
			return
		}
		resp, _ := op["responses"].(map[string]any)[fmt.Sprint(a.StatusCode)].(map[string]any)
		if resp == nil {
			t.Errorf("%s %s: status %d is not documented\n%.300s", method, documented, a.StatusCode, a.body)
			return
		}
		if ref, ok := resp["$ref"].(string); ok {
			resp = spec.Components.Responses[strings.TrimPrefix(ref, "#/components/responses/")]
		}
		if headers, _ := resp["headers"].(map[string]any); headers["ETag"] != nil && a.Header.Get("ETag") == "" {
			t.Errorf("%s %s %d: no ETag, though documented", method, documented, a.StatusCode)
		}
		content, _ := resp["content"].(map[string]any)
		if content == nil {
			if len(a.body) != 0 {
				t.Errorf("%s %s %d: a body, where none is documented", method, documented, a.StatusCode)
			}
			return
		}
		ct := a.Header.Get("Content-Type")
		media, _ := content[ct].(map[string]any)
		if media == nil {
			t.Errorf("%s %s %d: Content-Type %q is not documented", method, documented, a.StatusCode, ct)
			return
		}
		ref := media["schema"].(map[string]any)["$ref"].(string)
		s, err := c.Compile("https://planverk.test/openapi.json" + ref)
		if err != nil {
			t.Fatalf("%s: %v", ref, err)
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(a.body))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(v); err != nil {
			t.Errorf("%s %s %d does not match %s: %v", method, documented, a.StatusCode, ref, err)
		}
	}
	return check
}
