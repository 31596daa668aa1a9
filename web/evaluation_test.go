package web

import (
	"context"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"planverk/auth"
	"planverk/cycle"
	"planverk/evaluation"
	"planverk/plan"
	"planverk/store"
)

// vtToPeriodEnd rolls Vest-Telemark's plan into 2026 and 2027, ending one
// measure in each revision with an assessment (the first by its status,
// the second by taking it out), gives 2026 a jobs target, approves and
// publishes both years, and sets the clock to 2028, the period's last
// year. It returns the two measures' titles.
func vtToPeriodEnd(t *testing.T, fx *fixture) (string, string) {
	t.Helper()
	ctx := context.Background()
	fx.app.now = func() time.Time { return time.Date(2028, 9, 1, 12, 0, 0, 0, time.UTC) }
	titles := make([]string, 2)
	for i, year := range []int{2026, 2027} {
		if _, err := fx.store.RollPlan(ctx, "vest-telemark", year, store.Edit{Summary: "roll"}); err != nil {
			t.Fatalf("roll %d: %v", year, err)
		}
		_, err := fx.store.EditPlan(ctx, "vest-telemark", year, store.Edit{Summary: "end"}, func(f *plan.File) error {
			g := &f.Plan.Goals[i]
			m := &g.Measures[0]
			titles[i] = m.Title
			f.Plan.SetDisposition(plan.Disposition{Measure: m.ID, Assessment: plan.Markdown("Vurdering av " + m.Title + ".")})
			if i == 0 {
				m.Status = plan.MeasureEnded
				f.Plan.Targets = append(f.Plan.Targets, plan.Target{Kind: plan.TargetJobs, Label: "Private arbeidsplassar",
					Value: 20, Year: year, Goal: 2})
			} else {
				g.Measures = g.Measures[1:] // taken out of the plan
			}
			return nil
		})
		if err != nil {
			t.Fatalf("end a measure in %d: %v", year, err)
		}
		if _, _, err := fx.store.ReleaseImported(ctx, "vest-telemark", year, cycle.Approved); err != nil {
			t.Fatal(err)
		}
		if err := fx.store.SetPublished(ctx, "vest-telemark", year, true, 0); err != nil {
			t.Fatal(err)
		}
	}
	return titles[0], titles[1]
}

// TestEvaluation: at the end of Vest-Telemark's period its administrator writes the
// final evaluation. It gathers the measures ended in both years' revisions
// with their assessments, takes its headings from the template, refuses a
// figure that is not a number by naming the target, and is hidden from
// visitors until it is completed.
func TestEvaluation(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) { testEvaluation(t, engine) })
	}
}

