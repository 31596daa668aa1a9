package web

import (
	"net/http"
	"strings"
	"testing"

	"planverk/auth"
)

// A measure's number and label are set in its form. A number or label
// that another measure of the goal has is refused beside the field, naming
// that measure, and nothing is saved; a free number renumbers the measure,
// which keeps its lasting identity, and its page moves with it.
func TestMeasureNumberAndLabel(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			fx.user("kari@example.no", "", false, "vest-telemark", auth.RoleEditor)
			kari := fx.login("kari@example.no").in("nb")
			const m12 = vt + "/goals/1/measures/2"
			before, v := latest(t, fx, "vest-telemark")
			first, second := before.Plan.Goals[0].Measures[0], before.Plan.Goals[0].Measures[1]
			_, page := kari.get(m12 + "/edit")
			form := editForm(page)
			if form.Get("number") != "2" {
				t.Fatalf("the number field holds %q", form.Get("number"))
			}

			form.Set("number", "1")
			resp, page := kari.post(m12+"/edit", form)
			if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "Nummer 1 er allerede «"+first.Title+"» under dette målet.") ||
				!strings.Contains(page, `aria-describedby="f-number-hint f-number-error" aria-invalid="true"`) {
				t.Fatalf("a number taken: status %d\n%s", resp.StatusCode, page)
			}
			for _, bad := range []string{"to", "0", "2.5"} {
				form.Set("number", bad)
				if resp, page := kari.post(m12+"/edit", form); resp.StatusCode != http.StatusUnprocessableEntity ||
					!strings.Contains(page, "Skriv tiltakets nummer som et helt tall fra 1") {
					t.Errorf("number %q: status %d", bad, resp.StatusCode)
				}
			}
			form.Set("number", "2")
			_, v2 := latest(t, fx, "vest-telemark")
			if v2.Version != v.Version {
				t.Fatal("a refused form saved")
			}

			// Labels: P1 for the first, then the same for the second.
			_, page = kari.get(m11 + "/edit")
			f1 := editForm(page)
			f1.Set("label", "P1")
			if resp, _ := kari.post(m11+"/edit", f1); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("label P1: status %d", resp.StatusCode)
			}
			_, page = kari.get(m12 + "/edit")
			form = editForm(page)
			form.Set("label", "p1")
			if resp, page := kari.post(m12+"/edit", form); resp.StatusCode != http.StatusUnprocessableEntity ||
				!strings.Contains(page, "«p1» er allerede navnet på «"+first.Title+"» under dette målet.") {
				t.Fatalf("a label taken: status %d\n%s", resp.StatusCode, page)
			}

			// A free number.
			form.Set("label", "")
			form.Set("number", "7")
			resp, _ = kari.post(m12+"/edit", form)
			if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), vt+"/goals/1/measures/7") {
				t.Fatalf("renumber: status %d, to %q", resp.StatusCode, resp.Header.Get("Location"))
			}
			after, _ := latest(t, fx, "vest-telemark")
			m := after.Plan.Goals[0].Measures[1]
			if m.Number != 7 || m.ID != second.ID || m.Title != second.Title {
				t.Errorf("after renumbering: number %d, id %q (was %q)", m.Number, m.ID, second.ID)
			}
			if resp, _ := kari.get(vt + "/goals/1/measures/7"); resp.StatusCode != http.StatusOK {
				t.Errorf("the measure's new page: status %d", resp.StatusCode)
			}
			if resp, _ := kari.get(m12); resp.StatusCode != http.StatusNotFound {
				t.Errorf("the old address: status %d", resp.StatusCode)
			}

			// A new measure may be given a number, or take the next one.
			_, page = kari.get(vt + "/goals/1/measures/new")
			nf := editForm(page)
			nf.Set("title", "Eit nytt tiltak")
			nf.Set("number", "7")
			if resp, page := kari.post(vt+"/goals/1/measures/new", nf); resp.StatusCode != http.StatusUnprocessableEntity ||
				!strings.Contains(page, "Nummer 7 er allerede") {
				t.Fatalf("a new measure on a number taken: status %d", resp.StatusCode)
			}
			nf.Set("number", "12")
			if resp, _ := kari.post(vt+"/goals/1/measures/new", nf); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("a new measure numbered 12: status %d", resp.StatusCode)
			}
			after, _ = latest(t, fx, "vest-telemark")
			ms := after.Plan.Goals[0].Measures
			if last := ms[len(ms)-1]; last.Number != 12 || last.Title != "Eit nytt tiltak" {
				t.Errorf("the new measure: %d %q", last.Number, last.Title)
			}
		})
	}
}
