package web

import (
	"context"
	"strings"
	"testing"

	"planverk/auth"
)

// A scheme page lists a measure that names it only to those who may read
// the plan: once the plan is withdrawn, a visitor no longer sees the use,
// a member of the programme still does.
func TestSchemeUsesVisible(t *testing.T) {
	fx := newFixture(t, "sqlite")
	fx.user("kari@example.no", "", false, "vest-telemark", auth.RoleReader)
	use := `<a href="/programmes/vest-telemark/plans/2025/goals/1/measures/2">`
	if _, page := fx.anonymous().get("/schemes/husbanken-startlan"); !strings.Contains(page, use) {
		t.Fatal("the published plan's use is not listed")
	}
	if err := fx.store.SetPublished(context.Background(), "vest-telemark", 2025, false, 0); err != nil {
		t.Fatal(err)
	}
	if _, page := fx.anonymous().get("/schemes/husbanken-startlan"); strings.Contains(page, use) {
		t.Error("a visitor sees the use in a withdrawn plan")
	}
	if _, page := fx.login("kari@example.no").get("/schemes/husbanken-startlan"); !strings.Contains(page, use) {
		t.Error("a member does not see the use in their programme's plan")
	}
}
