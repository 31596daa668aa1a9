package web

import (
	"fmt"
	"net/http"
	"testing"

	"planverk/auth"
)

// BenchmarkMeasurePatch is one measure save through the API, as the load
// script's writers make them: PATCH of the title with the ETag the last
// save answered. BenchmarkHealthBaseline in the same run is the anchor.
//
//	go test ./web -run - -bench 'MeasurePatch|HealthBaseline'
func BenchmarkMeasurePatch(b *testing.B) {
	fx := newFixture(b, "sqlite")
	tok := fx.apiToken("bench@example.no", "vinje-kommune", auth.RoleEditor)
	get := fx.call("GET", apiM11, tok, "")
	wantStatus(b, get, http.StatusOK)
	etag := get.Header.Get("ETag")
	i := 0
	for b.Loop() {
		i++
		body := fmt.Sprintf(`{"measure": {"title": "Tittel %d"}}`, i)
		a := fx.call("PATCH", apiM11, tok, body, "Content-Type", "application/merge-patch+json", "If-Match", etag)
		wantStatus(b, a, http.StatusOK)
		etag = a.Header.Get("ETag")
	}
}
