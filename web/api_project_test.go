package web

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"planverk/auth"
	"planverk/followup"
	"planverk/plan"
	"planverk/store"
)

const (
	apiDrivProjects = "/api/v1/programmes/driv/projects"
	apiProjectsDoc  = "/api/v1/programmes/{programme}/projects"
)

// drivToken makes a user with a role in Driv and an API token for them.
func (fx *fixture) drivToken(email string, role auth.Role) string {
	fx.t.Helper()
	u := fx.user(email, "", false, "driv", role)
	plain, hash, err := auth.NewToken(auth.PrefixAPIToken)
	if err != nil {
		fx.t.Fatal(err)
	}
	if _, err := fx.store.CreateAPIToken(context.Background(), store.APIToken{UserID: u.ID, Name: "test", TokenHash: hash}); err != nil {
		fx.t.Fatal(err)
	}
	return plain
}

// TestAPIProjects: an integration registers a project with a commitment,
// its payment schedule and payments (the request sent twice with the same
// Idempotency-Key registers one), reads it with its ETag and findings in
// the language asked for, replaces it with If-Match (428 without, 412
// from a stale ETag and nothing saved), and is told in its language which
// field is wrong. A visitor sees neither ideas nor applications.
func TestAPIProjects(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) { testAPIProjects(t, engine) })
	}
}

