package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"planverk/auth"
	"planverk/store"
)

// The tests of the plan's structure: plan fields, goals and their order,
// the order of measures, targets, anchoring and approvals. Each form is
// opened as a browser opens it, sent back as a browser sends it, and the
// result checked where a user would notice it: on the plan's page, in the
// stored plan and in its history.

const (
	vt   = "/programmes/vest-telemark/plans/2025"
	driv = "/programmes/driv/plans/2025"
)

// changesOf returns the changes a version recorded, and fails unless its
// author is the named user.
func changesOf(t *testing.T, fx *fixture, programme string, version int, author string) []string {
	t.Helper()
	hist, err := fx.store.History(context.Background(), programme, 2025, store.HistoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range hist {
		if h.Version != version {
			continue
		}
		if h.AuthorName != author {
			t.Errorf("version %d: change %s by %q, want %q", version, h.Path, h.AuthorName, author)
		}
		out = append(out, h.Path)
	}
	return out
}

// structureFixture is a fixture with an editor of each example plan and a
// reader of Vest-Telemark's.
func structureFixture(t *testing.T) *fixture {
	fx := newFixture(t, "sqlite")
	fx.user("kari@example.no", "", false, "vest-telemark", auth.RoleEditor)
	fx.user("ola@example.no", "", false, "vest-telemark", auth.RoleEditor)
	fx.user("lesar@example.no", "", false, "vest-telemark", auth.RoleReader)
	fx.user("driv@example.no", "", false, "driv", auth.RoleEditor)
	return fx
}

// TestPlanFieldsForm: the plan's title, subtitle, status and weight basis.
func TestPlanFieldsForm(t *testing.T) {
	fx := structureFixture(t)
	kari, ola := fx.login("kari@example.no"), fx.login("ola@example.no")
	resp, page := kari.get(vt + "/edit")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET: status %d", resp.StatusCode)
	}
	form := formAt(t, page, vt+"/edit")
	if form.Get("title") != "Handlingsplan 2025 - oppfølging av Bygdevekstavgift for Vest-Telemark" ||
		form.Get("status") != "anchored" || form.Get("weight_basis") != "innsats i løpet av avtaleperioden" {
		t.Fatalf("the form does not show the plan: %v", form)
	}
	_, olasPage := ola.get(vt + "/edit")

	// Unchanged, nothing changes.
	if resp, _ := kari.post(vt+"/edit", form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("unchanged save: status %d", resp.StatusCode)
	}
	if _, v := latest(t, fx, "vest-telemark"); v.Version != 1 {
		t.Fatalf("an unchanged save made version %d", v.Version)
	}

	// Wrong: the message beside its field, what was typed kept.
	bad := formAt(t, page, vt+"/edit")
	bad.Set("title", " ")
	bad.Set("subtitle", "Ein ny undertittel")
	bad.Set("status", "finished")
	resp, body := kari.post(vt+"/edit", bad)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("invalid save: status %d, want 422", resp.StatusCode)
	}
	for _, want := range []string{`id="f-title-error"`, "Fyll ut dette feltet.", `id="f-status-error"`, `value="Ein ny undertittel"`, `href="#f-title"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the refused form lacks %q", want)
		}
	}

	// Good: exactly what changed, by whom.
	good := formAt(t, page, vt+"/edit")
	good.Set("title", "Handlingsplan 2025 for Vest-Telemark")
	good.Set("status", "approved")
	if resp, _ := kari.post(vt+"/edit", good); resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != vt {
		t.Fatalf("save: status %d to %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	_, planPage := kari.get(vt)
	if !strings.Contains(planPage, "<h1>Handlingsplan 2025 for Vest-Telemark</h1>") || !strings.Contains(planPage, "Godkjent") {
		t.Errorf("the plan page does not show the new title and status")
	}
	if got := strings.Join(changesOf(t, fx, "vest-telemark", 2, "kari"), " "); got != "plan.title plan.status" {
		t.Errorf("version 2 changed %q, want the title and the status", got)
	}

	// Stale: Ola's form was opened before Kari saved.
	of := formAt(t, olasPage, vt+"/edit")
	of.Set("subtitle", "Olas undertittel")
	resp, body = ola.post(vt+"/edit", of)
	if resp.StatusCode != http.StatusConflict {
		t.Fatalf("stale save: status %d, want 409", resp.StatusCode)
	}
	for _, want := range []string{"kari lagret endringer", "Handlingsplan 2025 for Vest-Telemark", "Olas undertittel"} {
		if !strings.Contains(body, want) {
			t.Errorf("the conflict page lacks %q", want)
		}
	}
	if f, v := latest(t, fx, "vest-telemark"); v.Version != 2 || strings.Contains(f.Plan.Subtitle, "Olas") {
		t.Errorf("the stale save saved: version %d, subtitle %q", v.Version, f.Plan.Subtitle)
	}
	// Saving the merged form again keeps both changes.
	if resp, _ := ola.post(vt+"/edit", formAt(t, body, vt+"/edit")); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save after the conflict: status %d", resp.StatusCode)
	}
	if f, _ := latest(t, fx, "vest-telemark"); f.Plan.Title != "Handlingsplan 2025 for Vest-Telemark" || f.Plan.Subtitle != "Olas undertittel" {
		t.Errorf("after saving again: title %q, subtitle %q", f.Plan.Title, f.Plan.Subtitle)
	}
}

// TestGoalForm: a goal's fields, a new goal, and deleting one.
func TestGoalForm(t *testing.T) {
	fx := structureFixture(t)
	kari, ola := fx.login("kari@example.no"), fx.login("ola@example.no")
	g1 := vt + "/goals/1/edit"
	_, page := kari.get(g1)
	form := formAt(t, page, g1)
	if form.Get("title") != "Fleire eigna bustader i Vest-Telemark" || form.Get("weight") != "60 %" {
		t.Fatalf("the form does not show goal 1: title %q, weight %q", form.Get("title"), form.Get("weight"))
	}
	_, olasPage := ola.get(g1)

	if resp, _ := kari.post(g1, form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("unchanged save: status %d", resp.StatusCode)
	}
	if _, v := latest(t, fx, "vest-telemark"); v.Version != 1 {
		t.Fatalf("an unchanged save made version %d", v.Version)
	}

	bad := formAt(t, page, g1)
	bad.Set("weight", "seksti")
	bad.Set("main_goal", "Eit nytt hovudmål")
	resp, body := kari.post(g1, bad)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("invalid weight: status %d, want 422", resp.StatusCode)
	}
	for _, want := range []string{`id="f-weight-error"`, "Skriv vekten som en prosent", `value="seksti"`, `value="Eit nytt hovudmål"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the refused form lacks %q", want)
		}
	}

	good := formAt(t, page, g1)
	good.Set("weight", "4/6")
	if resp, _ := kari.post(g1, good); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: status %d", resp.StatusCode)
	}
	f, _ := latest(t, fx, "vest-telemark")
	if g := findGoal(f, 1); g.Weight != "4/6" || len(g.Measures) != 6 {
		t.Errorf("goal 1 after the save: weight %q, %d measures", g.Weight, len(g.Measures))
	}
	if got := strings.Join(changesOf(t, fx, "vest-telemark", 2, "kari"), " "); got != "plan.goals[1].weight" {
		t.Errorf("version 2 changed %q, want the weight", got)
	}
	if _, planPage := kari.get(vt); !strings.Contains(planPage, "4/6") {
		t.Errorf("the plan page does not show the new weight")
	}

	// Ola's form is stale; nothing of his is saved.
	of := formAt(t, olasPage, g1)
	of.Set("title", "Olas tittel")
	if resp, _ := ola.post(g1, of); resp.StatusCode != http.StatusConflict {
		t.Fatalf("stale save: status %d, want 409", resp.StatusCode)
	}
	if f, v := latest(t, fx, "vest-telemark"); v.Version != 2 || findGoal(f, 1).Title == "Olas tittel" {
		t.Errorf("the stale save saved")
	}

	// A new goal is numbered after the last; one with measures cannot go.
	_, newPage := kari.get(vt + "/goals/new")
	nf := formAt(t, newPage, vt+"/goals/new")
	nf.Set("title", "Eit fjerde delmål")
	resp, _ = kari.post(vt+"/goals/new", nf)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != vt+"#goal-4" {
		t.Fatalf("new goal: status %d to %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	if resp, _ := kari.post(vt+"/goals/new", nf); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("the same new-goal form again: status %d", resp.StatusCode)
	}
	if f, _ := latest(t, fx, "vest-telemark"); len(f.Plan.Goals) != 4 || findGoal(f, 4) == nil {
		t.Fatalf("after adding a goal (twice the same form) the plan has %d goals", len(f.Plan.Goals))
	}
	_, page = kari.get(g1)
	resp, body = kari.post(vt+"/goals/1/delete", formValues(formHTML(t, page, vt+"/goals/1/edit", "")))
	if resp.StatusCode != http.StatusConflict || !strings.Contains(body, "Delmålet har 6 tiltak") || !strings.Contains(body, "Budsjettlinjen") {
		t.Errorf("deleting goal 1: status %d, want 409 with why", resp.StatusCode)
	}
	if strings.Contains(page, vt+"/goals/1/delete") {
		t.Errorf("goal 1's page offers to delete it")
	}
	_, page = kari.get(vt + "/goals/4/edit")
	resp, _ = kari.post(vt+"/goals/4/delete", formValues(formHTML(t, page, vt+"/goals/4/delete", "")))
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("deleting goal 4: status %d", resp.StatusCode)
	}
	if f, _ := latest(t, fx, "vest-telemark"); len(f.Plan.Goals) != 3 || findGoal(f, 1) == nil {
		t.Errorf("after deleting goal 4 the plan has %d goals", len(f.Plan.Goals))
	}
}

