package web

import (
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"planverk/assessment"
	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// TestAssessment: Vest-Telemark's editor fills in the 2025 programme
// status assessment; a score that is no score is refused by naming the
// indicator, with what was typed kept; the page shows the weighted total
// of the programme year; a reader sees it and a visitor does not; and when
// 2026's plan is rolled, the proposals show on its revision form, one
// beside the measure it names, and the revision report (page and API)
// says which were taken up.
func TestAssessment(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) { testAssessment(t, engine) })
	}
}

func testAssessment(t *testing.T, engine string) {
	ctx := context.Background()
	fx := newFixture(t, engine)
	fx.user("redaktor@vt.no", "", false, "vest-telemark", auth.RoleEditor)
	fx.user("lesar@vt.no", "", false, "vest-telemark", auth.RoleReader)
	editor := fx.login("redaktor@vt.no").in("nb")
	reader := fx.login("lesar@vt.no").in("nb")
	visitor := fx.anonymous().in("nb")
	const p = "/programmes/vest-telemark"
	set := assessment.Default()
	f25, _ := latest(t, fx, "vest-telemark")
	first := f25.Plan.Goals[0].Measures[0]

	if _, page := reader.get(p); !strings.Contains(page, `href="/programmes/vest-telemark/assessments"`) {
		t.Error("the programme page does not link a member to the assessments")
	}
	if _, page := visitor.get(p); strings.Contains(page, "/assessments") {
		t.Error("the programme page links a visitor to the assessments")
	}
	_, page := editor.get(p + "/assessments")
	if !strings.Contains(page, `href="/programmes/vest-telemark/assessments/2025/edit">Start vurderingen for 2025`) {
		t.Fatalf("the list does not offer to start 2025: %s", page)
	}
	resp, page := editor.get(p + "/assessments/2025/edit")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("the form: %d %s", resp.StatusCode, page)
	}
	form := formAt(t, page, p+"/assessments/2025/edit")
	for i, ind := range set.Indicators() {
		form.Set("score-"+ind.Key, string(rune('1'+i%6)))
	}
	bad := set.Dimensions[1].Indicators[0]
	form.Set("score-"+bad.Key, "sju")
	form.Set("comment-"+bad.Key, "Mange nye jobbar i reiselivet.")
	form.Set("member-0-name", "Ola Programleiar")
	form.Set("member-1-name", "Eva Observatør")
	form.Set("proposal-0-text", "Styrk samarbeidet med skulane")
	form.Set("proposal-0-measure", first.ID)
	form.Set("proposal-1-text", "Fleire felles møteplassar for næringslivet")
	resp, page = editor.post(p+"/assessments/2025/edit", form)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("a score that is a word: %d", resp.StatusCode)
	}
	if msg := errorBeside(page, "score-"+bad.Key); !strings.Contains(msg, "«"+bad.Name.NB+"»") || !strings.Contains(msg, "«sju»") ||
		!strings.Contains(msg, "fra 1 til 6") {
		t.Errorf("the message beside the score: %q", msg)
	}
	if !strings.Contains(page, `value="sju"`) || !strings.Contains(page, "Mange nye jobbar i reiselivet.") ||
		!strings.Contains(page, "Styrk samarbeidet med skulane") {
		t.Error("the form lost what was typed")
	}
	if _, err := fx.store.Assessment(ctx, "vest-telemark", 2025); plan.ErrorCode(err) != plan.ENotFound {
		t.Errorf("a refused form stored an assessment: %v", err)
	}
	form = formAt(t, page, p+"/assessments/2025/edit")
	form.Set("score-"+bad.Key, "7")
	resp, page = editor.post(p+"/assessments/2025/edit", form)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(errorBeside(page, "score-"+bad.Key), "«7»") {
		t.Fatalf("a score above the scale: %d %q", resp.StatusCode, errorBeside(page, "score-"+bad.Key))
	}
	form = formAt(t, page, p+"/assessments/2025/edit")
	form.Set("score-"+bad.Key, "5")
	resp, page = editor.post(p+"/assessments/2025/edit", form)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("saving: %d %s", resp.StatusCode, page)
	}

	stored, err := fx.store.Assessment(ctx, "vest-telemark", 2025)
	if err != nil {
		t.Fatal(err)
	}
	// Someone saves while the editor writes: the form says so and keeps
	// what was typed.
	_, page = editor.get(p + "/assessments/2025/edit")
	stale := formAt(t, page, p+"/assessments/2025/edit")
	stale.Set("comment-"+bad.Key, "Skrive medan andre lagra.")
	if _, err := fx.store.SaveAssessment(ctx, stored, store.Edit{}); err != nil {
		t.Fatal(err)
	}
	resp, page = editor.post(p+"/assessments/2025/edit", stale)
	if resp.StatusCode != http.StatusConflict || !strings.Contains(page, "Noen andre lagret denne vurderingen") ||
		!strings.Contains(page, "Skrive medan andre lagra.") {
		t.Errorf("a stale form: %d", resp.StatusCode)
	}
	if stored, err = fx.store.Assessment(ctx, "vest-telemark", 2025); err != nil {
		t.Fatal(err)
	}
	programme := f25.Programme
	res := assessment.Compute(set, stored.Scores, assessment.ProgrammeYear(programme.Period.From, 2025))
	if !res.Complete {
		t.Fatal("every indicator was scored, yet the result is not complete")
	}
	total := decimal2("nb", res.Overall)
	_, page = editor.get(p + "/assessments/2025")
	for _, want := range []string{`<span id="assessment-overall">` + total + `</span>`, "Mange nye jobbar i reiselivet.",
		"Ola Programleiar – Programledelsen", "Eva Observatør – Observatør fra fylkeskommunen", "Styrk samarbeidet med skulane",
		`role="img"`, bad.Name.NB} {
		if !strings.Contains(page, want) {
			t.Errorf("the assessment page lacks %q", want)
		}
	}
	if resp, page := reader.get(p + "/assessments/2025"); resp.StatusCode != http.StatusOK || !strings.Contains(page, total) {
		t.Errorf("a reader does not see the assessment: %d", resp.StatusCode)
	}
	if resp, page := reader.get(p + "/assessments/2025/edit"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a reader opens the form: %d %.200s", resp.StatusCode, page)
	}
	for _, path := range []string{p + "/assessments", p + "/assessments/2025"} {
		resp, page := visitor.get(path)
		if resp.StatusCode == http.StatusOK || strings.Contains(page, total) {
			t.Errorf("a visitor gets %s: %d", path, resp.StatusCode)
		}
	}
	_, page = editor.get("/overview")
	if !strings.Contains(page, total+" (2025)") {
		t.Errorf("the overview lacks the latest assessment %s (2025)", total)
	}
	if _, page := visitor.get("/overview"); strings.Contains(page, total+" (2025)") {
		t.Error("a visitor sees the assessment in the overview")
	}

	// Next year's plan: the proposals are its input.
	if _, err := fx.store.RollPlan(ctx, "vest-telemark", 2026, store.Edit{Summary: "roll"}); err != nil {
		t.Fatal(err)
	}
	vt26 := p + "/plans/2026"
	resp, page = editor.get(vt26 + "/revision/edit")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("the revision form: %d", resp.StatusCode)
	}
	// The measure's fieldset runs from its hidden field to its end.
	fieldset := ""
	if i := strings.Index(page, `name="measures" value="`+first.ID+`"`); i >= 0 {
		fieldset = page[i:]
		fieldset = fieldset[:strings.Index(fieldset, "</fieldset>")]
	}
	if !strings.Contains(fieldset, "Styrk samarbeidet med skulane") {
		t.Errorf("the proposal is not beside its measure: %.400s", fieldset)
	}
	if !strings.Contains(page, "Fleire felles møteplassar for næringslivet") {
		t.Error("the proposal of no measure is not on the revision form")
	}
	uptake := formAt(t, page, vt26+"/revision/proposals")
	uptake.Set("uptake-0", first.ID)
	uptake.Set("uptake-1", "")
	if resp, page := editor.post(vt26+"/revision/proposals", uptake); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("marking the proposals: %d %s", resp.StatusCode, page)
	}
	_, page = editor.get(vt26 + "/revision")
	taken := regexp.MustCompile(`(?s)<ul class="proposals-taken-up">.*?</ul>`).FindString(page)
	notTaken := regexp.MustCompile(`(?s)<ul class="proposals-not-taken-up">.*?</ul>`).FindString(page)
	if !strings.Contains(page, "Tatt inn (1)") || !strings.Contains(taken, "Styrk samarbeidet med skulane") ||
		!strings.Contains(taken, first.Title) || !strings.Contains(notTaken, "Fleire felles møteplassar for næringslivet") {
		t.Errorf("the revision report's proposals: taken %q, not taken %q", taken, notTaken)
	}

	// The same in the API, and the assessment itself with its ETag.
	token := fx.apiToken("api@vt.no", "", auth.RoleEditor)
	a := fx.call("GET", "/api/v1"+vt26+"/revision", token, "")
	wantStatus(t, a, 200)
	var rev struct {
		Proposals []apiProposal `json:"proposals"`
	}
	a.json(t, &rev)
	if len(rev.Proposals) != 2 || !rev.Proposals[0].TakenUp || rev.Proposals[0].TakenUpIn != first.ID || rev.Proposals[1].TakenUp {
		t.Errorf("the API's revision proposals: %+v", rev.Proposals)
	}
	check := openAPIChecker(t, fx)
	const one = "/api/v1/programmes/{programme}/assessments/{year}"
	a = fx.call("GET", "/api/v1"+p+"/assessments", token, "")
	wantStatus(t, a, 200)
	check("/api/v1/programmes/{programme}/assessments", a)
	a = fx.call("GET", "/api/v1"+p+"/assessments/2025", token, "")
	wantStatus(t, a, 200)
	check(one, a)
	var got apiAssessment
	a.json(t, &got)
	if got.Overall == nil || decimal2("nb", *got.Overall) != total || len(got.Dimensions) != 2 {
		t.Errorf("the API's assessment: %+v", got)
	}
	etag := a.Header.Get("ETag")
	body, _ := json.Marshal(apiAssessmentWrite{Scores: map[string]assessment.Score{bad.Key: {Value: 9}}})
	a = fx.call("PUT", "/api/v1"+p+"/assessments/2025", token, string(body), "If-Match", etag)
	wantStatus(t, a, 422)
	check(one, a)
	if pr := a.problem(t); len(pr.Errors) != 1 || pr.Errors[0].Pointer != "/scores/"+bad.Key+"/score" {
		t.Errorf("the 422 does not point at the score: %+v", pr)
	}
	a = fx.call("PUT", "/api/v1"+p+"/assessments/2025", token, string(body), "If-Match", `"stale"`)
	wantStatus(t, a, 412)
	check(one, a)
	body, _ = json.Marshal(apiAssessmentWrite{Scores: map[string]assessment.Score{bad.Key: {Value: 2}}, Proposals: stored.Proposals})
	a = fx.call("PUT", "/api/v1"+p+"/assessments/2025", token, string(body), "If-Match", etag)
	wantStatus(t, a, 200)
	check(one, a)
	if a.Header.Get("ETag") == etag {
		t.Error("the ETag did not change with the write")
	}
	again, err := fx.store.Assessment(ctx, "vest-telemark", 2025)
	if err != nil || len(again.Scores) != 1 || !again.Proposals[0].TakenUp {
		t.Errorf("after the PUT: %+v %v", again, err)
	}
	if a := fx.call("GET", "/api/v1"+p+"/assessments/2025", "", ""); a.StatusCode != http.StatusUnauthorized {
		t.Errorf("a visitor reads the assessment in the API: %d", a.StatusCode)
	}
}
