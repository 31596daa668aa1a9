package web

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"planverk/auth"
)

// A time frame outside the programme's period is saved, and the form comes
// back at once with the warning beside the field it concerns, in words, tied
// to the field for screen readers; a save the rules find nothing in goes
// to the measure's page as before.
func TestMeasureWarningBesideField(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			fx.user("kari@example.no", "", false, "vest-telemark", auth.RoleEditor)
			kari := fx.login("kari@example.no").in("nn")
			_, page := kari.get(m11 + "/edit")
			if strings.Contains(page, `class="field-warning"`) {
				t.Fatalf("the seed measure has a warning before any change:\n%s", page)
			}
			form := editForm(page)
			from, to := form.Get("time_from"), form.Get("time_to")
			form.Set("time_from", "2026")
			form.Set("time_to", "2031")
			resp, _ := kari.post(m11+"/edit", form)
			if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != m11+"/edit?saved=1" {
				t.Fatalf("save: status %d, to %q", resp.StatusCode, resp.Header.Get("Location"))
			}
			f, _ := latest(t, fx, "vest-telemark")
			if tf := f.Plan.Goals[0].Measures[0].TimeFrame; tf.From != 2026 || tf.To != 2031 || from == "" {
				t.Fatalf("saved time frame %+v", tf)
			}
			_, page = kari.get(m11 + "/edit?saved=1")
			if !strings.Contains(page, "Tiltaket er lagra. Kontrollane av planen merkjer noko i det") {
				t.Errorf("the form does not say the measure is saved:\n%s", page)
			}
			warning := regexp.MustCompile(`<p class="field-warning" id="f-time_to-warning"><span class="visually-hidden">Åtvaring:</span> ([^<]*)</p>`).FindStringSubmatch(page)
			if warning == nil || !strings.Contains(warning[1], "året 2031 ligg utanfor programperioden 2025–2028") {
				t.Fatalf("no warning beside the end year:\n%s", page)
			}
			if !regexp.MustCompile(`id="f-time_to" name="time_to" aria-describedby="f-time_to-warning"`).MatchString(page) {
				t.Error("the end year's field is not described by its warning")
			}
			if strings.Contains(page, `id="f-time_from-warning"`) || strings.Contains(page, "aria-invalid") {
				t.Error("a year inside the period, or the saved form, is flagged as wrong")
			}
			if strings.Contains(page, "time_frame") || strings.Contains(page, "time-frame") {
				t.Error("the page shows a data path or a rule code")
			}
			// As it was again: the save goes to the measure's page.
			form = editForm(page)
			form.Set("time_from", from)
			form.Set("time_to", to)
			resp, _ = kari.post(m11+"/edit", form)
			if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != m11+"?saved=1" {
				t.Fatalf("save in the period: status %d, to %q", resp.StatusCode, resp.Header.Get("Location"))
			}
			if _, page := kari.in("en").get(m11 + "/edit"); strings.Contains(page, "field-warning") {
				t.Error("a warning stays after the time frame is back in the period")
			}
		})
	}
}