// TestGoalAndMeasureOrder: the move buttons change positions, never
// numbers, and a button from a page that is out of date moves nothing.
func TestGoalAndMeasureOrder(t *testing.T) {
	fx := structureFixture(t)
	kari := fx.login("kari@example.no")
	_, page := kari.get(vt + "/goals/2/edit")
	up := formValues(formHTML(t, page, vt+"/goals/2/move", `value="up"`))
	resp, _ := kari.post(vt+"/goals/2/move", up)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != vt+"/goals/2/edit#goal-order" {
		t.Fatalf("move: status %d to %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	_, planPage := kari.get(vt)
	if i1, i2 := strings.Index(planPage, `id="goal-1"`), strings.Index(planPage, `id="goal-2"`); i1 < 0 || i2 < 0 || i2 > i1 {
		t.Errorf("goal 2 is not before goal 1 on the plan page (%d, %d)", i2, i1)
	}
	f, _ := latest(t, fx, "vest-telemark")
	if f.Plan.Goals[0].Number != 2 || f.Plan.Goals[1].Number != 1 || f.Plan.Goals[0].Title == f.Plan.Goals[1].Title {
		t.Errorf("the goals' order is %d, %d", f.Plan.Goals[0].Number, f.Plan.Goals[1].Number)
	}
	if got := strings.Join(changesOf(t, fx, "vest-telemark", 2, "kari"), " "); got != "plan.goals.order" {
		t.Errorf("version 2 changed %q, want the goals' order", got)
	}
	// The same button again (a double click) moves nothing more; a button
	// of the old page moves nothing and says why.
	if resp, _ := kari.post(vt+"/goals/2/move", up); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("the same move again: status %d", resp.StatusCode)
	}
	old := formValues(formHTML(t, page, vt+"/goals/3/move", `value="up"`))
	resp, body := kari.post(vt+"/goals/3/move", old)
	if resp.StatusCode != http.StatusConflict || !strings.Contains(body, "Ingenting er flyttet") {
		t.Errorf("a move from an old page: status %d, want 409", resp.StatusCode)
	}
	if _, v := latest(t, fx, "vest-telemark"); v.Version != 2 {
		t.Errorf("the repeated and the stale move made version %d", v.Version)
	}

	// Measures: measure 3 of goal 1 down, below measure 4.
	_, page = kari.get(vt + "/goals/1/edit")
	mv := formValues(formHTML(t, page, vt+"/goals/1/measures/3/move", `value="down"`))
	if resp, _ := kari.post(vt+"/goals/1/measures/3/move", mv); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("measure move: status %d", resp.StatusCode)
	}
	f, _ = latest(t, fx, "vest-telemark")
	var order []int
	for _, m := range findGoal(f, 1).Measures {
		order = append(order, m.Number)
	}
	if got := fmt.Sprint(order); got != "[1 2 4 3 5 6]" {
		t.Errorf("goal 1's measures are in the order %s, want [1 2 4 3 5 6]", got)
	}
	_, planPage = kari.get(vt)
	if i3, i4 := strings.Index(planPage, `id="goal-1-measure-3"`), strings.Index(planPage, `id="goal-1-measure-4"`); i4 > i3 {
		t.Errorf("measure 1.4 is not before 1.3 on the plan page")
	}
}

