package web

import (
	"encoding/json"
	"strings"
	"testing"

	"planverk/auth"
)

// The yearly cycle through the API, as an integration of the ministry's or
// a municipality's case system would use it.

const apiVT26 = "/api/v1/programmes/vest-telemark/plans/2026"

// problemAt returns the detail of the problem's error at pointer, "" where
// there is none.
func problemAt(p apiProblem, pointer string) string {
	for _, e := range p.Errors {
		if e.Pointer == pointer {
			return e.Detail
		}
	}
	return ""
}

// TestAPICycle takes Vest-Telemark from its anchored 2025 plan to an
// approved 2026 plan through the API alone: the approval of 2025 with its
// checks, next year's plan, a change with its reason, the proposal, the
// anchoring in six municipalities and the approval.
func TestAPICycle(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) { apiCycleSteps(t, engine) })
	}
}

func apiCycleSteps(t *testing.T, engine string) {
	fx := newFixture(t, engine)
	admin := fx.apiToken("admin@vt.no", "vest-telemarkradet", auth.RoleAdmin)
	tokke := fx.apiToken("tokke@tokke.kommune.no", "tokke-kommune", auth.RoleReader)
	kdd := fx.apiToken("sakshandsamar@kdd.dep.no", "kdd", auth.RoleReviewer)

	// A visitor reads the cycle: anchored, waiting for the ministry.
	var c apiCycle
	get := fx.call("GET", apiVT+"/cycle", "", "")
	wantStatus(t, get, 200)
	get.json(t, &c)
	if c.Stage != "anchored" || len(c.Releases) != 1 || c.Releases[0].Kind != "anchored" || c.Releases[0].Digest == "" {
		t.Fatalf("2025's cycle: %+v", c)
	}
	if len(c.Waiting) != 1 || c.Waiting[0].Step != "approval" || c.Waiting[0].Organisation != "kdd" ||
		c.Waiting[0].OrganisationName != "Kommunal- og distriktsdepartementet" || c.Waiting[0].CanAct {
		t.Errorf("2025 waits for %+v", c.Waiting)
	}
	var mine apiCycle
	fx.call("GET", apiVT+"/cycle", kdd, "").json(t, &mine)
	if len(mine.Waiting) != 1 || !mine.Waiting[0].CanAct || mine.Waiting[0].URL != apiVT+"/steps/approval" {
		t.Errorf("the ministry is not told it may approve: %+v", mine.Waiting)
	}

	// Only the funder approves.
	approval := `{"organisation": "kdd", "date": "2025-06-30", "case_ref": "25/1234", "amounts": {"kdd-post-66": 5000000}}`
	wantStatus(t, fx.call("POST", apiVT+"/steps/approval", "", approval), 401)
	denied := fx.call("POST", apiVT+"/steps/approval", tokke, approval, "Accept-Language", "en")
	wantStatus(t, denied, 403)
	if p := denied.problem(t); !strings.Contains(p.Detail, "funder") {
		t.Errorf("the refusal does not say who records an approval: %q", p.Detail)
	}
	wantStatus(t, fx.call("POST", apiVT+"/steps/approval", admin, approval), 403)
	wantStatus(t, fx.call("POST", apiVT+"/steps/signing", kdd, approval), 404)

	// The form's checks, beside the field, in the language asked for.
	early := fx.call("POST", apiVT+"/steps/approval", kdd,
		`{"organisation": "kdd", "date": "2025-06-20", "case_ref": "25/1234"}`, "Accept-Language", "nn")
	wantStatus(t, early, 422)
	if msg := problemAt(early.problem(t), "/date"); !strings.Contains(msg, "forankringa var fullført, 24.06.2025") {
		t.Errorf("an approval before the last council: %q", msg)
	}
	bad := fx.call("POST", apiVT+"/steps/approval", kdd,
		`{"organisation": "kdd", "date": "2025-06-30", "amounts": {"kdd-post-66": 1, "lotto": 2}, "minutes_url": "protokoll.pdf"}`, "Accept-Language", "en")
	wantStatus(t, bad, 422)
	p := bad.problem(t)
	for _, ptr := range []string{"/case_ref", "/amounts/lotto", "/minutes_url"} {
		if problemAt(p, ptr) == "" {
			t.Errorf("no error at %s: %+v", ptr, p.Errors)
		}
	}
	if msg := problemAt(p, "/case_ref"); !strings.Contains(msg, "reference") {
		t.Errorf("the missing reference: %q", msg)
	}
	wrongKind := fx.call("POST", apiVT+"/steps/approval", kdd, `{"organisation": "kdd", "date": "30.06.2025", "case_ref": 5}`)
	wantStatus(t, wrongKind, 422)
	if problemAt(wrongKind.problem(t), "/case_ref") == "" {
		t.Error("a reference that is a number is not refused at /case_ref")
	}
	wantStatus(t, fx.call("POST", apiVT+"/steps/approval", kdd, `{"organisation": "kdd", "datum": "2025-06-30"}`), 400)
	if n := len(cycleOf(t, fx, kdd, apiVT).Decisions); n != 0 {
		t.Fatalf("refused approvals recorded %d decisions", n)
	}

	first := fx.call("POST", apiVT+"/steps/approval", kdd, approval, "Idempotency-Key", "kdd-25-1234")
	wantStatus(t, first, 201)
	var taken apiStepTaken
	first.json(t, &taken)
	if taken.Release == nil || taken.Release.Kind != "approved" || taken.Release.Number != 2 || taken.Stage != "approved" ||
		first.Header.Get("Location") != apiVT+"/cycle" {
		t.Fatalf("the approval made %+v, Location %s", taken, first.Header.Get("Location"))
	}
	if len(taken.Decision.Amounts) != 1 || taken.Decision.Amounts[0].Amount != 5_000_000 || taken.Decision.RecordedBy != "sakshandsamar" {
		t.Errorf("the decision recorded: %+v", taken.Decision)
	}
	retry := fx.call("POST", apiVT+"/steps/approval", kdd, approval, "Idempotency-Key", "kdd-25-1234")
	wantStatus(t, retry, 201)
	if string(retry.body) != string(first.body) {
		t.Errorf("the retry's answer differs:\n%s\n%s", retry.body, first.body)
	}
	if n := len(cycleOf(t, fx, "", apiVT).Decisions); n != 1 {
		t.Errorf("%d decisions after an approval and its retry, want 1", n)
	}
	again := fx.call("POST", apiVT+"/steps/approval", kdd, approval, "Accept-Language", "en")
	wantStatus(t, again, 409)
	if p := again.problem(t); !strings.Contains(p.Detail, "approved the plan already") {
		t.Errorf("a second approval: %q", p.Detail)
	}

	// The releases, each at its own address; a visitor reads them too.
	var rl apiReleaseList
	fx.call("GET", apiVT+"/releases", "", "").json(t, &rl)
	if len(rl.Releases) != 2 || rl.Releases[1].URL != apiVT+"/releases/2" {
		t.Fatalf("releases: %+v", rl)
	}
	rel := fx.call("GET", rl.Releases[1].URL, "", "")
	wantStatus(t, rel, 200)
	var rr apiReleaseResource
	rel.json(t, &rr)
	if rel.Header.Get("ETag") != `"`+rr.Release.Digest+`"` || rr.File.Plan.Status != "approved" || rr.Totals.Budgets[0].Total != 22_000_000 {
		t.Errorf("release 2: ETag %s, %+v", rel.Header.Get("ETag"), rr.Release)
	}
	wantStatus(t, fx.call("GET", apiVT+"/releases/3", "", ""), 404)
	wantStatus(t, fx.call("GET", apiVT+"/releases/x", "", ""), 404)

	// Next year's plan: for editors and admins, once.
	wantStatus(t, fx.call("POST", apiVT+"/next", tokke, ""), 403)
	next := fx.call("POST", apiVT+"/next", admin, "", "Idempotency-Key", "roll-2026")
	wantStatus(t, next, 201)
	if loc := next.Header.Get("Location"); loc != apiVT26 {
		t.Errorf("Location of the new plan: %s", loc)
	}
	var p26 apiPlan
	next.json(t, &p26)
	if p26.Year != 2026 || p26.File.Plan.Status != "draft" {
		t.Errorf("the new plan: year %d, status %s", p26.Year, p26.File.Plan.Status)
	}
	wantStatus(t, fx.call("POST", apiVT+"/next", admin, "", "Idempotency-Key", "roll-2026"), 201)
	twice := fx.call("POST", apiVT+"/next", admin, "", "Accept-Language", "nn")
	wantStatus(t, twice, 409)
	if p := twice.problem(t); !strings.Contains(p.Detail, "Programmet har alt ein plan for 2026") {
		t.Errorf("a second start of 2026 says %q", p.Detail)
	}
	wantStatus(t, fx.call("GET", apiVT26, "", ""), 404)
	wantStatus(t, fx.call("GET", apiVT26+"/cycle", "", ""), 404)
	wantStatus(t, fx.call("GET", apiVT26+"/revision", "", ""), 404)

	// A changed time frame needs its reason before the plan is proposed.
	m11 := "/api/v1/measures/vest-telemark.2026.1.1"
	etag := fx.call("GET", m11, admin, "").Header.Get("ETag")
	wantStatus(t, fx.call("PATCH", m11, admin, `{"measure": {"time_frame": {"to": 2027}}}`,
		"Content-Type", "application/merge-patch+json", "If-Match", etag), 200)
	var rv apiRevision
	fx.call("GET", apiVT26+"/revision", admin, "", "Accept-Language", "en").json(t, &rv)
	if rv.Base == nil || rv.Base.Year != 2025 || rv.Base.Release != 2 || len(rv.Changed) != 1 || len(rv.New) != 0 || len(rv.Ended) != 0 {
		t.Fatalf("the revision: base %+v, %d new, %d changed, %d ended", rv.Base, len(rv.New), len(rv.Changed), len(rv.Ended))
	}
	changed := rv.Changed[0]
	if changed.Number != "1.1" || len(changed.Fields) != 1 || changed.Fields[0].Field != "time_frame" ||
		changed.Fields[0].Before != "2025–2028" || changed.Fields[0].After != "2025–2027" {
		t.Errorf("the changed measure: %+v", changed)
	}
	if !hasFinding(rv.Findings, "revision-reason") {
		t.Errorf("no finding for the missing reason: %+v", rv.Findings)
	}
	proposal := `{"body": "Styringsgruppa", "date": "2026-01-05", "case_ref": "SG 1/26"}`
	blocked := fx.call("POST", apiVT26+"/steps/proposal", admin, proposal, "Accept-Language", "en")
	wantStatus(t, blocked, 409)
	if p := blocked.problem(t); !strings.Contains(p.Detail, "cannot be proposed") {
		t.Errorf("a proposal with revision errors: %q", p.Detail)
	}

	// The reason, through the measure's disposition.
	disp := fx.call("GET", changed.URL, admin, "")
	wantStatus(t, disp, 200)
	reason := `{"reason": "Kartlegginga tek eit år ekstra."}`
	wantStatus(t, fx.call("PUT", changed.URL, admin, reason), 428)
	wantStatus(t, fx.call("PUT", changed.URL, tokke, reason, "If-Match", disp.Header.Get("ETag")), 403)
	kind := fx.call("PUT", changed.URL, admin, `{"new": "soon"}`, "If-Match", disp.Header.Get("ETag"))
	wantStatus(t, kind, 422)
	if problemAt(kind.problem(t), "/new") == "" {
		t.Error("an unknown kind of new measure is not refused at /new")
	}
	set := fx.call("PUT", changed.URL, admin, reason, "If-Match", disp.Header.Get("ETag"))
	wantStatus(t, set, 200)
	var sm apiRevisedMeasure
	set.json(t, &sm)
	if sm.Reason != "Kartlegginga tek eit år ekstra." || sm.Disposition != "changed" || set.Header.Get("ETag") == disp.Header.Get("ETag") {
		t.Errorf("after the PUT: %+v", sm)
	}
	wantStatus(t, fx.call("PUT", changed.URL, admin, reason, "If-Match", disp.Header.Get("ETag")), 412)
	wantStatus(t, fx.call("GET", apiVT26+"/revision/measures/no-such-measure", admin, ""), 404)
	fx.call("GET", apiVT26+"/revision", admin, "").json(t, &rv)
	if hasFinding(rv.Findings, "revision-reason") || rv.Changed[0].Reason != "Kartlegginga tek eit år ekstra." {
		t.Errorf("the reason is not in the revision: %+v", rv.Findings)
	}

	// Proposed, anchored in six municipalities, approved.
	future := fx.call("POST", apiVT26+"/steps/proposal", admin, `{"body": "Styringsgruppa", "date": "2099-01-05"}`)
	wantStatus(t, future, 422)
	if problemAt(future.problem(t), "/date") == "" {
		t.Error("a proposal dated after today is not refused at /date")
	}
	wantStatus(t, fx.call("POST", apiVT26+"/steps/proposal", admin, proposal), 201)
	if got := cycleOf(t, fx, "", apiVT26).Stage; got != "proposed" {
		t.Errorf("a visitor reads 2026 as %s after the proposal", got)
	}
	wantStatus(t, fx.call("POST", apiVT26+"/steps/council", tokke, `{"organisation": "vinje-kommune", "date": "2026-01-10", "outcome": "adopted"}`), 403)
	council := fx.call("POST", apiVT26+"/steps/council", tokke, `{"date": "2026-01-01", "outcome": "adopted"}`)
	wantStatus(t, council, 422)
	if msg := problemAt(council.problem(t), "/date"); !strings.Contains(msg, "05.01.2026") {
		t.Errorf("a council before the proposal: %q", msg)
	}
	changes := fx.call("POST", apiVT26+"/steps/executive-committee", tokke, `{"date": "2026-01-06", "outcome": "adopted-with-changes"}`)
	wantStatus(t, changes, 422)
	if problemAt(changes.problem(t), "/note") == "" {
		t.Error("adopted with changes, without saying what they are, is not refused at /note")
	}
	for _, m := range []string{"fyresdal-kommune", "kviteseid-kommune", "nissedal-kommune", "seljord-kommune", "tokke-kommune", "vinje-kommune"} {
		tok := admin
		if m == "tokke-kommune" {
			tok = tokke
		}
		for _, step := range []struct{ step, date string }{{"executive-committee", "2026-01-06"}, {"council", "2026-01-08"}} {
			body, _ := json.Marshal(map[string]any{"organisation": m, "date": step.date, "outcome": "adopted", "case_ref": "26/1"})
			wantStatus(t, fx.call("POST", apiVT26+"/steps/"+step.step, tok, string(body)), 201)
		}
	}
	c = cycleOf(t, fx, "", apiVT26)
	if c.Stage != "anchored" || len(c.Decisions) != 13 || len(c.Waiting) != 1 || c.Waiting[0].Step != "approval" {
		t.Fatalf("after six councils: stage %s, %d decisions, waiting %+v", c.Stage, len(c.Decisions), c.Waiting)
	}
	wantStatus(t, fx.call("POST", apiVT26+"/steps/approval", kdd, `{"date": "2026-01-09", "case_ref": "26/777"}`), 201)
	if c = cycleOf(t, fx, "", apiVT26); c.Stage != "approved" || len(c.Waiting) != 0 {
		t.Errorf("after the approval: stage %s, waiting %+v", c.Stage, c.Waiting)
	}
	var pub apiPlan
	fx.call("GET", apiVT26, "", "").json(t, &pub)
	if pub.File.Plan.Status != "approved" {
		t.Errorf("a visitor reads 2026 as %s", pub.File.Plan.Status)
	}
}

