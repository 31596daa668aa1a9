package web

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"planverk/auth"
)

// The list of programmes is read a page at a time: with more programmes
// than a page holds, the first page shows the first by name and links to
// the next; a visitor never sees a programme with nothing open to them,
// and a member sees their own with its draft.
func TestHomePages(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			ctx := context.Background()
			f, _, err := fx.store.LoadPlan(ctx, "driv", 2025)
			if err != nil {
				t.Fatal(err)
			}
			// 55 more programmes, "Program 01" to "Program 55"; every
			// fifth is closed to the public.
			for i := 1; i <= 55; i++ {
				f.Programme.ID = fmt.Sprintf("program-%02d", i)
				f.Programme.Name = fmt.Sprintf("Program %02d", i)
				f.Programme.ShortName = ""
				f.Plan.Title = fmt.Sprintf("Handlingsplan for program %02d", i)
				if _, err := fx.store.SavePlan(ctx, f); err != nil {
					t.Fatal(err)
				}
				if i%5 != 0 {
					if err := fx.store.SetPublished(ctx, f.Programme.ID, f.Plan.Year, true, 0); err != nil {
						t.Fatal(err)
					}
				}
			}
			// Open to a visitor: Driv, Vest-Telemark and 44 of the 55.
			visitor := fx.anonymous().in("en")
			_, first := visitor.get("/")
			text := pageText(first)
			if n := strings.Count(text, "Handlingsplan for program"); n != 44 || !strings.Contains(text, "Vest-Telemark") {
				t.Errorf("a visitor's list shows %d of the 44 programmes open to them", n)
			}
			if strings.Contains(text, "Program 05") || strings.Contains(first, `aria-label="Pages"`) {
				t.Error("a visitor's list shows a programme closed to them, or pages")
			}

			fx.user("admin@planverk.no", "", true, "", "")
			admin := fx.login("admin@planverk.no").in("nn")
			_, page1 := admin.get("/")
			if text := pageText(page1); !strings.Contains(text, "Viser 1–50 av 57") || !strings.Contains(text, "Side 1 av 2") ||
				!strings.Contains(text, "Program 05") || strings.Contains(text, "Program 49") {
				t.Errorf("the system administrator's first page: %.300s", text)
			}
			if !strings.Contains(page1, `<a href="/?page=2" rel="next">Neste side</a>`) || !strings.Contains(page1, `aria-label="Sider"`) {
				t.Error("the first page does not link to the second")
			}
			_, page2 := admin.get("/?page=2")
			if text := pageText(page2); !strings.Contains(text, "Viser 51–57 av 57") || !strings.Contains(text, "Program 55") ||
				strings.Contains(text, "Program 05 ") {
				t.Errorf("the second page: %.300s", text)
			}
			if _, bad := admin.get("/?page=tre"); pageText(bad) != pageText(page1) {
				t.Error("a page that is not a number is not the first page")
			}
			if _, beyond := admin.get("/?page=9"); !strings.Contains(pageText(beyond), "Det er ingenting på denne sida.") {
				t.Error("a page beyond the last does not say so")
			}

			// The API reads the same pages.
			var list apiProgrammeList
			resp, body := admin.get("/api/v1/programmes")
			if err := json.Unmarshal([]byte(body), &list); err != nil {
				t.Fatal(err)
			}
			if list.Total != 57 || len(list.Programmes) != 50 || list.Page != 1 || list.Next != "/api/v1/programmes?page=2" ||
				resp.Header.Get("Link") != `</api/v1/programmes?page=2>; rel="next"` {
				t.Errorf("the API's first page: %d of %d, page %d, next %q, Link %q", len(list.Programmes), list.Total,
					list.Page, list.Next, resp.Header.Get("Link"))
			}
			list = apiProgrammeList{}
			_, body = visitor.get("/api/v1/programmes")
			if err := json.Unmarshal([]byte(body), &list); err != nil || list.Total != 46 || len(list.Programmes) != 46 || list.Next != "" {
				t.Errorf("a visitor's API list: %d of %d, next %q (%v)", len(list.Programmes), list.Total, list.Next, err)
			}

			fx.user("leiar@p5.no", "", false, "program-05", auth.RoleEditor)
			_, member := fx.login("leiar@p5.no").in("nb").get("/")
			if text := pageText(member); !strings.Contains(text, "Program 05") || strings.Contains(text, "Program 10") {
				t.Errorf("a member's list lacks their own programme: %.200s", text)
			}
		})
	}
}
