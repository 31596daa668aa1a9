package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"planverk/plan"
)

// A change the database was too busy to take is answered 503 with
// Retry-After, on a page in the visitor's language and in the API, never
// as a 500 that says something broke.
func TestBusyIsRetryLater(t *testing.T) {
	f := newFixture(t, "sqlite")
	busy := plan.Errorf(plan.EBusy, "the database is busy")

	req := httptest.NewRequest("POST", "/programmes/driv/plans/2025/goals/1/measures/1/edit", nil)
	req.Header.Set("Accept-Language", "nn")
	rec := httptest.NewRecorder()
	f.app.fail(rec, req, busy)
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") != "1" {
		t.Fatalf("page: status %d, Retry-After %q; want 503 and 1", rec.Code, rec.Header().Get("Retry-After"))
	}
	if body := rec.Body.String(); !strings.Contains(body, "Ingenting vart lagra") {
		t.Errorf("the nynorsk page does not say that nothing was saved:\n%s", body)
	}

	req = httptest.NewRequest("PATCH", "/api/v1/programmes/driv/plans/2025/measures/1.1", nil)
	rec = httptest.NewRecorder()
	f.app.apiFail(rec, req, busy)
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") != "1" {
		t.Fatalf("API: status %d, Retry-After %q; want 503 and 1", rec.Code, rec.Header().Get("Retry-After"))
	}
}