// cycleOf reads a plan's cycle through the API.
func cycleOf(t *testing.T, fx *fixture, token, plan string) apiCycle {
	t.Helper()
	a := fx.call("GET", plan+"/cycle", token, "")
	wantStatus(t, a, 200)
	var c apiCycle
	a.json(t, &c)
	return c
}

func hasFinding(fs []apiFinding, rule string) bool {
	for _, f := range fs {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

// Every answer of the cycle's operations, good and bad, is what the
// OpenAPI description says it is.
func TestAPICycleMatchesOpenAPI(t *testing.T) {
	fx := newFixture(t, "sqlite")
	check := openAPIChecker(t, fx)
	admin := fx.apiToken("admin@vt.no", "vest-telemarkradet", auth.RoleAdmin)
	kdd := fx.apiToken("sakshandsamar@kdd.dep.no", "kdd", auth.RoleReviewer)
	reader := fx.apiToken("reader@example.no", "", auth.RoleReader)
	const (
		planPath    = "/api/v1/programmes/{programme}/plans/{year}"
		cyclePath   = planPath + "/cycle"
		releases    = planPath + "/releases"
		release     = releases + "/{release}"
		step        = planPath + "/steps/{step}"
		next        = planPath + "/next"
		revision    = planPath + "/revision"
		disposition = revision + "/measures/{id}"
	)
	cyc := fx.call("GET", apiVT+"/cycle", "", "")
	check(cyclePath, cyc)
	check(cyclePath, fx.call("GET", apiVT+"/cycle", "", "", "If-None-Match", cyc.Header.Get("ETag")))
	check(cyclePath, fx.call("GET", "/api/v1/programmes/vest-telemark/plans/1999/cycle", "", ""))
	check(cyclePath, fx.call("GET", "/api/v1/programmes/vest-telemark/plans/twenty/cycle", "", ""))
	check(releases, fx.call("GET", apiVT+"/releases", "", ""))
	check(release, fx.call("GET", apiVT+"/releases/1", "", ""))
	check(release, fx.call("GET", apiVT+"/releases/7", "", ""))

	check(step, fx.call("POST", apiVT+"/steps/approval", "", `{}`))
	check(step, fx.call("POST", apiVT+"/steps/approval", reader, `{}`))
	check(step, fx.call("POST", apiVT+"/steps/approval", kdd, `{"date": "2025-06-20"}`))
	check(step, fx.call("POST", apiVT+"/steps/approval", kdd, `{"dato": "2025-06-20"}`))
	check(step, fx.call("POST", apiVT+"/steps/approval", kdd, `{}`, "Content-Type", "text/plain"))
	check(step, fx.call("POST", apiVT+"/steps/proposal", admin, `{"body": "Styringsgruppa", "date": "2025-05-06"}`))
	approved := fx.call("POST", apiVT+"/steps/approval", kdd, `{"date": "2025-06-30", "case_ref": "25/1", "amounts": {"kdd-post-66": 5000000}}`)
	wantStatus(t, approved, 201)
	check(step, approved)
	check(step, fx.call("POST", apiVT+"/steps/approval", kdd, `{"date": "2025-06-30", "case_ref": "25/1"}`))

	check(next, fx.call("POST", apiVT+"/next", reader, ""))
	rolled := fx.call("POST", apiVT+"/next", admin, "")
	wantStatus(t, rolled, 201)
	check(next, rolled)
	check(next, fx.call("POST", apiVT+"/next", admin, ""))

	m11 := "/api/v1/measures/vest-telemark.2026.1.1"
	etag := fx.call("GET", m11, admin, "").Header.Get("ETag")
	wantStatus(t, fx.call("PATCH", m11, admin, `{"measure": {"title": "Kartlegging av bustadbehov"}}`,
		"Content-Type", "application/merge-patch+json", "If-Match", etag), 200)
	rev := fx.call("GET", apiVT26+"/revision", admin, "")
	check(revision, rev)
	check(revision, fx.call("GET", apiVT+"/revision", "", ""))
	var rv apiRevision
	rev.json(t, &rv)
	if len(rv.Changed) != 1 {
		t.Fatalf("the revision has %d changed measures, want 1", len(rv.Changed))
	}
	u := rv.Changed[0].URL
	got := fx.call("GET", u, admin, "")
	check(disposition, got)
	check(disposition, fx.call("GET", apiVT26+"/revision/measures/nothing", admin, ""))
	check(disposition, fx.call("PUT", u, admin, `{"reason": "Ny tittel."}`))
	check(disposition, fx.call("PUT", u, admin, `{"reason": "Ny tittel."}`, "If-Match", `"stale"`))
	check(disposition, fx.call("PUT", u, admin, `{"new": "later"}`, "If-Match", got.Header.Get("ETag")))
	check(disposition, fx.call("PUT", u, reader, `{"reason": "Ny tittel."}`, "If-Match", got.Header.Get("ETag")))
	put := fx.call("PUT", u, admin, `{"reason": "Ny tittel."}`, "If-Match", got.Header.Get("ETag"))
	wantStatus(t, put, 200)
	check(disposition, put)
	check(step, fx.call("POST", apiVT26+"/steps/council", admin, `{"organisation": "tokke-kommune", "date": "2026-01-10", "outcome": "adopted"}`))
}
