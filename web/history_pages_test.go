package web

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// A long history is read 20 versions at a time, on the page and in the
// API, each page linking to the older versions.
func TestHistoryPages(t *testing.T) {
	fx := newFixture(t, "sqlite")
	ctx := context.Background()
	for i := 1; i <= 25; i++ {
		if _, err := fx.store.EditPlan(ctx, "vest-telemark", 2025, store.Edit{}, func(f *plan.File) error {
			f.Plan.Subtitle = fmt.Sprintf("Utgåve %d", i)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	fx.user("leiar@vt.no", "vest-telemarkradet", false, "vest-telemark", auth.RoleAdmin)
	member := fx.login("leiar@vt.no").in("en")
	const history = "/programmes/vest-telemark/plans/2025/history"
	_, first := member.get(history)
	if n := strings.Count(first, `class="history-entry"`); n != 20 {
		t.Errorf("the first page shows %d versions, want 20", n)
	}
	if !strings.Contains(first, "Utgåve 25") || strings.Contains(first, "Utgåve 4") {
		t.Error("the first page does not show the newest versions only")
	}
	link := `<a href="` + history + `?before=`
	at := strings.Index(first, link)
	if at < 0 || !strings.Contains(first[at:], "Older changes") {
		t.Fatal("the first page does not link to the older changes")
	}
	older := first[at+len(`<a href="`):]
	older = older[:strings.Index(older, `"`)]
	_, second := member.get(strings.ReplaceAll(older, "&amp;", "&"))
	if !strings.Contains(second, "Utgåve 5") || strings.Contains(second, "Utgåve 6<") || strings.Contains(second, "Older changes") ||
		!strings.Contains(second, "Newest changes") {
		t.Errorf("the second page: %.400s", pageText(second))
	}

	var page apiHistory
	_, body := member.get("/api/v1/programmes/vest-telemark/plans/2025/history")
	if err := json.Unmarshal([]byte(body), &page); err != nil || len(page.Versions) != 20 || page.Next == "" {
		t.Fatalf("the API's first page: %d versions, next %q (%v)", len(page.Versions), page.Next, err)
	}
	oldest := page.Versions[19].Version
	var rest apiHistory
	_, body = member.get(page.Next)
	if err := json.Unmarshal([]byte(body), &rest); err != nil || len(rest.Versions) == 0 || rest.Versions[0].Version >= oldest || rest.Next != "" {
		t.Errorf("the API's second page starts at %v, next %q (%v)", rest.Versions, rest.Next, err)
	}
}
