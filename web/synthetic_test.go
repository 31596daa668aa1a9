package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"planverk/demo"
	"planverk/followup"
	"planverk/plan"
	"planverk/store"
	"planverk/store/testdb"
)

// emptyDatabase is a migrated database with nothing in it, for the
// synthetic data set, which goes only into an empty one.
var emptyDatabase = testdb.New(func(ctx context.Context, engine, dsn string) error {
	st, err := openStore(ctx, engine, dsn)
	if err != nil {
		return err
	}
	return st.Close()
})

// syntheticFixture is a running planverk over a small synthetic data set.
func syntheticFixture(t *testing.T, engine string, o demo.Options) (*fixture, demo.Result) {
	t.Helper()
	testdb.Parallel(t)
	ctx := context.Background()
	st, err := openStore(ctx, engine, emptyDatabase.Database(t, engine))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	res, err := demo.Generate(ctx, st, o)
	if err != nil {
		t.Fatalf("generate: %v", err)
	}
	app, err := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)), Config{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(app.Close)
	srv := httptest.NewServer(app.Handler())
	t.Cleanup(srv.Close)
	return &fixture{t: t, srv: srv, store: st, app: app}, res
}

// TestSyntheticDataSet: planverk demo generate's data set, small, on both
// engines: the programmes and plans are there, every plan passes the
// checks without errors, and every page and API answer says the data is
// synthetic, in the reader's language. A database with real plans is
// refused, and says nothing of the kind.
func TestSyntheticDataSet(t *testing.T) {
	today := time.Date(2026, 5, 20, 12, 0, 0, 0, time.UTC)
	o := demo.Options{Seed: 7, Programmes: 12, Years: 3, Measures: 12 * 3 * 8, Schemes: 40, Projects: 36, Reports: 360, Today: today}
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx, res := syntheticFixture(t, engine, o)
			ctx := context.Background()
			if res.Programmes != 12 || res.Plans != 36 || res.Measures != 12*3*8 || res.Schemes != 40 || res.Projects != 36 || res.Reports != 360 {
				t.Errorf("made %+v", res)
			}
			progs, err := fx.store.Programmes(ctx)
			if err != nil || len(progs) != 12 {
				t.Fatalf("%d programmes stored (%v), want 12", len(progs), err)
			}
			measures := 0
			for _, p := range progs {
				if !strings.HasPrefix(p.Name, "Synthetic programme ") {
					t.Errorf("programme %s is named %q: not plainly synthetic", p.ID, p.Name)
				}
				plans, err := fx.store.Plans(ctx, p.ID)
				if err != nil || len(plans) != 3 {
					t.Fatalf("%s: %d plans (%v), want 3", p.ID, len(plans), err)
				}
				for _, v := range plans {
					f, _, err := fx.store.LoadPlan(ctx, p.ID, v.Year)
					if err != nil {
						t.Fatal(err)
					}
					for _, g := range f.Plan.Goals {
						measures += len(g.Measures)
					}
					for _, fd := range plan.Check(f) {
						if fd.Severity == plan.SeverityError {
							t.Errorf("%s %d: %s %s %v", p.ID, v.Year, fd.Rule, fd.Message, fd.Args)
						}
					}
				}
				c, err := fx.store.Cycle(ctx, p.ID, 2024)
				if err != nil || len(c.Releases) != 1 {
					t.Errorf("%s 2024: %d releases (%v), want its approved one", p.ID, len(c.Releases), err)
				}
			}
			if measures != 12*3*8 {
				t.Errorf("%d measures in the latest versions, want %d", measures, 12*3*8)
			}
			if n, err := fx.store.Schemes(ctx); err != nil || len(n) != 40 {
				t.Errorf("%d schemes (%v), want 40", len(n), err)
			}
			if _, total, err := fx.store.Projects(ctx, "synthetic-1", store.ProjectQuery{}); err != nil || total != 3 {
				t.Errorf("synthetic-1 has %d projects (%v), want 3", total, err)
			}
			banner := map[string]string{"nb": "Syntetiske data – ikke virkelige programmer",
				"nn": "Syntetiske data – ikkje verkelege program", "en": "Synthetic data — not real programmes"}
			for lang, want := range banner {
				c := fx.anonymous().in(lang)
				for _, path := range []string{"/", "/programmes/synthetic-1", "/programmes/synthetic-1/plans/2025",
					"/programmes/synthetic-1/plans/2026", "/schemes", "/schemes/synthetic-scheme-1"} {
					resp, body := c.get(path)
					if resp.StatusCode != 200 {
						t.Errorf("%s %s: status %d", lang, path, resp.StatusCode)
						continue
					}
					if !strings.Contains(body, want) {
						t.Errorf("%s %s: no %q on the page", lang, path, want)
					}
					if resp.Header.Get("Planverk-Synthetic") != "true" {
						t.Errorf("%s %s: no Planverk-Synthetic header", lang, path)
					}
				}
			}
			for _, path := range []string{"/api/v1/programmes", "/api/v1/programmes/synthetic-1/plans/2025"} {
				resp, _ := fx.anonymous().get(path)
				if resp.StatusCode != 200 || resp.Header.Get("Planverk-Synthetic") != "true" {
					t.Errorf("%s: status %d, Planverk-Synthetic %q", path, resp.StatusCode, resp.Header.Get("Planverk-Synthetic"))
				}
			}
			syntheticJobs(t, fx, progs)
			if _, err := demo.Generate(ctx, fx.store, o); !isRefusal(err) {
				t.Errorf("a second data set over the first: %v, want a refusal", err)
			}
		})
	}
}

