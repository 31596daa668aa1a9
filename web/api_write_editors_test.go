package web

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
	"planverk/store/postgres"
)

// Fifty editors saving a measure each of one plan at once, through the API
// on PostgreSQL, are never answered 500 and lose nothing: each save is 200,
// or, where it waited too long for the saves before it (on a slow machine),
// 503 with Retry-After and nothing saved, so that the same save sent again
// goes through; every last title is saved.
func TestAPIWriteEditorsOfOnePlan(t *testing.T) {
	if os.Getenv(postgres.TestURLVariable) == "" {
		t.Skipf("%s is not set", postgres.TestURLVariable)
	}
	const editors, saves = 50, 3
	fx := newFixture(t, "postgres")
	ctx := context.Background()
	var goal, first int
	if _, err := fx.store.EditPlan(ctx, "vest-telemark", 2025, store.Edit{}, func(f *plan.File) error {
		g := &f.Plan.Goals[0]
		goal, first = g.Number, len(g.Measures)+1
		for n := first; n < first+editors; n++ {
			m := g.Measures[0]
			m.ID, m.Label, m.Number, m.Title = "", "", n, fmt.Sprintf("Tiltak %d", n)
			g.Measures = append(g.Measures, m)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	tok := fx.apiToken("editor@example.no", "", auth.RoleEditor)
	title := func(n, i int) string { return fmt.Sprintf("Tiltak %d, endring %d", n, i) }
	path := func(n int) string { return fmt.Sprintf("/api/v1/measures/vest-telemark.2025.%d.%d", goal, n) }

	var wg sync.WaitGroup
	for n := first; n < first+editors; n++ {
		wg.Go(func() {
			etag := fx.call("GET", path(n), tok, "").Header.Get("ETag")
			for i := 0; i < saves; {
				a := fx.call("PATCH", path(n), tok, fmt.Sprintf(`{"measure": {"title": %q}}`, title(n, i)),
					"Content-Type", "application/merge-patch+json", "If-Match", etag)
				switch {
				case a.StatusCode == 200:
					etag = a.Header.Get("ETag")
					i++
				case a.StatusCode == 503 && a.Header.Get("Retry-After") != "":
					// Busy: nothing was saved, the ETag still holds.
				default:
					t.Errorf("save %d of measure %d: %d (Retry-After %q) %s", i, n, a.StatusCode, a.Header.Get("Retry-After"), a.body)
					return
				}
			}
		})
	}
	wg.Wait()
	for n := first; n < first+editors; n++ {
		if got := measureJSON(t, fx.call("GET", path(n), tok, ""))["title"]; got != title(n, saves-1) {
			t.Errorf("measure %d is titled %v, want %q", n, got, title(n, saves-1))
		}
	}
}
