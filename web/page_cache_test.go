package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"planverk/auth"
	"planverk/cycle"
	"planverk/i18n"
	"planverk/plan"
	"planverk/store"
)

// A visitor's page of a release is made once and served from memory with
// its ETag; a browser that has it gets 304. A new release is a new page at
// once, a plan closed to the public is closed at once, and members still
// read their draft.
func TestPublicReleasePagesFromMemory(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			ctx := context.Background()
			const page = "/programmes/vest-telemark/plans/2025"
			visitor := fx.anonymous().in("nn")
			resp, first := visitor.get(page)
			etag := resp.Header.Get("ETag")
			if resp.StatusCode != 200 || etag == "" || resp.Header.Get("Cache-Control") != "no-cache" {
				t.Fatalf("status %d, ETag %q, Cache-Control %q", resp.StatusCode, etag, resp.Header.Get("Cache-Control"))
			}
			if _, again := visitor.get(page); again != first {
				t.Error("the second visit got other bytes")
			}
			resp, body := visitor.get(page, "If-None-Match", etag)
			if resp.StatusCode != http.StatusNotModified || body != "" {
				t.Errorf("a browser with the page: status %d, %d bytes", resp.StatusCode, len(body))
			}
			// Each language is its own page.
			resp, en := fx.anonymous().in("en").get(page)
			if resp.Header.Get("ETag") == etag || !strings.Contains(en, `lang="en"`) {
				t.Error("the English page is the nynorsk one")
			}

			// A change to the draft is not seen; a new release is.
			if _, err := fx.store.EditPlan(ctx, "vest-telemark", 2025, store.Edit{}, func(f *plan.File) error {
				f.Plan.Goals[0].Title = "Ein ny tittel i utkastet"
				f.Plan.Title = "Handlingsplan 2025, utkast til endring"
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if _, again := visitor.get(page); again != first {
				t.Error("an edit of the draft changed the visitor's page")
			}
			if _, home := visitor.get("/"); strings.Contains(home, "utkast til endring") || !strings.Contains(home, "Handlingsplan 2025") {
				t.Error("the visitor's list of programmes shows the draft's title, not the release's")
			}
			fx.user("leiar@vt.no", "vest-telemarkradet", false, "vest-telemark", auth.RoleAdmin)
			if _, body := fx.login("leiar@vt.no").in("nn").get(page); !strings.Contains(body, "Ein ny tittel i utkastet") {
				t.Error("the member does not read the draft")
			}
			u, _ := fx.store.UserByEmail(ctx, "leiar@vt.no")
			if _, err := fx.store.TakeStep(ctx, "vest-telemark", 2025, cycle.Decision{Step: cycle.StepApproval, Organisation: "kdd",
				Date: mustDate(t, "2025-06-30"), CaseRef: "25/1"}, store.Edit{Author: u.ID, Submission: "approve"}); err != nil {
				t.Fatal(err)
			}
			resp, approved := visitor.get(page, "If-None-Match", etag)
			if resp.StatusCode != 200 || resp.Header.Get("ETag") == etag || !strings.Contains(approved, "Godkjend versjon") {
				t.Errorf("after the approval: status %d, same ETag %v", resp.StatusCode, resp.Header.Get("ETag") == etag)
			}
			// The release that was, at its own address, is the page that was.
			resp, _ = visitor.get(page+"/releases/1", "If-None-Match", etag)
			if resp.StatusCode != 200 {
				t.Errorf("release 1: status %d", resp.StatusCode)
			}

			if err := fx.store.SetPublished(ctx, "vest-telemark", 2025, false, 0); err != nil {
				t.Fatal(err)
			}
			if resp, _ := visitor.get(page); resp.StatusCode != http.StatusNotFound {
				t.Errorf("a plan closed to the public: status %d", resp.StatusCode)
			}
		})
	}
}

func mustDate(t *testing.T, s string) plan.Date {
	t.Helper()
	d, err := plan.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The cache keeps the pages served last within its bytes.
func TestPageCacheBound(t *testing.T) {
	c := newPageCache(250)
	key := func(n int) pageKey {
		return releaseKey("plan", cycle.Release{ProgrammeID: "p", Year: 2025, Number: n, Digest: fmt.Sprint(n)}, i18n.Nynorsk, "/")
	}
	for n := 1; n <= 3; n++ {
		c.put(key(n), make([]byte, 100))
		if n == 2 {
			c.get(key(1)) // 1 was served last: 2 goes first
		}
	}
	if _, ok := c.get(key(2)); ok {
		t.Error("the page served longest ago is still kept")
	}
	for _, n := range []int{1, 3} {
		if _, ok := c.get(key(n)); !ok {
			t.Errorf("page %d was dropped", n)
		}
	}
	if c.put(key(4), make([]byte, 300)); c.pages.Size() != 200 {
		t.Errorf("a page larger than the cache was kept: %d bytes held", c.pages.Size())
	}
	off := newPageCache(-1)
	off.put(key(1), []byte("x"))
	if _, ok := off.get(key(1)); ok {
		t.Error("a cache turned off keeps pages")
	}
}

// A plan its programme anchors and approves is released by its proposal:
// it cannot be opened to the public before, in the browser or the API.
func TestPublishNeedsAProposal(t *testing.T) {
	fx := newFixture(t, "sqlite")
	ctx := context.Background()
	fx.user("leiar@vt.no", "vest-telemarkradet", false, "vest-telemark", auth.RoleAdmin)
	admin := fx.login("leiar@vt.no").in("en")
	u, _ := fx.store.UserByEmail(ctx, "leiar@vt.no")
	if _, err := fx.store.RollPlan(ctx, "vest-telemark", 2026, store.Edit{Author: u.ID}); err != nil {
		t.Fatal(err)
	}
	const plan2026 = "/programmes/vest-telemark/plans/2026"
	if _, page := admin.get(plan2026); strings.Contains(page, `action="`+plan2026+`/publish"`) {
		t.Error("the draft never proposed offers to be published")
	}
	resp, page := admin.post(plan2026+"/publish", url.Values{"publish": {"yes"}})
	if resp.StatusCode != http.StatusConflict || !strings.Contains(pageText(page), "The plan is released when it is proposed") {
		t.Errorf("publishing before the proposal: status %d: %s", resp.StatusCode, pageText(page))
	}
	token := fx.apiToken("api@vt.no", "vest-telemarkradet", auth.RoleAdmin)
	if got := fx.call("POST", "/api/v1/programmes/vest-telemark/plans/2026/publish", token, `{"published": true}`); got.StatusCode != http.StatusConflict {
		t.Errorf("the API published a plan before its proposal: %d %s", got.StatusCode, got.body)
	}
	if resp, _ := fx.anonymous().get(plan2026); resp.StatusCode != http.StatusNotFound {
		t.Errorf("the visitor reads 2026: status %d", resp.StatusCode)
	}
	// Closing the released 2025 and opening it again is the programme's
	// own decision.
	for _, open := range []string{"no", "yes"} {
		if resp, _ := admin.post("/programmes/vest-telemark/plans/2025/publish", url.Values{"publish": {open}}); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("publish=%s of the released 2025: status %d", open, resp.StatusCode)
		}
	}
}
