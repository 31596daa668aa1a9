package web

import (
	"context"
	"html"
	"net/http"
	"strings"
	"testing"

	"planverk/auth"
	"planverk/store"
)

// A measure's lead edits the measure, but who leads it is the plan's
// decision: the form keeps its change of leads out, with a message by the
// field, and the API answers 403. The lead's other changes are saved.
func TestLeadMayNotChangeLeads(t *testing.T) {
	fx := newFixture(t, "sqlite")
	u := fx.user("leiar@pilot.no", "pilotkommunane", false, "vest-telemark", auth.RoleLead)
	lead := fx.login(u.Email).in("nn")
	_, page := lead.get(m11 + "/edit")

	takeOver := editForm(page)
	takeOver.Set("leads", "Nissedal kommune")
	resp, body := lead.post(m11+"/edit", takeOver)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(html.UnescapeString(body), "Berre redaktørar kan endre kven som leier eit tiltak") {
		t.Errorf("a lead's change of leads: status %d", resp.StatusCode)
	}
	if _, v, _ := fx.store.LoadPlan(context.Background(), "vest-telemark", 2025); v.Version != 1 {
		t.Errorf("the refused save made version %d", v.Version)
	}

	content := editForm(page)
	content.Set("summary", "Leiaren sitt nye samandrag")
	if resp, _ := lead.post(m11+"/edit", content); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("a lead's change of content: status %d", resp.StatusCode)
	}

	plain, hash, err := auth.NewToken(auth.PrefixAPIToken)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fx.store.CreateAPIToken(context.Background(), store.APIToken{UserID: u.ID, Name: "test", TokenHash: hash}); err != nil {
		t.Fatal(err)
	}
	etag := fx.call("GET", apiM11, plain, "").Header.Get("ETag")
	patch := fx.call("PATCH", apiM11, plain, `{"measure": {"leads": [{"org": "nissedal-kommune"}]}}`,
		"Content-Type", "application/merge-patch+json", "If-Match", etag, "Accept-Language", "en")
	wantStatus(t, patch, 403)
	if p := patch.problem(t); !strings.Contains(p.Title+p.Detail, "Changing who leads a measure (leads)") {
		t.Errorf("the API's refusal: %+v", p)
	}
	wantStatus(t, fx.call("PATCH", apiM11, plain, `{"measure": {"status": "completed"}}`,
		"Content-Type", "application/merge-patch+json", "If-Match", etag), 200)

	editor := fx.login(fx.user("redaktor@vt.no", "", false, "vest-telemark", auth.RoleEditor).Email)
	_, page = editor.get(m11 + "/edit")
	byEditor := editForm(page)
	byEditor.Set("leads", "Nissedal kommune")
	if resp, _ := editor.post(m11+"/edit", byEditor); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("an editor's change of leads: status %d", resp.StatusCode)
	}
}