func testAPIProjects(t *testing.T, engine string) {
	fx := newFixture(t, engine)
	check := openAPIChecker(t, fx)
	tok := fx.drivToken("integrasjon@driv.no", auth.RoleEditor)
	const one = "/api/v1/programmes/{programme}/projects/{project}"

	body := `{"project": {"title": "Opplevelsesnettverk", "label": "P7", "status": "granted", "goal": 1, "budget": 300000,
		"commitments": [{"amount": 200000, "kind": "ceiling", "source": "fylkeskommunen", "share": "50 %", "decided": "2025-02-10",
			"deadline": "2026-06", "schedule": [{"year": 2025, "amount": 150000}, {"year": 2026, "amount": 50000}],
			"payments": [{"date": "2025-04-01", "amount": 180000}, {"date": "2026-07-01", "amount": 20000}]}]}}`
	created := fx.call("POST", apiDrivProjects+"?lang=nb", tok, body, "Idempotency-Key", "nytt-prosjekt-1")
	wantStatus(t, created, 201)
	check(apiProjectsDoc, created)
	loc, etag := created.Header.Get("Location"), created.Header.Get("ETag")
	if !strings.HasPrefix(loc, apiDrivProjects+"/") || etag == "" {
		t.Fatalf("Location %q, ETag %q", loc, etag)
	}
	var got apiProject
	created.json(t, &got)
	rules := map[string]string{}
	for _, f := range got.Findings {
		rules[f.Rule] = f.Message
	}
	if got.Committed != 200000 || got.Paid != 200000 || !got.Public || got.Lang != "nb" ||
		!strings.Contains(rules["followup-schedule"], "180\u00a0000 kroner er utbetalt innen utgangen av 2025") ||
		!strings.Contains(rules["followup-deadline"], "etter tilsagnets frist") {
		t.Errorf("the registered project: %+v", got)
	}
	again := fx.call("POST", apiDrivProjects+"?lang=nb", tok, body, "Idempotency-Key", "nytt-prosjekt-1")
	wantStatus(t, again, 201)
	if again.Header.Get("Location") != loc {
		t.Errorf("the request sent again registered %s, not %s", again.Header.Get("Location"), loc)
	}

	read := fx.call("GET", loc, tok, "")
	wantStatus(t, read, 200)
	check(one, read)
	if read.Header.Get("ETag") != etag {
		t.Errorf("GET's ETag %q, POST's %q", read.Header.Get("ETag"), etag)
	}
	if nm := fx.call("GET", loc, tok, "", "If-None-Match", etag); nm.StatusCode != 304 {
		t.Errorf("GET with the current ETag in If-None-Match: %d", nm.StatusCode)
	}

	// The project back with a change: a third payment.
	var res map[string]json.RawMessage
	read.json(t, &res)
	var p followup.Project
	if err := json.Unmarshal(res["project"], &p); err != nil {
		t.Fatal(err)
	}
	p.Commitments[0].Payments = p.Commitments[0].Payments[:1]
	p.Manager = "Ola Nordmann"
	put, _ := json.Marshal(map[string]any{"project": p})

	none := fx.call("PUT", loc, tok, string(put))
	wantStatus(t, none, 428)
	check(one, none)
	stale := fx.call("PUT", loc, tok, string(put), "If-Match", `"project-1-v0"`)
	wantStatus(t, stale, 412)
	check(one, stale)
	if stale.Header.Get("ETag") != etag {
		t.Errorf("412 carries ETag %q, want the current %q", stale.Header.Get("ETag"), etag)
	}
	ok := fx.call("PUT", loc, tok, string(put), "If-Match", etag)
	wantStatus(t, ok, 200)
	check(one, ok)
	var saved apiProject
	ok.json(t, &saved)
	if ok.Header.Get("ETag") == etag || saved.Project.Manager != "Ola Nordmann" || saved.Paid != 180000 ||
		saved.Project.Commitments[0].ID != p.Commitments[0].ID || saved.Project.Commitments[0].Payments[0].ID != p.Commitments[0].Payments[0].ID {
		t.Errorf("after the PUT: ETag %q, %+v", ok.Header.Get("ETag"), saved.Project)
	}
	// Two clients held the same ETag: the second saves nothing.
	p.Manager = "Kari Nordmann"
	put, _ = json.Marshal(map[string]any{"project": p})
	wantStatus(t, fx.call("PUT", loc, tok, string(put), "If-Match", etag), 412)

	// What is wrong is named by its field, in the caller's language, and
	// nothing is saved.
	cur := ok.Header.Get("ETag")
	bad := `{"project": {"title": "", "status": "maybe", "budget": -5,
		"commitments": [{"amount": 1000, "kind": "lots", "share": "1/2",
			"schedule": [{"year": 2025, "amount": 500}, {"year": 2025, "amount": 500}], "payments": [{"amount": 10}]}]}}`
	refused := fx.call("PUT", loc, tok, bad, "If-Match", cur, "Accept-Language", "nn")
	wantStatus(t, refused, 422)
	check(one, refused)
	pointers := map[string]string{}
	for _, e := range refused.problem(t).Errors {
		pointers[e.Pointer] = e.Detail
	}
	for ptr, want := range map[string]string{
		"/project/title":                         "title",
		"/project/status":                        "status må vere idea",
		"/project/budget":                        "budget kan ikkje vere mindre enn 0",
		"/project/commitments/0/kind":            "kind må vere exact",
		"/project/commitments/0/source":          "source",
		"/project/commitments/0/schedule/1/year": "året 2025 to gonger",
		"/project/commitments/0/payments/0/date": "date",
	} {
		if !strings.Contains(pointers[ptr], want) {
			t.Errorf("%s: %q, want it to say %q (all: %v)", ptr, pointers[ptr], want, pointers)
		}
	}
	if after := fx.call("GET", loc, tok, ""); after.Header.Get("ETag") != cur {
		t.Errorf("a refused PUT saved something: ETag %q, was %q", after.Header.Get("ETag"), cur)
	}
	wantStatus(t, fx.call("POST", apiDrivProjects, tok, `{"project": {"title": "X", "status": "granted", "colour": "red"}}`), 400)
	share := fx.call("POST", apiDrivProjects, tok, `{"project": {"title": "X", "status": "granted", "commitments": [{"amount": 1, "source": "x", "share": "halvparten"}]}}`)
	wantStatus(t, share, 422)
	if e := share.problem(t).Errors; len(e) != 1 || e[0].Pointer != "/project/commitments/0/share" {
		t.Errorf("a share that is not one: %+v", e)
	}

	// An idea and an application, which visitors do not see.
	for _, st := range []string{"idea", "application"} {
		wantStatus(t, fx.call("POST", apiDrivProjects, tok, fmt.Sprintf(`{"project": {"title": "Hemmelig %s", "status": %q}}`, st, st)), 201)
	}
	var member, public apiProjectList
	list := fx.call("GET", apiDrivProjects, tok, "")
	check(apiProjectsDoc, list)
	list.json(t, &member)
	visitor := fx.call("GET", apiDrivProjects, "", "")
	wantStatus(t, visitor, 200)
	check(apiProjectsDoc, visitor)
	visitor.json(t, &public)
	if member.Total != 3 || public.Total != 1 || len(public.Projects) != 1 || public.Projects[0].URL != loc ||
		strings.Contains(string(visitor.body), "Hemmelig") {
		t.Errorf("a member's list: %d; a visitor's: %d %s", member.Total, public.Total, visitor.body)
	}
	idea := member.Projects[1].URL
	wantStatus(t, fx.call("GET", idea, "", ""), 404)
	wantStatus(t, fx.call("GET", idea, tok, ""), 200)
	wantStatus(t, fx.call("PUT", idea, "", string(put), "If-Match", cur), 401)
	reader := fx.drivToken("leser@driv.no", auth.RoleReader)
	wantStatus(t, fx.call("PUT", loc, reader, string(put), "If-Match", cur), 403)

	money := fx.call("GET", apiDrivProjects+"/money?lang=en", "", "")
	wantStatus(t, money, 200)
	check(apiProjectsDoc+"/money", money)
	var m apiProjectMoney
	money.json(t, &m)
	if m.Committed != 200000 || m.Paid != 180000 || len(m.Goals) == 0 || m.Goals[0].Committed != 200000 || len(m.Sources) == 0 {
		t.Errorf("the money: %+v", m)
	}
}

// TestAPIProjectsPages: 30 projects come 25 a page, with a next link.
func TestAPIProjectsPages(t *testing.T) {
	fx := newFixture(t, "sqlite")
	for i := range 30 {
		if _, err := fx.store.SaveProject(context.Background(), followup.Project{ProgrammeID: "driv",
			Title: fmt.Sprintf("Prosjekt %d", i+1), Status: followup.StatusGranted, Budget: plan.Amount(1000).Ptr()}, store.Edit{}); err != nil {
			t.Fatal(err)
		}
	}
	var first, second apiProjectList
	a := fx.call("GET", apiDrivProjects, "", "")
	a.json(t, &first)
	if first.Total != 30 || len(first.Projects) != 25 || first.Next != apiDrivProjects+"?page=2" ||
		a.Header.Get("Link") != "<"+apiDrivProjects+`?page=2>; rel="next"` {
		t.Fatalf("page 1: %d of %d, next %q, Link %q", len(first.Projects), first.Total, first.Next, a.Header.Get("Link"))
	}
	fx.call("GET", first.Next, "", "").json(t, &second)
	if second.Page != 2 || len(second.Projects) != 5 || second.Next != "" || second.Projects[4].Project.Title != "Prosjekt 30" {
		t.Fatalf("page 2: %+v", second)
	}
}
