package web

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"planverk/auth"
	"planverk/cycle"
	"planverk/planfile"
)

// TestApprovedReleaseUnchanged: once the ministry has approved
// Vest-Telemark's 2025 plan, no route changes what was approved. A PUT of
// the whole plan through the API and an import of a changed plan file
// (what planverk import stores) change the working draft only: the
// approved release's content and digest, and what a visitor reads on the
// page and in the API, stay byte for byte as they were, while the members
// see each change as a draft that differs from the approved version.
func TestApprovedReleaseUnchanged(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) { approvedReleaseUnchanged(t, engine) })
	}
}

func approvedReleaseUnchanged(t *testing.T, engine string) {
	fx := newFixture(t, engine)
	ctx := context.Background()
	const page = "/programmes/vest-telemark/plans/2025"
	kdd := fx.apiToken("sakshandsamar@kdd.dep.no", "kdd", auth.RoleReviewer)
	editor := fx.apiToken("editor@vt.no", "", auth.RoleEditor)
	member := fx.login("editor@vt.no").in("en")
	visitor := fx.anonymous().in("nn")

	wantStatus(t, fx.call("POST", apiVT+"/steps/approval", kdd, `{"date": "2025-06-30", "case_ref": "25/1234"}`), 201)
	approved, rel, err := fx.store.LoadRelease(ctx, "vest-telemark", 2025, 0)
	if err != nil || rel.Kind != cycle.Approved {
		t.Fatalf("the approved release: %+v, %v", rel, err)
	}
	content := cycle.Encode(approved)
	_, visitorPage := visitor.get(page)
	_, visitorRelease := visitor.get(page + "/releases/2")
	visitorAPI := fx.call("GET", apiVT, "", "")
	wantStatus(t, visitorAPI, 200)
	unchanged := func(after string) {
		t.Helper()
		f, r, err := fx.store.LoadRelease(ctx, "vest-telemark", 2025, rel.Number)
		if err != nil {
			t.Fatal(err)
		}
		if r.Digest != rel.Digest || !bytes.Equal(cycle.Encode(f), content) || r.Digest != cycle.Digest(content) {
			t.Errorf("after %s the approved release changed: digest %s, was %s", after, r.Digest, rel.Digest)
		}
		if latest, _, _ := fx.store.LoadRelease(ctx, "vest-telemark", 2025, 0); !bytes.Equal(cycle.Encode(latest), content) {
			t.Errorf("after %s the latest release is not the approved one", after)
		}
		if _, again := visitor.get(page); again != visitorPage {
			t.Errorf("after %s the visitor's page of the plan changed", after)
		}
		if _, again := visitor.get(page + "/releases/2"); again != visitorRelease {
			t.Errorf("after %s the visitor's page of the approved release changed", after)
		}
		if again := fx.call("GET", apiVT, "", ""); !bytes.Equal(again.body, visitorAPI.body) || again.Header.Get("ETag") != visitorAPI.Header.Get("ETag") {
			t.Errorf("after %s the plan a visitor reads through the API changed", after)
		}
		if c := cycleOf(t, fx, "", apiVT); c.Stage != "approved" || len(c.Releases) != 2 {
			t.Errorf("after %s the cycle is %s with %d releases", after, c.Stage, len(c.Releases))
		}
	}
	// The members read the draft, with what differs from the approved
	// version; f's text is on their page and in the API, not the visitor's.
	asDraft := func(after, text string) {
		t.Helper()
		resp, p := member.get(page)
		if resp.StatusCode != 200 || !strings.Contains(p, text) || !strings.Contains(p, "from the approved version (2), which is what visitors read") {
			t.Errorf("after %s the members do not read the change as a draft that differs from the approved version", after)
		}
		var mine apiPlan
		fx.call("GET", apiVT, editor, "").json(t, &mine)
		if b, _ := json.Marshal(mine.File); !strings.Contains(string(b), text) {
			t.Errorf("after %s the members' draft through the API lacks %q", after, text)
		}
		if strings.Contains(visitorPage, text) {
			t.Fatalf("the approved plan had %q already: the test shows nothing", text)
		}
	}

	// A PUT of the whole plan, with the approved version's status.
	get := fx.call("GET", apiVT, editor, "")
	var p struct {
		File map[string]any `json:"file"`
	}
	get.json(t, &p)
	p.File["plan"].(map[string]any)["subtitle"] = "Revidert gjennom API-et etter godkjenninga"
	body, _ := json.Marshal(p.File)
	wantStatus(t, fx.call("PUT", apiVT, editor, string(body), "If-Match", get.Header.Get("ETag")), 200)
	unchanged("a PUT of the plan")
	asDraft("a PUT of the plan", "Revidert gjennom API-et etter godkjenninga")

	// An import of a changed plan file, as planverk import stores it, that
	// even says it is approved: it is a draft all the same.
	b, err := os.ReadFile("../examples/vest-telemark-2025.yaml")
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(b), "Bygdevekstavgift for Vest-Telemark", "Bygdevekstavtale for Vest-Telemark, importert", 1)
	doc, err := planfile.Read("vest-telemark-2025.yaml", []byte(changed))
	if err != nil {
		t.Fatal(err)
	}
	if doc.File.Plan.Status != "anchored" {
		t.Fatalf("the example's status is %s", doc.File.Plan.Status)
	}
	doc.File.Plan.Status = "approved"
	if _, err := fx.store.SavePlan(ctx, doc.File); err != nil {
		t.Fatal(err)
	}
	unchanged("an import")
	asDraft("an import", "Bygdevekstavtale for Vest-Telemark, importert")
}