// syntheticJobs: the synthetic reports are there in every state, and the
// job ledger of a programme, in the API, on its page and in the
// overview, counts the jobs of its accepted reports only (of projects it
// supports and everyone may see), as summed here from every report.
func syntheticJobs(t *testing.T, fx *fixture, progs []plan.Programme) {
	t.Helper()
	ctx := context.Background()
	states := map[followup.ReportState]int{}
	best, bestJobs := "", 0
	for _, p := range progs {
		projects, _, err := fx.store.Projects(ctx, p.ID, store.ProjectQuery{Public: true})
		if err != nil {
			t.Fatal(err)
		}
		supported := followup.SupportedProjects(projects)
		accepted, others := 0, 0
		for _, pr := range projects {
			reps, err := fx.store.ProjectReports(ctx, p.ID, pr.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range reps {
				states[r.State]++
				if r.State == followup.ReportAccepted && supported[pr.ID] {
					accepted += r.Jobs()
				} else {
					others += r.Jobs()
				}
			}
		}
		if others > 0 && accepted > bestJobs {
			best, bestJobs = p.ID, accepted
		}
	}
	for _, st := range followup.ReportStates {
		if states[st] == 0 {
			t.Errorf("no synthetic report is %s: %v", st, states)
		}
	}
	if states[followup.ReportAccepted]*2 < 360 {
		t.Errorf("%d of 360 reports accepted, want most", states[followup.ReportAccepted])
	}
	if best == "" {
		t.Fatal("no programme has both accepted reports with jobs and others with jobs")
	}
	var j apiJobs
	reply := fx.call("GET", "/api/v1/programmes/"+best+"/jobs", "", "")
	wantStatus(t, reply, 200)
	reply.json(t, &j)
	if j.Jobs != bestJobs {
		t.Errorf("%s: the job ledger counts %d jobs, the accepted reports have %d", best, j.Jobs, bestJobs)
	}
	var period *apiJobsTarget
	years := 0
	for i, tg := range j.Targets {
		if tg.Target.Period != nil {
			period = &j.Targets[i]
		} else if tg.Target.Year != 0 {
			years++
		}
	}
	if period == nil || years == 0 || period.Counted != bestJobs {
		t.Fatalf("%s: jobs targets %+v, want one over the period counting %d and a year's", best, j.Targets, bestJobs)
	}
	span := fmt.Sprintf("%d–%d", period.Target.Period.From, period.Target.Period.To)
	_, page := fx.anonymous().in("en").get("/programmes/" + best + "/jobs")
	row := regexp.MustCompile(`(?s)<tr><th scope="row">(?:<span[^>]*>[^<]*</span>, )?` + span + `.*?</tr>`).FindString(page)
	if want := fmt.Sprintf("%d %d %d", period.Target.Value, bestJobs, max(int(period.Target.Value)-bestJobs, 0)); !strings.Contains(cellText("<main>"+row+"</main>"), want) {
		t.Errorf("%s: the jobs page's row for %s is %q, want %q", best, span, cellText("<main>"+row+"</main>"), want)
	}
	_, page = fx.anonymous().in("en").get("/overview")
	if want := fmt.Sprintf("%d of %d, %s", bestJobs, period.Target.Value, span); !strings.Contains(cellText(page), want) {
		t.Errorf("the overview lacks %q for %s", want, best)
	}
}

// TestSyntheticRefusesRealPlans: a database that holds real plans gets no
// synthetic ones, and no marker, and its pages say nothing of synthetic
// data.
func TestSyntheticRefusesRealPlans(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			ctx := context.Background()
			before, _ := fx.store.Programmes(ctx)
			_, err := demo.Generate(ctx, fx.store, demo.Options{Seed: 1, Programmes: 2, Years: 1})
			if !isRefusal(err) || !strings.Contains(err.Error(), "not synthetic") {
				t.Fatalf("generate over the example plans: %v, want a refusal that says why", err)
			}
			after, _ := fx.store.Programmes(ctx)
			if len(after) != len(before) {
				t.Errorf("%d programmes before, %d after a refusal", len(before), len(after))
			}
			if v, err := fx.store.Setting(ctx, store.SettingSynthetic); err != nil || v != "" {
				t.Errorf("the marker after a refusal: %q, %v", v, err)
			}
			resp, body := fx.anonymous().in("en").get("/")
			if strings.Contains(body, "Synthetic data") || resp.Header.Get("Planverk-Synthetic") != "" {
				t.Error("the home page of real plans says they are synthetic")
			}
		})
	}
}

func isRefusal(err error) bool {
	var r *demo.Refusal
	return errors.As(err, &r)
}