func testEvaluation(t *testing.T, engine string) {
	fx := newFixture(t, engine)
	first, second := vtToPeriodEnd(t, fx)
	fx.user("leiar@vt.no", "", false, "vest-telemark", auth.RoleAdmin)
	fx.user("redaktor@vt.no", "", false, "vest-telemark", auth.RoleEditor)
	admin := fx.login("leiar@vt.no").in("nb")
	visitor := fx.anonymous().in("nb")
	const p = "/programmes/vest-telemark"

	_, page := admin.get(p)
	if !strings.Contains(page, `href="/programmes/vest-telemark/evaluation/edit">Skriv sluttevalueringen`) {
		t.Fatalf("the programme page does not offer the evaluation: %s", page)
	}
	if _, page := visitor.get(p); strings.Contains(page, "/evaluation") {
		t.Errorf("a visitor is offered the evaluation")
	}
	if resp, _ := fx.login("redaktor@vt.no").get(p + "/evaluation/edit"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("an editor opens the evaluation's form: %d", resp.StatusCode)
	}

	resp, page := admin.get(p + "/evaluation/edit")
	if resp.StatusCode != 200 {
		t.Fatalf("the form: %d %s", resp.StatusCode, page)
	}
	for _, want := range []string{"Bakgrunn", "Måloppnåelse", "Læring", "Videre arbeid", "Private arbeidsplassar, 2026", "Private arbeidsplassar, 2027"} {
		if !strings.Contains(page, want) {
			t.Errorf("the form lacks %q", want)
		}
	}
	form := formAt(t, page, p+"/evaluation/edit")
	jobs := achievedField(evaluation.TargetKey(plan.Target{Kind: plan.TargetJobs, Label: "Private arbeidsplassar",
		Year: 2026, Goal: 2}))
	if _, ok := form[jobs]; !ok {
		t.Fatalf("no field for 2026's jobs target in %v", form)
	}
	form.Set(jobs, "mange")
	form.Set("section-lessons", "Vi lærte å samarbeide.")
	resp, page = admin.post(p+"/evaluation/edit", form)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("a figure that is not a number: %d", resp.StatusCode)
	}
	if msg := errorBeside(page, jobs); !strings.Contains(msg, "«Private arbeidsplassar, 2026»") || !strings.Contains(msg, "«mange»") {
		t.Errorf("the message beside the figure: %q", msg)
	}
	if !strings.Contains(page, "Vi lærte å samarbeide.") || !strings.Contains(page, `value="mange"`) {
		t.Errorf("the form lost what was typed")
	}
	if _, err := fx.store.Evaluation(context.Background(), "driv"); plan.ErrorCode(err) != plan.ENotFound {
		t.Errorf("a refused form stored an evaluation: %v", err)
	}
	form = formAt(t, page, p+"/evaluation/edit")
	form.Set(jobs, "1 72")
	resp, _ = admin.post(p+"/evaluation/edit", form)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("saving the evaluation: %d", resp.StatusCode)
	}

	_, page = admin.get(p + "/evaluation")
	for _, want := range []string{first, second, "Vurdering av " + first + ".", "Vurdering av " + second + ".",
		"Avsluttet ved rulleringen for 2026", "Avsluttet ved rulleringen for 2027", "Vi lærte å samarbeide.",
		"<h2 id=\"section-lessons\">Læring</h2>", "172", "Utkast"} {
		if !strings.Contains(page, want) {
			t.Errorf("the evaluation lacks %q", want)
		}
	}
	if resp, _ := visitor.get(p + "/evaluation"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("a visitor reads the draft evaluation: %d", resp.StatusCode)
	}

	// The ministry's template replaces planverk's for what starts next;
	// Vest-Telemark's evaluation keeps its headings.
	fx.user("drift@example.no", "", true, "", "")
	sys := fx.login("drift@example.no").in("nb")
	bad := "name: kdd-sluttevaluering\nversion: \"2027\"\nsections:\n  - key: laering\n    heading: {nb: Læring, nn: Læring\n"
	resp, page = sys.post("/admin/evaluation-templates", url.Values{"source": {bad}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(errorBeside(page, "source"), "Linje ") {
		t.Fatalf("a broken template: %d %q", resp.StatusCode, errorBeside(page, "source"))
	}
	if !strings.Contains(page, "kdd-sluttevaluering") {
		t.Errorf("the template typed is lost")
	}
	good := "name: kdd-sluttevaluering\nfunder: KDD\nversion: \"2027\"\nsections:\n  - key: erfaringer\n" +
		"    heading: {nb: Erfaringer og råd, nn: Erfaringar og råd, en: Experience and advice}\n"
	resp, _ = sys.post("/admin/evaluation-templates", url.Values{"source": {good}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("uploading a template: %d", resp.StatusCode)
	}
	_, page = admin.get(p + "/evaluation")
	if !strings.Contains(page, ">Læring</h2>") || strings.Contains(page, "Erfaringer og råd") {
		t.Errorf("the template upload changed Vest-Telemark's evaluation")
	}
	fx.user("leder@driv.no", "", false, "driv", auth.RoleAdmin)
	_, page = fx.login("leder@driv.no").in("nn").get("/programmes/driv/evaluation/edit")
	if !strings.Contains(page, "Erfaringar og råd") || strings.Contains(page, "Læring") {
		t.Errorf("a new evaluation does not follow the new template: %s", page)
	}

	// Completed, it is there for everyone.
	_, page = admin.get(p + "/evaluation/edit")
	form = formAt(t, page, p+"/evaluation/edit")
	form.Set("status", "completed")
	if resp, _ := admin.post(p+"/evaluation/edit", form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("completing: %d", resp.StatusCode)
	}
	resp, page = visitor.get(p + "/evaluation")
	if resp.StatusCode != 200 || !strings.Contains(page, "Vi lærte å samarbeide.") || !strings.Contains(page, "Vurdering av "+second+".") {
		t.Errorf("a visitor does not read the completed evaluation: %d", resp.StatusCode)
	}
	if _, page := visitor.get(p); !strings.Contains(page, `href="/programmes/vest-telemark/evaluation"`) {
		t.Errorf("the programme page does not link the completed evaluation")
	}
}

// TestEvaluationNotDue: before the period's last year the programme page
// does not offer the evaluation, and its form says when it can be written.
func TestEvaluationNotDue(t *testing.T) {
	fx := newFixture(t, "sqlite")
	fx.app.now = func() time.Time { return time.Date(2027, 12, 31, 12, 0, 0, 0, time.UTC) }
	fx.user("leiar@vt.no", "", false, "vest-telemark", auth.RoleAdmin)
	admin := fx.login("leiar@vt.no").in("nn")
	if _, page := admin.get("/programmes/vest-telemark"); strings.Contains(page, "/evaluation") {
		t.Errorf("the evaluation is offered in 2027 for a period that ends in 2028")
	}
	resp, page := admin.get("/programmes/vest-telemark/evaluation/edit")
	if resp.StatusCode != http.StatusConflict || !strings.Contains(page, "når det siste året i programperioden er komme") {
		t.Errorf("the form before the period's last year: %d %s", resp.StatusCode, page)
	}
	if resp, _ := admin.post("/programmes/vest-telemark/evaluation/edit", url.Values{"status": {"draft"}}); resp.StatusCode != http.StatusConflict {
		t.Errorf("saving before the period's last year: %d", resp.StatusCode)
	}
}

// TestEvaluationTemplateFile: a template sent as a file is stored, and the
// page lists it as the one new evaluations follow.
func TestEvaluationTemplateFile(t *testing.T) {
	fx := newFixture(t, "sqlite")
	fx.user("drift@example.no", "", true, "", "")
	sys := fx.login("drift@example.no").in("en")
	src := "name: county\nversion: \"3\"\nsections:\n  - key: results\n    heading: {nb: Resultater, nn: Resultat, en: Results}\n"
	var body strings.Builder
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", "county.yaml")
	fw.Write([]byte(src))
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, fx.srv.URL+"/admin/evaluation-templates", strings.NewReader(body.String()))
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", fx.srv.URL)
	resp, _ := sys.do(req)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("uploading a file: %d", resp.StatusCode)
	}
	_, page := sys.get(resp.Header.Get("Location"))
	for _, want := range []string{"The template “county” is saved", "used for new evaluations"} {
		if !strings.Contains(page, want) {
			t.Errorf("the templates page lacks %q", want)
		}
	}
}
