package web

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"testing"
	"time"

	"planverk/auth"
)

// The signed-in draft pages against anchor A2 (PlanInMemory: the same
// pages rendered in full by planverk's own handlers and templates from a
// plan held in memory, no store) in the same run. Each reports its time as
// a share of A2's, measured by the benchmark itself just after its own
// loop as many times, as the metric xA2: above 1 the draft page is faster than A2.
//
//	go test ./web -run - -bench 'Draft' -benchmem
//
// The Rendered variants are the draft pages as they were before their
// parts were kept (DraftCacheBytes -1): the before of the same run.
const (
	draftPlanPath    = "/programmes/vest-telemark/plans/2025"
	draftMeasurePath = "/programmes/vest-telemark/plans/2025/goals/1/measures/1"
	draftMember      = "editor@example.no"
)

func BenchmarkDraftPlanPage(b *testing.B)    { benchmarkDraft(b, draftPlanPath, Config{}) }
func BenchmarkDraftMeasurePage(b *testing.B) { benchmarkDraft(b, draftMeasurePath, Config{}) }
func BenchmarkDraftPlanPageRendered(b *testing.B) {
	benchmarkDraft(b, draftPlanPath, Config{DraftCacheBytes: -1})
}
func BenchmarkDraftMeasurePageRendered(b *testing.B) {
	benchmarkDraft(b, draftMeasurePath, Config{DraftCacheBytes: -1})
}

// BenchmarkDraftPlanPageA2 and BenchmarkDraftMeasurePageA2 are the anchor
// alone, for its allocations.
func BenchmarkDraftPlanPageA2(b *testing.B)    { benchmarkA2(b, draftPlanPath) }
func BenchmarkDraftMeasurePageA2(b *testing.B) { benchmarkA2(b, draftMeasurePath) }

// draftFixture is a server over the example plans with an editor of
// Vest-Telemark signed in, and anchor A2 over the same plan for them.
func draftFixture(b *testing.B, cfg Config) (page *client, a2 *httptest.Server) {
	fx := newFixtureConfig(b, "sqlite", func(string) Config { return cfg })
	fx.user(draftMember, "", false, "vest-telemark", auth.RoleEditor)
	h, err := PlanInMemory(context.Background(), fx.store, "vest-telemark", 2025, draftMember)
	if err != nil {
		b.Fatal(err)
	}
	a2 = httptest.NewServer(h)
	b.Cleanup(a2.Close)
	return fx.login(draftMember), a2
}

func benchmarkDraft(b *testing.B, path string, cfg Config) {
	c, a2 := draftFixture(b, cfg)
	get(b, c.hc, c.fx.srv.URL+path) // the first request makes the parts
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		get(b, c.hc, c.fx.srv.URL+path)
	}
	b.StopTimer()
	page := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	// The anchor as many times, timed alike: testing.Benchmark cannot
	// run inside a benchmark.
	client := a2.Client()
	get(b, client, a2.URL+path)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	for range b.N {
		get(b, client, a2.URL+path)
	}
	anchor := float64(time.Since(start).Nanoseconds()) / float64(b.N)
	runtime.ReadMemStats(&after)
	b.ReportMetric(anchor/page, "xA2")
	b.ReportMetric(anchor, "A2-ns/op")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(b.N), "A2-allocs/op")
}

func benchmarkA2(b *testing.B, path string) {
	_, a2 := draftFixture(b, Config{})
	client := a2.Client()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		get(b, client, a2.URL+path)
	}
}

func get(b testing.TB, c *http.Client, u string) {
	resp, err := c.Get(u)
	if err != nil {
		b.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b.Fatalf("%s: status %d", u, resp.StatusCode)
	}
}
