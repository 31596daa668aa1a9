package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// Benchmarks of the heaviest pages against the health check, the cheapest
// answer that still touches the database, in the same run: compare them as
// ratios (benchstat), never against a fixed time.
func benchmarkGet(b *testing.B, path string) {
	benchmarkGetConfig(b, path, Config{})
}

func benchmarkGetConfig(b *testing.B, path string, cfg Config) {
	srv := newFixtureConfig(b, "sqlite", func(string) Config { return cfg }).srv
	client := srv.Client()
	b.ResetTimer()
	for b.Loop() {
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

func BenchmarkHealthBaseline(b *testing.B) { benchmarkGet(b, "/healthz") }
func BenchmarkHome(b *testing.B)           { benchmarkGet(b, "/") }
func BenchmarkPlanPage(b *testing.B)       { benchmarkGet(b, "/programmes/vest-telemark/plans/2025") }

// The visitor's plan page rendered on every request, as a signed-in
// member's is: the cost the page cache saves.
func BenchmarkPlanPageRendered(b *testing.B) {
	benchmarkGetConfig(b, "/programmes/vest-telemark/plans/2025", Config{PageCacheBytes: -1})
}
func BenchmarkPlanAPI(b *testing.B) { benchmarkGet(b, "/api/v1/programmes/vest-telemark/plans/2025") }
func BenchmarkOrganisationPage(b *testing.B) {
	benchmarkGet(b, "/organisations/telemark-fylkeskommune")
}

// BenchmarkPlanPageFromMemory is the anchor for BenchmarkPlanPage: the
// same page's bytes, written by a bare Go server with nothing else to do.
// BenchmarkPlanPage as a share of it is what planverk's own work costs.
func BenchmarkPlanPageFromMemory(b *testing.B) {
	fx := newFixture(b, "sqlite")
	resp, err := fx.srv.Client().Get(fx.srv.URL + "/programmes/vest-telemark/plans/2025")
	if err != nil {
		b.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	ctype := resp.Header.Get("Content-Type")
	bare := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", ctype)
		_, _ = w.Write(page)
	}))
	defer bare.Close()
	client := bare.Client()
	b.ResetTimer()
	for b.Loop() {
		resp, err := client.Get(bare.URL)
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}
