package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"planverk/auth"
	"planverk/cycle"
	"planverk/plan"
	"planverk/store"
)

// TestYearlyCycle takes Vest-Telemark from its anchored 2025 plan through
// the ministry's approval, next year's plan, its revision, the proposal,
// the anchoring in six municipalities and the approval, in the browser's
// forms; throughout, a visitor reads 2025's released plan unchanged and
// never 2026's draft.
func TestYearlyCycle(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) { yearlyCycle(t, engine) })
	}
}

func yearlyCycle(t *testing.T, engine string) {
	fx := newFixture(t, engine)
	ctx := context.Background()
	const vt = "/programmes/vest-telemark/plans/"
	fx.user("admin@vt.no", "vest-telemarkradet", false, "vest-telemark", auth.RoleAdmin)
	fx.user("tokke@tokke.kommune.no", "tokke-kommune", false, "vest-telemark", auth.RoleReader)
	fx.user("sakshandsamar@kdd.dep.no", "kdd", false, "vest-telemark", auth.RoleReviewer)
	admin := fx.login("admin@vt.no").in("nn")
	tokke := fx.login("tokke@tokke.kommune.no").in("nn")
	kdd := fx.login("sakshandsamar@kdd.dep.no").in("nn")
	visitor := fx.anonymous().in("nn")

	_, public2025 := visitor.get(vt + "2025")
	mustStatus := func(resp *http.Response, page string, want int) {
		t.Helper()
		if resp.StatusCode != want {
			t.Fatalf("status %d, want %d: %s", resp.StatusCode, want, page)
		}
	}

	// The ministry sees what waits for it, and approves 2025.
	resp, page := kdd.get("/waiting")
	mustStatus(resp, page, 200)
	if !strings.Contains(page, "godkjenning frå Kommunal- og distriktsdepartementet") {
		t.Fatalf("KDD's list does not have the approval: %s", page)
	}
	resp, page = kdd.get(vt + "2025/steps/approval?organisation=kdd")
	mustStatus(resp, page, 200)
	form := formAt(t, page, vt+"2025/steps/approval")
	form.Set("date", "20.06.2025")
	form.Set("case_ref", "25/1234")
	form.Set("amount-kdd-post-66", "5 000 000 kr")
	resp, page = kdd.post(vt+"2025/steps/approval", form)
	mustStatus(resp, page, 422)
	if msg := errorBeside(page, "date"); !strings.Contains(msg, "forankringa var fullført, 24.06.2025") {
		t.Errorf("an approval before the last council: %q", msg)
	}
	form = formAt(t, page, vt+"2025/steps/approval")
	form.Set("date", "30.06.2025")
	resp, page = kdd.post(vt+"2025/steps/approval", form)
	mustStatus(resp, page, 303)
	// The same form sent twice records one approval.
	resp, _ = kdd.post(vt+"2025/steps/approval", form)
	mustStatus(resp, "", 303)
	c, err := fx.store.Cycle(ctx, "vest-telemark", 2025)
	if err != nil || len(c.Decisions) != 1 || len(c.Releases) != 2 || c.Releases[1].Kind != cycle.Approved {
		t.Fatalf("2025's cycle: %+v %v", c, err)
	}
	_, page = visitor.get(vt + "2025/cycle")
	for _, want := range []string{"Godkjend som grunnlag for utbetaling", "Godkjenning frå Kommunal- og distriktsdepartementet", "30.06.2025", "25/1234", "5\u00a0000\u00a0000"} {
		if !strings.Contains(page, want) {
			t.Errorf("the 2025 cycle page lacks %q", want)
		}
	}
	_, approved2025 := visitor.get(vt + "2025")
	if !strings.Contains(approved2025, "Godkjend versjon") {
		t.Error("the visitor's 2025 page does not say it is the approved version")
	}

	// Start 2026 from the approved 2025.
	resp, page = tokke.post(vt+"2025/next", url.Values{"submission": {"x"}})
	mustStatus(resp, page, 403)
	_, page = admin.get(vt + "2025/cycle")
	resp, page = admin.post(vt+"2025/next", formAt(t, page, vt+"2025/next"))
	mustStatus(resp, page, 303)
	if loc := resp.Header.Get("Location"); loc != vt+"2026/revision/edit" {
		t.Errorf("starting 2026 leads to %s", loc)
	}
	resp, _ = visitor.get(vt + "2026")
	mustStatus(resp, "", 404)
	resp, page = admin.post(vt+"2025/next", url.Values{"submission": {"y"}})
	mustStatus(resp, page, 409)
	if !strings.Contains(page, "Programmet har alt ein plan for 2026") {
		t.Errorf("a second start of 2026 says: %s", page)
	}

	// Change one measure, end one, add one; the later measure comes in
	// through the revision form.
	if _, err := fx.store.EditPlan(ctx, "vest-telemark", 2026, store.Edit{}, func(f *plan.File) error {
		_, m := findMeasure(f, 1, 1)
		m.TimeFrame.To = 2027
		_, m = findMeasure(f, 3, 4)
		m.Status = plan.MeasureEnded
		f.Plan.Goals[0].Measures = append(f.Plan.Goals[0].Measures, plan.Measure{Number: 9, Title: "Bustadrettleiar i kvar kommune"})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	f26, _, err := fx.store.LoadPlan(ctx, "vest-telemark", 2026)
	if err != nil {
		t.Fatal(err)
	}
	_, changed := findMeasure(f26, 1, 1)
	_, ended := findMeasure(f26, 3, 4)
	_, later := findMeasure(f26, 2, 1)
	_, added := findMeasure(f26, 1, 9)

	// Proposing is refused while the revision has errors.
	resp, page = admin.get(vt + "2026/steps/proposal")
	mustStatus(resp, page, 200)
	if !strings.Contains(page, "Planen kan ikkje føreslåast enno") {
		t.Error("the proposal form does not say the plan cannot be proposed yet")
	}
	proposal := formAt(t, page, vt+"2026/steps/proposal")
	proposal.Set("date", "05.05.2026")
	proposal.Set("case_ref", "SG 2/26")
	resp, page = admin.post(vt+"2026/steps/proposal", proposal)
	mustStatus(resp, page, 422)

	resp, page = admin.get(vt + "2026/revision/edit")
	mustStatus(resp, page, 200)
	rev := editForm(page)
	key := revisionFieldKey
	rev.Set(key(changed.ID)+"-reason", "Kartlegginga tek eit år ekstra.")
	rev.Set(key(ended.ID)+"-assessment", "Ti lærlingar fekk læreplass.")
	rev.Set(key(later.ID)+"-bring", "on")
	rev.Set(key(later.ID)+"-reason", "Prioritert frå 2026.")
	rev.Set(key(added.ID)+"-new", string(plan.NewWithStateMoney))
	rev.Set(key(added.ID)+"-amount", "400 000")
	for i := range f26.Plan.Sections {
		rev.Set("section-"+strconv.Itoa(i)+"-reviewed", "on")
	}
	resp, page = admin.post(vt+"2026/revision/edit", rev)
	mustStatus(resp, page, 303)

	_, page = admin.get(vt + "2026/revision")
	for _, want := range []string{"1 nytt tiltak", "Bustadrettleiar i kvar kommune", "Nytt tiltak med statlege midlar", "400\u00a0000",
		"2 endra tiltak", "Kartlegginga tek eit år ekstra.", "2025–2028</del>", "2025–2027</ins>", "Seinare i perioden</del>", "Prioritert i år</ins>",
		"1 avslutta tiltak", "Ti lærlingar fekk læreplass."} {
		if !strings.Contains(page, want) {
			t.Errorf("the revision report lacks %q", want)
		}
	}

	_, page = admin.get(vt + "2026/steps/proposal")
	proposal = formAt(t, page, vt+"2026/steps/proposal")
	proposal.Set("date", "05.05.2026")
	resp, page = admin.post(vt+"2026/steps/proposal", proposal)
	mustStatus(resp, page, 303)
	_, page = visitor.get(vt + "2026")
	if !strings.Contains(page, "Føreslått versjon") {
		t.Error("the visitor does not read the proposed 2026 plan")
	}

	// Tokke records its own decisions, and may not record Vinje's.
	resp, _ = tokke.get(vt + "2026/steps/council?organisation=vinje-kommune")
	mustStatus(resp, "", 403)
	for _, step := range []struct{ step, date string }{{"executive-committee", "20.05.2026"}, {"council", "10.06.2026"}} {
		resp, page = tokke.get(vt + "2026/steps/" + step.step + "?organisation=tokke-kommune")
		mustStatus(resp, page, 200)
		form := formAt(t, page, vt+"2026/steps/"+step.step)
		form.Set("date", step.date)
		form.Set("case_ref", "26/10")
		form.Set("minutes_url", "https://www.tokke.kommune.no/protokoll")
		resp, page = tokke.post(vt+"2026/steps/"+step.step, form)
		mustStatus(resp, page, 303)
	}
	// The programme page tells the public where each year stands.
	_, page = visitor.get("/programmes/vest-telemark")
	for _, want := range []string{"Føreslått 05.05.2026", "Forankra i 1 av 6 kommunar", "Ikkje godkjend av finansiøren enno",
		"Fyresdal kommune, formannskapet", "Godkjend av finansiøren 30.06.2025"} {
		if !strings.Contains(pageText(page), want) {
			t.Errorf("the programme page's timeline lacks %q:\n%s", want, pageText(page))
		}
	}
	for _, m := range []string{"fyresdal-kommune", "kviteseid-kommune", "nissedal-kommune", "seljord-kommune", "vinje-kommune"} {
		for _, step := range []struct{ step, date string }{{"executive-committee", "21.05.2026"}, {"council", "11.06.2026"}} {
			_, page = admin.get(vt + "2026/steps/" + step.step + "?organisation=" + m)
			form := formAt(t, page, vt+"2026/steps/"+step.step)
			form.Set("date", step.date)
			if m == "vinje-kommune" && step.step == "council" {
				_, page = admin.get(vt + "2026/cycle")
				if !strings.Contains(page, "Vinje kommune, kommunestyret") {
					t.Error("the cycle does not say it waits for Vinje's council")
				}
			}
			resp, page = admin.post(vt+"2026/steps/"+step.step, form)
			mustStatus(resp, page, 303)
		}
	}
	_, page = admin.get(vt + "2026/cycle")
	if !strings.Contains(page, "Politisk forankra, ventar på godkjenning frå finansiøren") {
		t.Errorf("after six councils the stage is not anchored")
	}
	_, page = kdd.get(vt + "2026/steps/approval?organisation=kdd")
	form = formAt(t, page, vt+"2026/steps/approval")
	form.Set("date", "30.06.2026")
	form.Set("case_ref", "26/777")
	resp, page = kdd.post(vt+"2026/steps/approval", form)
	mustStatus(resp, page, 303)
	_, page = visitor.get(vt + "2026")
	if !strings.Contains(page, "Godkjend versjon") || !strings.Contains(page, "Bustadrettleiar i kvar kommune") {
		t.Error("the visitor does not read the approved 2026 plan")
	}

	_, page = visitor.get("/programmes/vest-telemark")
	if text := pageText(page); !strings.Contains(text, "Forankra i alle 6 kommunane, siste kommunestyre 11.06.2026") ||
		!strings.Contains(text, "Godkjend av finansiøren 30.06.2026") {
		t.Errorf("the programme page's timeline does not show 2026 anchored and approved:\n%s", text)
	}

	// 2025's approved release reads byte for byte as it did.
	if _, again := visitor.get(vt + "2025"); again != approved2025 {
		t.Error("the visitor's 2025 page changed while 2026 went through its cycle")
	}
	if public2025 == approved2025 {
		t.Error("the approval did not change what the visitor reads of 2025")
	}
}
