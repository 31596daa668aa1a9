package web

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// A visitor's API answers about a release are encoded once and served from
// memory with the ETag the resource has anyway; a client that has them gets
// 304. An edit of the draft is not seen; closing the plan is, at once.
func TestPublicAPIFromMemory(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			ctx := context.Background()
			const api = "/api/v1/programmes/vest-telemark/plans/2025"
			visitor := fx.anonymous().in("en")
			resp, first := visitor.get(api)
			etag := resp.Header.Get("ETag")
			if resp.StatusCode != 200 || etag == "" || resp.Header.Get("Content-Type") != "application/json" {
				t.Fatalf("status %d, ETag %q, type %q", resp.StatusCode, etag, resp.Header.Get("Content-Type"))
			}
			var answer apiPlan
			if err := json.Unmarshal([]byte(first), &answer); err != nil || answer.File.Plan.Year != 2025 || answer.Lang != "en" {
				t.Fatalf("the answer does not read as a plan: %v", err)
			}
			if want := etagOf(&answer.File); etag != want {
				t.Errorf("ETag %s, the plan file's is %s", etag, want)
			}
			if _, again := visitor.get(api); again != first {
				t.Error("the second answer has other bytes")
			}
			if resp, body := visitor.get(api, "If-None-Match", etag); resp.StatusCode != http.StatusNotModified || body != "" {
				t.Errorf("a client with the answer: status %d, %d bytes", resp.StatusCode, len(body))
			}
			if _, nn := visitor.get(api + "?lang=nn"); nn == first {
				t.Error("the nynorsk answer is the English one")
			}
			rel := api + "/releases/1"
			resp, relBody := visitor.get(rel)
			relTag := resp.Header.Get("ETag")
			if resp.StatusCode != 200 || relTag == "" {
				t.Fatalf("release 1: status %d", resp.StatusCode)
			}
			if resp, _ := visitor.get(rel, "If-None-Match", relTag); resp.StatusCode != http.StatusNotModified {
				t.Errorf("release 1 again: status %d", resp.StatusCode)
			}

			if _, err := fx.store.EditPlan(ctx, "vest-telemark", 2025, store.Edit{}, func(f *plan.File) error {
				f.Plan.Title = "Handlingsplan 2025, utkast til endring"
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if _, again := visitor.get(api); again != first {
				t.Error("an edit of the draft changed the visitor's answer")
			}
			if _, again := visitor.get(rel); again != relBody {
				t.Error("an edit of the draft changed release 1")
			}
			fx.user("leiar@vt.no", "vest-telemarkradet", false, "vest-telemark", auth.RoleAdmin)
			var draft apiPlan
			_, body := fx.login("leiar@vt.no").in("en").get(api)
			if err := json.Unmarshal([]byte(body), &draft); err != nil || draft.File.Plan.Title != "Handlingsplan 2025, utkast til endring" {
				t.Errorf("the member does not read the draft: %v", err)
			}

			if err := fx.store.SetPublished(ctx, "vest-telemark", 2025, false, 0); err != nil {
				t.Fatal(err)
			}
			for _, u := range []string{api, rel} {
				if resp, _ := visitor.get(u); resp.StatusCode != http.StatusNotFound {
					t.Errorf("%s of a plan closed to the public: status %d", u, resp.StatusCode)
				}
			}
		})
	}
}
