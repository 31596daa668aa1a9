package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"planverk/followup"
	"planverk/store"
)

// A goal's number and label are set in its form: a number or label
// another goal has is refused beside the field, naming that goal; a free
// number renumbers the goal, and the budget lines that belong to it follow;
// a goal that projects serve by its number keeps it, and the form says why.
func TestGoalNumberAndLabel(t *testing.T) {
	fx := structureFixture(t)
	kari := fx.login("kari@example.no").in("nb")
	g2 := vt + "/goals/2/edit"
	_, page := kari.get(g2)
	form := formAt(t, page, g2)
	if form.Get("number") != "2" {
		t.Fatalf("the number field holds %q", form.Get("number"))
	}
	form.Set("number", "1")
	if resp, page := kari.post(g2, form); resp.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(page, "Nummer 1 er allerede delmålet «Fleire eigna bustader i Vest-Telemark».") {
		t.Fatalf("a number taken: status %d\n%s", resp.StatusCode, page)
	}
	form.Set("number", "2")
	form.Set("label", "A")
	g1 := vt + "/goals/1/edit"
	_, p1 := kari.get(g1)
	f1 := formAt(t, p1, g1)
	f1.Set("label", "a")
	if resp, _ := kari.post(g1, f1); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("label a on goal 1: status %d", resp.StatusCode)
	}
	if resp, page := kari.post(g2, form); resp.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(page, "«A» er allerede navnet på delmålet «Fleire eigna bustader i Vest-Telemark».") {
		t.Fatalf("a label taken: status %d\n%s", resp.StatusCode, page)
	}

	form.Set("label", "")
	form.Set("number", "5")
	resp, _ := kari.post(g2, form)
	if resp.StatusCode != http.StatusSeeOther || !strings.HasSuffix(resp.Header.Get("Location"), "#goal-5") {
		t.Fatalf("renumber: status %d, to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	f, _ := latest(t, fx, "vest-telemark")
	if g := f.Plan.Goals[1]; g.Number != 5 || g.Title != "Korleis få fleire arbeidsplassar i privat sektor" {
		t.Fatalf("goal 2 after renumbering: %d %q", g.Number, g.Title)
	}
	if l := f.Plan.Budgets[0].Lines[1]; l.Goal != 5 {
		t.Errorf("its budget line still names goal %d", l.Goal)
	}
	if resp, _ := kari.get(vt + "/goals/5/measures/1"); resp.StatusCode != http.StatusOK {
		t.Errorf("its first measure at the new address: status %d", resp.StatusCode)
	}

	// A project that serves goal 3 by its number keeps it there.
	if _, err := fx.store.SaveProject(context.Background(), followup.Project{ProgrammeID: "vest-telemark",
		Title: "Rekruttering til helse", Goal: 3, Status: followup.StatusIdea}, store.Edit{Author: 1}); err != nil {
		t.Fatal(err)
	}
	g3 := vt + "/goals/3/edit"
	_, page = kari.get(g3)
	form = formAt(t, page, g3)
	form.Set("number", "9")
	if resp, page := kari.post(g3, form); resp.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(page, "1 prosjekt hører til dette delmålet ved nummeret.") {
		t.Fatalf("a goal with a project: status %d\n%s", resp.StatusCode, page)
	}
}
