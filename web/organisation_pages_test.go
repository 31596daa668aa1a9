package web

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"planverk/plan"
)

// An organisation named by more programmes than a page holds lists its
// parts a page at a time, by programme name: the first page shows the
// first 50 and links to the next, the second the rest, a page past the
// last says so; the API pages the same way, with the total and a Link to
// the next page. A visitor counts only the programmes open to them.
func TestOrganisationPages(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			ctx := context.Background()
			f, _, err := fx.store.LoadPlan(ctx, "driv", 2025)
			if err != nil {
				t.Fatal(err)
			}
			// 60 programmes, "Program 01" to "Program 60", each with
			// Testfondet as its funder; every fifth closed to the public.
			f.Organisations = append(f.Organisations, plan.Organisation{ID: "testfond", Name: "Testfondet", Kind: plan.OrgStateAgency})
			f.Programme.Parties = append(f.Programme.Parties, plan.Party{Org: "testfond", Role: plan.RoleFunder})
			for i := 1; i <= 60; i++ {
				f.Programme.ID = fmt.Sprintf("program-%02d", i)
				f.Programme.Name = fmt.Sprintf("Program %02d", i)
				f.Programme.ShortName = ""
				if _, err := fx.store.SavePlan(ctx, f); err != nil {
					t.Fatal(err)
				}
				if i%5 != 0 {
					if err := fx.store.SetPublished(ctx, f.Programme.ID, f.Plan.Year, true, 0); err != nil {
						t.Fatal(err)
					}
				}
			}

			fx.user("admin@planverk.no", "", true, "", "")
			admin := fx.login("admin@planverk.no").in("nn")
			_, page1 := admin.get("/organisations/testfond")
			if text := pageText(page1); !strings.Contains(text, "Viser 1–50 av 60") || !strings.Contains(text, "Side 1 av 2") ||
				!strings.Contains(text, "Program 05") || strings.Contains(text, "Program 51") || strings.Count(text, "Program ") != 50 {
				t.Errorf("the first page of Testfondet's parts: %.400s", text)
			}
			if !strings.Contains(page1, `<a href="/organisations/testfond?page=2" rel="next">Neste side</a>`) {
				t.Error("the first page does not link to the second")
			}
			_, page2 := admin.get("/organisations/testfond?page=2")
			if text := pageText(page2); !strings.Contains(text, "Viser 51–60 av 60") || !strings.Contains(text, "Program 60") ||
				strings.Contains(text, "Program 50 ") || strings.Count(text, "Program ") != 10 {
				t.Errorf("the second page: %.400s", text)
			}
			if _, beyond := admin.get("/organisations/testfond?page=9"); !strings.Contains(pageText(beyond), "Det er ingenting på denne sida.") ||
				!strings.Contains(beyond, `href="/organisations/testfond"`) {
				t.Error("a page beyond the last does not say so, or does not link to the first")
			}

			visitor := fx.anonymous().in("en")
			_, public := visitor.get("/organisations/testfond")
			if text := pageText(public); strings.Count(text, "Program ") != 48 || strings.Contains(text, "Program 05") ||
				!strings.Contains(text, "Funder") || strings.Contains(public, `aria-label="Pages"`) {
				t.Errorf("a visitor's page: %d programmes of the 48 open to them, or pages: %.300s", strings.Count(text, "Program "), text)
			}

			// A member of a group shows the group, and takes part in
			// what the group does; the group lists its members.
			_, tokke := fx.anonymous().in("en").get("/organisations/tokke-kommune")
			if text := pageText(tokke); !strings.Contains(tokke, `<a href="/organisations/pilotkommunane">Pilotkommunane</a>`) ||
				!strings.Contains(text, "as one of Pilotkommunane") || !strings.Contains(text, "Member of") {
				t.Errorf("tokke-kommune's page lacks its group or what it does through it: %.600s", text)
			}
			if _, group := fx.anonymous().in("en").get("/organisations/pilotkommunane"); !strings.Contains(group, `<a href="/organisations/tokke-kommune">`) {
				t.Error("the group's page does not list its members")
			}

			var org apiOrganisation
			resp, body := admin.get("/api/v1/organisations/testfond")
			if err := json.Unmarshal([]byte(body), &org); err != nil {
				t.Fatal(err)
			}
			next := "/api/v1/organisations/testfond?page=2"
			if org.Total != 60 || len(org.Uses) != 50 || org.Page != 1 || org.Next != next || resp.Header.Get("Link") != "<"+next+`>; rel="next"` ||
				org.Uses[0].Label != "Program 01" || org.Uses[0].Role != "funder" || org.Uses[0].URL != "/programmes/program-01" {
				t.Errorf("the API's first page: %d of %d, page %d, next %q, Link %q, first %+v", len(org.Uses), org.Total,
					org.Page, org.Next, resp.Header.Get("Link"), org.Uses[0])
			}
			org = apiOrganisation{}
			resp, body = admin.get(next)
			if err := json.Unmarshal([]byte(body), &org); err != nil || org.Total != 60 || len(org.Uses) != 10 || org.Page != 2 ||
				org.Next != "" || resp.Header.Get("Link") != "" || org.Uses[9].Label != "Program 60" {
				t.Errorf("the API's second page: %d of %d, page %d, next %q (%v)", len(org.Uses), org.Total, org.Page, org.Next, err)
			}
			org = apiOrganisation{}
			_, body = visitor.get("/api/v1/organisations/testfond")
			if err := json.Unmarshal([]byte(body), &org); err != nil || org.Total != 48 || len(org.Uses) != 48 || org.Next != "" {
				t.Errorf("a visitor's API answer: %d of %d, next %q (%v)", len(org.Uses), org.Total, org.Next, err)
			}
		})
	}
}
