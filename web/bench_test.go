package web

import (
	"io"
	"net/http"
	"testing"
)

// Benchmarks of the heaviest pages against the health check, the cheapest
// answer that still touches the database, in the same run: compare them as
// ratios (benchstat), never against a fixed time.
func benchmarkGet(b *testing.B, path string) {
	srv := newFixture(b, "sqlite").srv
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
func BenchmarkPlanAPI(b *testing.B)        { benchmarkGet(b, "/api/v1/programmes/vest-telemark/plans/2025") }
func BenchmarkOrganisationPage(b *testing.B) {
	benchmarkGet(b, "/organisations/telemark-fylkeskommune")
}
