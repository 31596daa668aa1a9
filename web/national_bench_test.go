package web

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"testing"
	"time"

	"planverk/demo"
	"planverk/store/testdb"
)

// The lists whose cost may grow with the number of programmes, read from a
// synthetic database of many programmes made by the benchmark itself
// (demo.Generate), beside the health check in the same run. Compare them
// with the same benchmarks on the two-plan database (BenchmarkHome,
// BenchmarkOrganisationPage) as ratios:
//
//	go test ./web -run - -bench 'National|HealthBaseline|^BenchmarkHome$|OrganisationPage$'
//
// PLANVERK_BENCH_PROGRAMMES sets how many programmes (200 unless set).
var nationalDatabase = testdb.New(func(ctx context.Context, engine, dsn string) error {
	st, err := openStore(ctx, engine, dsn)
	if err != nil {
		return err
	}
	n := 200
	if v, err := strconv.Atoi(os.Getenv("PLANVERK_BENCH_PROGRAMMES")); err == nil && v > 0 {
		n = v
	}
	o := demo.Options{Seed: 1, Programmes: n, Years: 2, Measures: 20 * n, Schemes: 50,
		Today: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)}
	if _, err := demo.Generate(ctx, st, o); err != nil {
		st.Close()
		return err
	}
	return st.Close()
})

func benchmarkNational(b *testing.B, path string) { benchmarkNationalEach(b, path, nil) }

// benchmarkNationalEach is benchmarkNational with before run, untimed,
// before each request, on the database's file.
func benchmarkNationalEach(b *testing.B, path string, before func(file string)) {
	ctx := context.Background()
	file := nationalDatabase.Database(b, "sqlite")
	st, err := openStore(ctx, "sqlite", file)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	app, err := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)), Config{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(app.Close)
	srv := httptest.NewServer(app.Handler())
	b.Cleanup(srv.Close)
	client := srv.Client()
	b.ResetTimer()
	for b.Loop() {
		if before != nil {
			b.StopTimer()
			before(file)
			b.StartTimer()
		}
		resp, err := client.Get(srv.URL + path)
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("%s: status %d", path, resp.StatusCode)
		}
	}
}

func BenchmarkNationalHome(b *testing.B)          { benchmarkNational(b, "/") }
func BenchmarkNationalHomePage3(b *testing.B)     { benchmarkNational(b, "/?page=3") }
func BenchmarkNationalProgrammesAPI(b *testing.B) { benchmarkNational(b, "/api/v1/programmes") }

// The ministry every synthetic programme names as its funder.
func BenchmarkNationalOrganisation(b *testing.B) { benchmarkNational(b, "/organisations/kdd") }
func BenchmarkNationalOrganisationAPI(b *testing.B) {
	benchmarkNational(b, "/api/v1/organisations/kdd")
}
func BenchmarkNationalOverview(b *testing.B) { benchmarkNational(b, "/overview") }

// BenchmarkNationalOverviewStale is the overview when every programme has
// changed since its summary was kept: each request computes every row of
// the page from the programme's plans and projects again, as the overview
// did before it kept summaries.
func BenchmarkNationalOverviewStale(b *testing.B) {
	benchmarkNationalEach(b, "/overview", func(file string) {
		db, err := sql.Open("sqlite", "file:"+file+"?_pragma=busy_timeout(10000)")
		if err != nil {
			b.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec(`UPDATE programme_data_versions SET version = version + 1`); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkNationalJobs(b *testing.B) { benchmarkNational(b, "/programmes/synthetic-2/jobs") }
