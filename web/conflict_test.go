package web

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"

	"planverk/auth"
)

const m11 = "/programmes/vest-telemark/plans/2025/goals/1/measures/1"

// TestStaleEditRefused: two editors open the same measure; the second save
// is refused, shows what the first changed, keeps what the second typed,
// and overwrites nothing.
func TestStaleEditRefused(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			fx.user("kari@example.no", "", false, "vest-telemark", auth.RoleEditor)
			fx.user("ola@example.no", "", false, "vest-telemark", auth.RoleEditor)
			kari, ola := fx.login("kari@example.no"), fx.login("ola@example.no")
			_, karisPage := kari.get(m11 + "/edit")
			_, olasPage := ola.get(m11 + "/edit")

			// Saving the form unchanged changes nothing.
			if resp, _ := kari.post(m11+"/edit", editForm(karisPage)); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("unchanged save: status %d", resp.StatusCode)
			}
			if _, v, _ := fx.store.LoadPlan(context.Background(), "vest-telemark", 2025); v.Version != 1 {
				t.Fatalf("an unchanged save made version %d", v.Version)
			}

			kf := editForm(karisPage)
			kf.Set("title", "Innsikt og kartlegging, Karis tittel")
			if resp, _ := kari.post(m11+"/edit", kf); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("first save: status %d", resp.StatusCode)
			}
			of := editForm(olasPage)
			of.Set("summary", "Olas nye samandrag")
			resp, page := ola.post(m11+"/edit", of)
			if resp.StatusCode != http.StatusConflict {
				t.Fatalf("stale save: status %d, want 409", resp.StatusCode)
			}
			for _, want := range []string{"kari lagret endringer", "Innsikt og kartlegging, Karis tittel", "Olas nye samandrag"} {
				if !strings.Contains(page, want) {
					t.Errorf("the conflict page lacks %q", want)
				}
			}
			f, v, err := fx.store.LoadPlan(context.Background(), "vest-telemark", 2025)
			if err != nil {
				t.Fatal(err)
			}
			_, m := findMeasure(f, 1, 1)
			if v.Version != 2 || m.Title != "Innsikt og kartlegging, Karis tittel" || strings.Contains(string(m.Summary), "Olas") {
				t.Errorf("after the refused save: version %d, title %q, summary %.40q", v.Version, m.Title, m.Summary)
			}
			// The form now holds the measure as it is: saving again is a
			// knowing choice, and goes through, keeping Kari's title.
			resp, _ = ola.post(m11+"/edit", editForm(page))
			if resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("save after the conflict: status %d", resp.StatusCode)
			}
			f, _, _ = fx.store.LoadPlan(context.Background(), "vest-telemark", 2025)
			if _, m := findMeasure(f, 1, 1); m.Title != "Innsikt og kartlegging, Karis tittel" || m.Summary != "Olas nye samandrag" {
				t.Errorf("after saving again: title %q, summary %q", m.Title, m.Summary)
			}
			// The measure's history names both authors.
			_, hist := kari.get(m11 + "/history")
			if !strings.Contains(hist, "kari") || !strings.Contains(hist, "ola") || !strings.Contains(hist, "Olas nye samandrag") {
				t.Errorf("the history does not show both changes with their authors")
			}
		})
	}
}

// TestDoubleSubmitOnce sends the same new-measure form ten times at once:
// exactly one measure is made.
func TestDoubleSubmitOnce(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			fx.user("kari@example.no", "", false, "vest-telemark", auth.RoleEditor)
			kari := fx.login("kari@example.no")
			before, _, _ := fx.store.LoadPlan(context.Background(), "vest-telemark", 2025)
			n := len(findGoal(before, 1).Measures)
			_, page := kari.get("/programmes/vest-telemark/plans/2025/goals/1/measures/new")
			form := editForm(page)
			form.Set("title", "Eitt nytt tiltak")
			if form.Get("submission") == "" {
				t.Fatal("the new-measure form has no submission key")
			}
			var wg sync.WaitGroup
			codes := make(chan int, 10)
			for range 10 {
				wg.Go(func() {
					resp, _ := kari.post("/programmes/vest-telemark/plans/2025/goals/1/measures/new", form)
					codes <- resp.StatusCode
				})
			}
			wg.Wait()
			close(codes)
			for c := range codes {
				if c != http.StatusSeeOther {
					t.Errorf("a submission answered %d, want 303", c)
				}
			}
			after, v, _ := fx.store.LoadPlan(context.Background(), "vest-telemark", 2025)
			count := 0
			for _, m := range findGoal(after, 1).Measures {
				if m.Title == "Eitt nytt tiltak" {
					count++
				}
			}
			if count != 1 || len(findGoal(after, 1).Measures) != n+1 || v.Version != 2 {
				t.Errorf("ten submissions made %d measures (goal has %d, had %d), version %d", count, len(findGoal(after, 1).Measures), n, v.Version)
			}
		})
	}
}

// TestMeasurePreview: the preview button shows the text rendered and saves
// nothing; the schemes field names the measure's schemes.
func TestMeasurePreview(t *testing.T) {
	fx := newFixture(t, "sqlite")
	fx.user("kari@example.no", "", false, "vest-telemark", auth.RoleEditor)
	kari := fx.login("kari@example.no")
	_, page := kari.get(m11 + "/edit")
	form := formValues(page)
	form.Set("summary", "Dette er **viktig**.\n\n- fyrste punkt\n- andre punkt")
	form.Set("schemes", "husbanken-startlan\nHusbanken-Startlan\n")
	form.Set("preview", "1")
	resp, page := kari.post(m11+"/edit", form)
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, "<strong>viktig</strong>") || !strings.Contains(page, "<li>andre punkt</li>") {
		t.Fatalf("preview: status %d, rendered text missing", resp.StatusCode)
	}
	if !strings.Contains(page, "Dette er **viktig**.") {
		t.Error("the preview lost what was typed")
	}
	if _, v, _ := fx.store.LoadPlan(context.Background(), "vest-telemark", 2025); v.Version != 1 {
		t.Fatalf("a preview saved version %d", v.Version)
	}
	form.Del("preview")
	if resp, _ := kari.post(m11+"/edit", form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: status %d", resp.StatusCode)
	}
	f, _, _ := fx.store.LoadPlan(context.Background(), "vest-telemark", 2025)
	if _, m := findMeasure(f, 1, 1); len(m.Schemes) != 1 || m.Schemes[0] != "husbanken-startlan" {
		t.Errorf("schemes saved as %q", m.Schemes)
	}
}
