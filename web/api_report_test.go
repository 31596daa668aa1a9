package web

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"planverk/auth"
	"planverk/followup"
	"planverk/store"
)

// TestAPIReports: a project's manager, with no role in the programme,
// writes a report through the API and submits it with If-Match (428
// without, 412 from a stale ETag, nothing saved); the programme returns it
// (a comment is needed) and, after it is submitted again, accepts it; the
// job ledger then counts its jobs. A visitor sees the accepted report
// only; bad input is named by its place in the body.
func TestAPIReports(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) { testAPIReports(t, engine) })
	}
}

func testAPIReports(t *testing.T, engine string) {
	fx := newFixture(t, engine)
	ctx := context.Background()
	check := openAPIChecker(t, fx)
	editor := fx.drivToken("redaktor@driv.no", auth.RoleEditor)
	mgr := fx.user("ola@example.no", "", false, "", "")
	plain, hash, err := auth.NewToken(auth.PrefixAPIToken)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fx.store.CreateAPIToken(ctx, store.APIToken{UserID: mgr.ID, Name: "test", TokenHash: hash}); err != nil {
		t.Fatal(err)
	}
	p, err := fx.store.SaveProject(ctx, followup.Project{ProgrammeID: "driv", Title: "Opplevelsesnettverk", Status: followup.StatusGranted,
		Commitments: []followup.Commitment{{Amount: 150000, Source: "fylkeskommunen"}}}, store.Edit{})
	if err != nil {
		t.Fatal(err)
	}
	if err := fx.store.SetProjectManager(ctx, "driv", p.ID, mgr.ID); err != nil {
		t.Fatal(err)
	}
	const (
		list   = "/api/v1/programmes/{programme}/projects/{project}/reports"
		one    = list + "/{report}"
		accept = one + "/accept"
		ret    = one + "/return"
		jobs   = "/api/v1/programmes/{programme}/jobs"
	)
	reports := "/api/v1/programmes/driv/projects/" + strconv.FormatInt(p.ID, 10) + "/reports"

	bad := fx.call("POST", reports+"?lang=en", plain, `{"report": {"kind": "yearly", "progress": "on-track", "from": "2025-06", "to": "2025-01", "jobs_created": -1}}`)
	wantStatus(t, bad, 422)
	check(list, bad)
	for _, want := range []string{"/report/kind", "/report/to", "/report/jobs_created"} {
		if !strings.Contains(string(bad.body), want) {
			t.Errorf("the refusal does not point at %s: %s", want, bad.body)
		}
	}
	check(list, fx.call("POST", reports, "", `{"report": {}}`))

	created := fx.call("POST", reports, plain, `{"report": {"kind": "interim", "progress": "on-track", "from": "2025-01", "to": "2025-06-30",
		"jobs_created": 5, "jobs_secured": 2, "results": [{"label": "Kurs", "count": 3}]}}`, "Idempotency-Key", "rapport-1")
	wantStatus(t, created, 201)
	check(list, created)
	loc, etag := created.Header.Get("Location"), created.Header.Get("ETag")
	var got apiReport
	created.json(t, &got)
	if got.Report.State != followup.ReportDraft || got.Jobs != 7 || !strings.HasPrefix(loc, reports+"/") {
		t.Fatalf("created: %+v at %s", got, loc)
	}
	// A visitor does not see the draft.
	if r := fx.call("GET", loc, "", ""); r.StatusCode != 404 {
		t.Errorf("a visitor reads the draft: %d", r.StatusCode)
	}
	submit := `{"report": {"kind": "interim", "progress": "delayed", "from": "2025-01", "to": "2025-06-30", "jobs_created": 5, "jobs_secured": 2, "state": "submitted"}}`
	wantStatus(t, fx.call("PUT", loc, plain, submit), 428)
	check(one, fx.call("PUT", loc, plain, submit, "If-Match", `"report-0-v0"`))
	put := fx.call("PUT", loc, plain, submit, "If-Match", etag)
	wantStatus(t, put, 200)
	check(one, put)
	stale := fx.call("PUT", loc, plain, submit, "If-Match", etag)
	wantStatus(t, stale, 412)
	// The manager decides nothing.
	wantStatus(t, fx.call("POST", loc+"/accept", plain, "", "If-Match", put.Header.Get("ETag")), 403)
	noComment := fx.call("POST", loc+"/return", editor, `{"comment": ""}`, "If-Match", put.Header.Get("ETag"))
	wantStatus(t, noComment, 422)
	check(ret, noComment)
	returned := fx.call("POST", loc+"/return", editor, `{"comment": "Kilde for tallene mangler."}`, "If-Match", put.Header.Get("ETag"))
	wantStatus(t, returned, 200)
	check(ret, returned)
	again := fx.call("PUT", loc, plain, submit, "If-Match", returned.Header.Get("ETag"))
	wantStatus(t, again, 200)
	check(accept, fx.call("POST", loc+"/accept", editor, "", "If-Match", put.Header.Get("ETag")))
	accepted := fx.call("POST", loc+"/accept", editor, "", "If-Match", again.Header.Get("ETag"))
	wantStatus(t, accepted, 200)
	check(accept, accepted)
	// Accepted: no longer the writer's.
	wantStatus(t, fx.call("PUT", loc, plain, submit, "If-Match", accepted.Header.Get("ETag")), 409)

	visitorList := fx.call("GET", reports, "", "")
	check(list, visitorList)
	var l apiReportList
	visitorList.json(t, &l)
	if len(l.Reports) != 1 || l.Reports[0].Report.State != followup.ReportAccepted {
		t.Errorf("a visitor's list: %+v", l)
	}
	check(one, fx.call("GET", loc, "", ""))
	ledger := fx.call("GET", "/api/v1/programmes/driv/jobs", "", "")
	check(jobs, ledger)
	var j apiJobs
	ledger.json(t, &j)
	counted := map[int]int{}
	for _, tg := range j.Targets {
		if tg.Target.Year != 0 {
			counted[tg.Target.Year] = tg.Counted
		} else if tg.Target.Period != nil {
			counted[0] = tg.Counted
		}
	}
	if j.Jobs != 7 || counted[2025] != 7 || counted[0] != 7 || len(j.Reports) != 1 || j.Reports[0].URL != loc {
		t.Errorf("the job ledger: %+v", j)
	}
}