// TestTargetsForm: Driv's target for 2025 changed, one added, one removed.
func TestTargetsForm(t *testing.T) {
	fx := structureFixture(t)
	ed := fx.login("driv@example.no")
	path := driv + "/targets/edit"
	_, page := ed.get(path)
	form := formAt(t, page, path)
	if form.Get("row-0-kind") != "jobs" || form.Get("row-0-value") != "31" || form.Get("row-0-year") != "2025" ||
		form.Get("row-0-gross") != "on" || form.Get("row-0-goal") != "1" || form.Get("rows") != "1" {
		t.Fatalf("the form does not show Driv's target: %v", form)
	}
	for _, want := range []string{"<legend>Rad 1</legend>", "<legend>Rad 2 (ny)</legend>", "150"} {
		if !strings.Contains(page, want) {
			t.Errorf("the targets form lacks %q", want)
		}
	}
	if resp, _ := ed.post(path, form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("unchanged save: status %d", resp.StatusCode)
	}
	if _, v := latest(t, fx, "driv"); v.Version != 1 {
		t.Fatalf("an unchanged save made version %d", v.Version)
	}

	bad := formAt(t, page, path)
	bad.Set("row-0-value", "mange")
	bad.Set("row-1-unit", "bedrifter")
	bad.Set("row-1-from", "2025")
	resp, body := ed.post(path, bad)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("invalid rows: status %d, want 422", resp.StatusCode)
	}
	for _, want := range []string{`id="f-row-0-value-error"`, "Rad 1, verdi", `value="mange"`, `id="f-row-1-kind-error"`,
		"Rad 2, type", `id="f-row-1-to-error"`, "Rad 2, periode", `value="bedrifter"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the refused form lacks %q", want)
		}
	}
	if _, v := latest(t, fx, "driv"); v.Version != 1 {
		t.Fatalf("an invalid save made version %d", v.Version)
	}

	good := formAt(t, page, path)
	good.Set("row-0-value", "32")
	good.Set("row-1-kind", "other")
	good.Set("row-1-value", "1 000")
	good.Set("row-1-unit", "besøkande")
	good.Set("row-1-from", "2025")
	good.Set("row-1-to", "2027")
	if resp, _ := ed.post(path, good); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: status %d", resp.StatusCode)
	}
	f, _ := latest(t, fx, "driv")
	if len(f.Plan.Targets) != 2 || f.Plan.Targets[0].Value != 32 || !f.Plan.Targets[0].Gross || f.Plan.Targets[0].Goal != 1 ||
		f.Plan.Targets[1].Value != 1000 || f.Plan.Targets[1].Period == nil || f.Plan.Targets[1].Period.To != 2027 {
		t.Fatalf("the targets after the save: %+v", f.Plan.Targets)
	}
	if got := strings.Join(changesOf(t, fx, "driv", 2, "driv"), " "); got != "plan.targets[0].value plan.targets[1]" {
		t.Errorf("version 2 changed %q", got)
	}
	if _, planPage := ed.get(driv); !strings.Contains(planPage, "<strong>32</strong>") || !strings.Contains(planPage, "besøkande") {
		t.Errorf("the plan page does not show the new targets")
	}

	// An emptied row goes; a stale form saves nothing.
	_, page = ed.get(path)
	_, stalePage := ed.get(path)
	empty := formAt(t, page, path)
	for _, n := range []string{"kind", "label", "value", "unit", "from", "to", "year", "gross", "goal", "note"} {
		empty.Del("row-0-" + n)
	}
	if resp, _ := ed.post(path, empty); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("removing a row: status %d", resp.StatusCode)
	}
	if f, _ := latest(t, fx, "driv"); len(f.Plan.Targets) != 1 || f.Plan.Targets[0].Unit != "besøkande" {
		t.Fatalf("after removing row 1: %+v", f.Plan.Targets)
	}
	st := formAt(t, stalePage, path)
	st.Set("row-0-value", "40")
	if resp, _ := ed.post(path, st); resp.StatusCode != http.StatusConflict {
		t.Errorf("stale save: status %d, want 409", resp.StatusCode)
	}
	if f, v := latest(t, fx, "driv"); v.Version != 3 || f.Plan.Targets[0].Value == 40 {
		t.Errorf("the stale save saved: version %d", v.Version)
	}
}

// TestAnchoringForm: dates in either form, a wrong one named by row and
// field, a row removed and one added.
func TestAnchoringForm(t *testing.T) {
	fx := structureFixture(t)
	kari, ola := fx.login("kari@example.no"), fx.login("ola@example.no")
	path := vt + "/anchoring/edit"
	_, page := kari.get(path)
	form := formAt(t, page, path)
	if form.Get("row-0-municipality") != "fyresdal-kommune" || form.Get("row-0-executive_committee") != "11.06.2025" ||
		form.Get("row-5-council") != "24.06.2025" || form.Get("rows") != "6" {
		t.Fatalf("the form does not show the anchoring: %v", form)
	}
	_, olasPage := ola.get(path)
	if resp, _ := kari.post(path, form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("unchanged save: status %d", resp.StatusCode)
	}
	if _, v := latest(t, fx, "vest-telemark"); v.Version != 1 {
		t.Fatalf("an unchanged save made version %d", v.Version)
	}

	bad := formAt(t, page, path)
	bad.Set("row-0-executive_committee", "31.06.2025")
	bad.Set("row-1-council", "2025-05-01")
	resp, body := kari.post(path, bad)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("invalid dates: status %d, want 422", resp.StatusCode)
	}
	for _, want := range []string{`id="f-row-0-executive_committee-error"`, "Rad 1, formannskap: «31.06.2025» er ikke en dato",
		`value="31.06.2025"`, "Rad 2, kommunestyre: datoen kan ikke være før"} {
		if !strings.Contains(body, want) {
			t.Errorf("the refused form lacks %q", want)
		}
	}

	good := formAt(t, page, path)
	good.Set("row-0-council", "2025-06-20")
	for _, n := range []string{"municipality", "executive_committee", "council", "note"} {
		good.Del("row-5-" + n) // Vinje's row emptied
	}
	good.Set("row-6-municipality", "vinje-kommune")
	good.Set("row-6-council", "25.06.2025")
	if resp, _ := kari.post(path, good); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: status %d", resp.StatusCode)
	}
	f, _ := latest(t, fx, "vest-telemark")
	a := f.Plan.Anchoring
	if len(a) != 6 || a[0].Council.String() != "2025-06-20" || a[5].Municipality != "vinje-kommune" ||
		a[5].ExecutiveCommittee != nil || a[5].Council.String() != "2025-06-25" {
		t.Fatalf("the anchoring after the save: %+v", a)
	}
	if got := changesOf(t, fx, "vest-telemark", 2, "kari"); len(got) != 3 {
		t.Errorf("version 2 changed %q, want Fyresdal's council and Vinje's two dates", got)
	}
	if _, planPage := kari.get(vt); !strings.Contains(planPage, "20.06.2025") {
		t.Errorf("the plan page does not show the new date")
	}

	of := formAt(t, olasPage, path)
	of.Set("row-2-note", "Olas merknad")
	resp, body = ola.post(path, of)
	if resp.StatusCode != http.StatusConflict || !strings.Contains(body, "Olas merknad") || !strings.Contains(body, "kari lagret endringer") {
		t.Errorf("stale save: status %d, want 409 with both changes", resp.StatusCode)
	}
	if _, v := latest(t, fx, "vest-telemark"); v.Version != 2 {
		t.Errorf("the stale save saved: version %d", v.Version)
	}
}

// TestApprovalsForm: an approval's date and body changed, a wrong date
// named by row.
func TestApprovalsForm(t *testing.T) {
	fx := structureFixture(t)
	kari := fx.login("kari@example.no")
	path := vt + "/approvals/edit"
	_, page := kari.get(path)
	form := formAt(t, page, path)
	if form.Get("row-1-party") != "kviteseid-kommune" || form.Get("row-1-date") != "12.06.2025" || form.Get("row-1-body") != "kommunestyre" {
		t.Fatalf("the form does not show the approvals: %v", form)
	}
	if resp, _ := kari.post(path, form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("unchanged save: status %d", resp.StatusCode)
	}
	bad := formAt(t, page, path)
	bad.Set("row-6-party", "kdd")
	bad.Set("row-6-date", "snart")
	resp, body := kari.post(path, bad)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Rad 7, dato: «snart» er ikke en dato") ||
		!strings.Contains(body, `value="snart"`) {
		t.Fatalf("invalid date: status %d, want 422 with the message", resp.StatusCode)
	}
	good := formAt(t, page, path)
	good.Set("row-1-date", "2025-06-13")
	if resp, _ := kari.post(path, good); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: status %d", resp.StatusCode)
	}
	f, v := latest(t, fx, "vest-telemark")
	if v.Version != 2 || f.Plan.Approvals[1].Date.String() != "2025-06-13" || f.Plan.Approvals[1].Body != "kommunestyre" {
		t.Errorf("the approvals after the save: version %d, %+v", v.Version, f.Plan.Approvals[1])
	}
	if got := strings.Join(changesOf(t, fx, "vest-telemark", 2, "kari"), " "); got != "plan.approvals[1].date" {
		t.Errorf("version 2 changed %q", got)
	}
}

// TestStructureAccess: only editors reach the forms; readers are refused,
// visitors sent to log in, and the plan page links the forms for editors
// only.
func TestStructureAccess(t *testing.T) {
	fx := structureFixture(t)
	reader, anon, kari := fx.login("lesar@example.no"), fx.anonymous(), fx.login("kari@example.no")
	pages := []string{vt + "/edit", vt + "/goals/new", vt + "/goals/1/edit", vt + "/targets/edit", vt + "/anchoring/edit", vt + "/approvals/edit"}
	posts := append(pages[:len(pages):len(pages)], vt+"/goals/1/delete", vt+"/goals/1/move", vt+"/goals/1/measures/1/move")
	for _, p := range pages {
		if resp, _ := kari.get(p); resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s as editor: status %d", p, resp.StatusCode)
		}
		if resp, _ := reader.get(p); resp.StatusCode != http.StatusForbidden {
			t.Errorf("GET %s as reader: status %d, want 403", p, resp.StatusCode)
		}
		resp, _ := anon.get(p)
		if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/login?return=") {
			t.Errorf("GET %s anonymously: status %d to %s, want the log-in page", p, resp.StatusCode, resp.Header.Get("Location"))
		}
	}
	for _, p := range posts {
		if resp, _ := reader.post(p, url.Values{"direction": {"up"}, "title": {"x"}}); resp.StatusCode != http.StatusForbidden {
			t.Errorf("POST %s as reader: status %d, want 403", p, resp.StatusCode)
		}
		if resp, _ := anon.post(p, url.Values{"direction": {"up"}, "title": {"x"}}); resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("POST %s anonymously: status %d, want 401", p, resp.StatusCode)
		}
	}
	if _, v := latest(t, fx, "vest-telemark"); v.Version != 1 {
		t.Errorf("refused requests made version %d", v.Version)
	}
	_, asEditor := kari.get(vt)
	_, asReader := reader.get(vt)
	for _, p := range pages[:1] {
		if !strings.Contains(asEditor, `href="`+p+`"`) || strings.Contains(asReader, `href="`+p+`"`) {
			t.Errorf("the link to %s: shown to the editor %v, to the reader %v", p, strings.Contains(asEditor, p), strings.Contains(asReader, p))
		}
	}
	for _, p := range pages[1:] {
		if !strings.Contains(asEditor, `href="`+p+`"`) {
			t.Errorf("the plan page does not link %s for an editor", p)
		}
		if strings.Contains(asReader, `href="`+p+`"`) {
			t.Errorf("the plan page links %s for a reader", p)
		}
	}
}
