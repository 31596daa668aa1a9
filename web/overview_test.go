package web

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"planverk/followup"
	"planverk/store"
)

// The overview lists every programme a person may see with its county,
// its current plan, its money and its jobs targets, narrowed by county and
// kind; a county or kind that is not a choice is named and the list is not
// narrowed by it. A visitor's money is that of public projects only.
func TestOverview(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			ctx := context.Background()
			granted := followup.Project{ProgrammeID: "driv", Title: "Reiseliv i Drangedal", Status: followup.StatusUnderway,
				Goal: 1, Commitments: []followup.Commitment{{Amount: 150000, Source: "fylkeskommunen",
					Decided: day(t, "2025-03-10"), Payments: []followup.Payment{{Date: *day(t, "2025-06-01"), Amount: 100000}}}}}
			idea := followup.Project{ProgrammeID: "driv", Title: "Ein idé", Status: followup.StatusIdea,
				Goal: 1, Commitments: []followup.Commitment{{Amount: 40000, Source: "fylkeskommunen", Decided: day(t, "2025-04-01")}}}
			u := fx.user("lesar@example.no", "", false, "driv", "reader")
			for _, p := range []followup.Project{granted, idea} {
				if _, err := fx.store.SaveProject(ctx, p, store.Edit{Author: u.ID}); err != nil {
					t.Fatal(err)
				}
			}
			rowOf := func(page, id string) string {
				t.Helper()
				m := regexp.MustCompile(`(?s)<tr>\s*<th scope="row"><a href="/programmes/` + id + `/dashboard"[^>]*>[^<]*</a></th>(.*?)</tr>`).FindStringSubmatch(page)
				if m == nil {
					return ""
				}
				return m[1]
			}
			visitor := fx.anonymous().in("en")
			_, page := visitor.get("/overview")
			driv, vt := rowOf(page, "driv"), rowOf(page, "vest-telemark")
			if driv == "" || vt == "" {
				t.Fatalf("the overview lacks a programme:\n%s", page)
			}
			for _, want := range []string{"Telemark", "Restructuring programme", moneyNB("150 000"), moneyNB("100 000"), "150 jobs (gross), 2022–2027", "31 jobs (gross), 2025"} {
				if !strings.Contains(driv, want) {
					t.Errorf("Driv's row for a visitor lacks %q: %s", want, driv)
				}
			}
			if strings.Contains(driv, moneyNB("190 000")) {
				t.Errorf("a visitor's row counts an idea's money: %s", driv)
			}
			if !strings.Contains(vt, "Rural-growth agreement") || !strings.Contains(vt, "Telemark") {
				t.Errorf("Vest-Telemark's row: %s", vt)
			}
			if !strings.Contains(page, `<svg class="chart" role="img"`) || !strings.Contains(page, `<option value="40">Telemark</option>`) {
				t.Error("the overview lacks its chart or its county choice")
			}
			_, page = fx.login("lesar@example.no").in("en").get("/overview")
			if driv := rowOf(page, "driv"); !strings.Contains(driv, moneyNB("190 000")) {
				t.Errorf("a member's row lacks the idea's money: %s", driv)
			}
			_, page = visitor.get("/overview?kind=rural-growth-agreement")
			if rowOf(page, "driv") != "" || rowOf(page, "vest-telemark") == "" {
				t.Errorf("narrowed to rural-growth agreements:\n%s", page)
			}
			_, page = visitor.get("/overview?county=40&kind=restructuring-programme")
			if rowOf(page, "driv") == "" || rowOf(page, "vest-telemark") != "" {
				t.Errorf("narrowed to Telemark's restructuring programmes:\n%s", page)
			}
			_, page = visitor.get("/overview?kind=other")
			if !strings.Contains(page, "No programme matches.") {
				t.Errorf("a kind no programme has: %s", page)
			}
			_, page = visitor.in("nn").get("/overview?county=99&kind=fabrikk")
			for _, want := range []string{"«99» er ikkje eitt av fylka i lista", "«fabrikk» er ikkje ein type program", `aria-invalid="true"`} {
				if !strings.Contains(page, want) {
					t.Errorf("a county and kind that are not choices, in nynorsk: lacks %q", want)
				}
			}
			if rowOf(page, "driv") == "" || rowOf(page, "vest-telemark") == "" {
				t.Error("a county that is not a choice narrows the list")
			}
		})
	}
}
