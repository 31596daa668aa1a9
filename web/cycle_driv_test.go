package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// Driv, a restructuring programme with one municipality, two focus areas
// weighted 4/6 and 2/6 and two funders, goes through the same cycle:
// Drangedal anchors the 2025 proposal, the county approves it, 2026 is
// started from it with the weights carried, a measure is added and the
// weights change, and 2026 is proposed, anchored and approved.
func TestYearlyCycleDriv(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) { drivCycle(t, engine) })
	}
}

func drivCycle(t *testing.T, engine string) {
	fx := newFixture(t, engine)
	ctx := context.Background()
	const driv = "/programmes/driv/plans/"
	fx.user("leder@driv.no", "driv", false, "driv", auth.RoleAdmin)
	fx.user("politikk@drangedal.kommune.no", "drangedal-kommune", false, "driv", auth.RoleReader)
	fx.user("radgiver@telemarkfylke.no", "telemark-fylkeskommune", false, "driv", auth.RoleReviewer)
	admin := fx.login("leder@driv.no").in("nb")
	drangedal := fx.login("politikk@drangedal.kommune.no").in("nb")
	county := fx.login("radgiver@telemarkfylke.no").in("nb")
	visitor := fx.anonymous().in("nb")
	must := func(resp *http.Response, page string, want int) {
		t.Helper()
		if resp.StatusCode != want {
			t.Fatalf("status %d, want %d: %s", resp.StatusCode, want, pageText(page))
		}
	}
	step := func(c *client, year, step, org string, set map[string]string) {
		t.Helper()
		path := driv + year + "/steps/" + step
		resp, page := c.get(path + "?organisation=" + org)
		must(resp, page, 200)
		form := formAt(t, page, path)
		for k, v := range set {
			form.Set(k, v)
		}
		resp, page = c.post(path, form)
		must(resp, page, 303)
	}

	// 2025 was imported as proposed; Drangedal anchors it and the county
	// approves it.
	step(drangedal, "2025", "executive-committee", "drangedal-kommune", map[string]string{"date": "04.06.2025", "case_ref": "25/40"})
	step(drangedal, "2025", "council", "drangedal-kommune", map[string]string{"date": "19.06.2025", "case_ref": "25/41"})
	step(county, "2025", "approval", "telemark-fylkeskommune", map[string]string{"date": "01.07.2025", "case_ref": "25/9000",
		"amount-fylkeskommunen": "3 500 000"})
	_, approved2025 := visitor.get(driv + "2025")
	if !strings.Contains(approved2025, "Godkjent versjon") {
		t.Fatalf("the visitor's 2025 page is not the approved version:\n%s", pageText(approved2025))
	}

	// 2026 starts from the approved 2025, with both focus areas and
	// their weights.
	_, page := admin.get(driv + "2025/cycle")
	resp, page := admin.post(driv+"2025/next", formAt(t, page, driv+"2025/next"))
	must(resp, page, 303)
	f26, _, err := fx.store.LoadPlan(ctx, "driv", 2026)
	if err != nil {
		t.Fatal(err)
	}
	if len(f26.Plan.Goals) != 2 || f26.Plan.Goals[0].Weight != "4/6" || f26.Plan.Goals[1].Weight != "2/6" || f26.Plan.WeightBasis != "tilsagnsmidler" {
		t.Fatalf("2026's goals: %+v", f26.Plan.Goals)
	}
	if f26.Plan.Status != plan.StatusDraft || f26.Plan.Year != 2026 {
		t.Errorf("2026 is %s %d", f26.Plan.Status, f26.Plan.Year)
	}

	// A measure comes in, and the split moves to 3/6–3/6.
	if _, err := fx.store.EditPlan(ctx, "driv", 2026, store.Edit{}, func(f *plan.File) error {
		f.Plan.Goals[0].Weight, f.Plan.Goals[1].Weight = "3/6", "3/6"
		f.Plan.Goals[1].Measures = append(f.Plan.Goals[1].Measures, plan.Measure{Number: 1, Title: "Velkomstpakke for nye innbyggere"})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	f26, _, err = fx.store.LoadPlan(ctx, "driv", 2026)
	if err != nil {
		t.Fatal(err)
	}
	added := f26.Plan.Goals[1].Measures[0]
	resp, page = admin.get(driv + "2026/revision/edit")
	must(resp, page, 200)
	rev := editForm(page)
	rev.Set(revisionFieldKey(added.ID)+"-new", string(plan.NewWithoutStateMoney))
	for i := range f26.Plan.Sections {
		rev.Set("section-"+strconv.Itoa(i)+"-reviewed", "on")
	}
	resp, page = admin.post(driv+"2026/revision/edit", rev)
	must(resp, page, 303)
	_, page = admin.get(driv + "2026/revision")
	text := pageText(page)
	for _, want := range []string{"1 nytt tiltak", "Velkomstpakke for nye innbyggere", "Nytt tiltak uten statlige midler",
		"0 endrede tiltak", "0 avsluttede tiltak", "Utvikling i næringsliv4/63/6", "Økt bosteds- og næringsattraktivitet2/63/6", "Driv 2025, Telemark fylkeskommune3 500 000ikke satt"} {
		if !strings.Contains(text, want) {
			t.Errorf("Driv's revision report lacks %q:\n%s", want, text)
		}
	}

	// Proposed by the board, anchored in Drangedal, approved by the county.
	step(admin, "2026", "proposal", "", map[string]string{"date": "10.03.2026", "body": "Styret i Driv", "case_ref": "Styret 2/26"})
	step(drangedal, "2026", "executive-committee", "drangedal-kommune", map[string]string{"date": "01.04.2026"})
	step(drangedal, "2026", "council", "drangedal-kommune", map[string]string{"date": "23.04.2026"})
	step(county, "2026", "approval", "telemark-fylkeskommune", map[string]string{"date": "05.05.2026", "case_ref": "26/123"})
	_, page = visitor.get(driv + "2026")
	if !strings.Contains(page, "Godkjent versjon") || !strings.Contains(page, "Velkomstpakke for nye innbyggere") {
		t.Error("the visitor does not read the approved 2026 plan")
	}
	_, page = visitor.get("/programmes/driv")
	if text := pageText(page); !strings.Contains(text, "Forankret i kommunen, kommunestyret 23.04.2026") ||
		!strings.Contains(text, "Godkjent av finansiøren 05.05.2026") {
		t.Errorf("Driv's programme page does not show 2026 anchored and approved:\n%s", text)
	}
	if _, again := visitor.get(driv + "2025"); again != approved2025 {
		t.Error("the visitor's 2025 page changed while 2026 went through its cycle")
	}
}
