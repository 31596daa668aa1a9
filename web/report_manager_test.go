package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"planverk/auth"
	"planverk/followup"
	"planverk/store"
)

// TestManagerOfClosedProgramme: a project manager with no role in a
// programme whose plans are closed to the public still reaches their own
// project and writes its report, and nothing else of the programme: not
// its project list, not its dashboard, not another project.
func TestManagerOfClosedProgramme(t *testing.T) {
	fx := newFixture(t, "sqlite")
	ctx := context.Background()
	if err := fx.store.SetPublished(ctx, "driv", 2025, false, 0); err != nil {
		t.Fatal(err)
	}
	manager := fx.user("kari@example.no", "", false, "", "")
	fx.user("redaktor@driv.no", "", false, "driv", auth.RoleEditor)
	save := func(p followup.Project) followup.Project {
		t.Helper()
		saved, err := fx.store.SaveProject(ctx, p, store.Edit{})
		if err != nil {
			t.Fatal(err)
		}
		return saved
	}
	mine := save(followup.Project{ProgrammeID: "driv", Title: "Lukket programs prosjekt", Status: followup.StatusGranted, Goal: 1,
		Commitments: []followup.Commitment{{Amount: 80000, Source: "fylkeskommunen"}}})
	other := save(followup.Project{ProgrammeID: "driv", Title: "Et annet prosjekt", Status: followup.StatusGranted, Goal: 1})
	if err := fx.store.SetProjectManager(ctx, "driv", mine.ID, manager.ID); err != nil {
		t.Fatal(err)
	}

	kari := fx.login("kari@example.no").in("nb")
	resp, page := kari.get(projectPath(mine))
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, "Lukket programs prosjekt") || !strings.Contains(page, projectPath(mine)+"/reports/new") {
		t.Fatalf("the manager's own project in a closed programme: %d %.600s", resp.StatusCode, cellText(page))
	}
	_, page = kari.get(projectPath(mine) + "/reports/new")
	form := formAt(t, page, projectPath(mine)+"/reports/new")
	form.Set("kind", "interim")
	form.Set("progress", "on-track")
	form.Set("from", "2025-01")
	form.Set("to", "2025-06")
	form.Set("jobs_created", "2")
	form.Set("jobs_secured", "0")
	form.Set("action", "submit")
	resp, body := kari.postFollow(projectPath(mine)+"/reports/new", form)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("submitting the report: %d %.800s", resp.StatusCode, cellText(body))
	}
	reps, err := fx.store.ProjectReports(ctx, "driv", mine.ID)
	if err != nil || len(reps) != 1 || reps[0].State != followup.ReportSubmitted || reps[0].JobsCreated != 2 {
		t.Fatalf("the submitted report: %+v %v", reps, err)
	}
	for _, path := range []string{projectPath(other), "/programmes/driv/projects", "/programmes/driv/dashboard",
		"/programmes/driv/jobs", "/programmes/driv/plans/2025"} {
		if resp, _ := kari.get(path); resp.StatusCode != http.StatusNotFound {
			t.Errorf("the manager of one project gets %s: %d, want 404", path, resp.StatusCode)
		}
	}
	if resp, _ := fx.anonymous().get(projectPath(mine)); resp.StatusCode != http.StatusNotFound {
		t.Errorf("a visitor gets the closed programme's project: %d", resp.StatusCode)
	}
}
