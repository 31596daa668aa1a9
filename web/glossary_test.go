package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"

	"planverk/scheme"
	"planverk/store"
)

// glossaryRevisions lists the glossary's revisions, newest first.
func glossaryRevisions(t *testing.T, fx *fixture) []store.GlossaryRecord {
	t.Helper()
	recs, err := fx.store.GlossaryRevisions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// storedTerm is a term of the glossary as it is now; the test fails where
// the glossary has no term with the id.
func storedTerm(t *testing.T, fx *fixture, id string) scheme.Term {
	t.Helper()
	term, ok := findTerm(glossaryRevisions(t, fx)[0].Terms, id)
	if !ok {
		t.Fatalf("the glossary has no term %s", id)
	}
	return term
}

// TestGlossaryEdit: a system administrator finds the links on the glossary
// page, saves a form unchanged (no revision), makes a mistake the form
// explains beside the field in nynorsk and keeps everything typed, then
// saves: the glossary page shows the new explanation, the search takes the
// new word as a synonym at once, and the history lists the change.
func TestGlossaryEdit(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			fx.user("sys@example.no", "", true, "", "")
			c := fx.login("sys@example.no").in("nn")
			visitor := fx.anonymous().in("nn")

			_, page := c.get("/glossary")
			for _, want := range []string{`href="/glossary/startlan/edit"`, `href="/glossary/new"`, `href="/glossary/history"`} {
				if !strings.Contains(page, want) {
					t.Errorf("the glossary page lacks %s for an editor", want)
				}
			}
			if _, page := visitor.get("/glossary"); strings.Contains(page, "/edit") || strings.Contains(page, "/glossary/new") {
				t.Error("a visitor is offered to edit the glossary")
			}
			if _, page := visitor.get("/schemes?q=qxzzq"); len(hitIDs(page)) != 0 {
				t.Fatal("found a word no scheme has")
			}
			_, startlan := visitor.get("/schemes?q=startlån")
			want := hitIDs(startlan)
			if len(want) == 0 {
				t.Fatal("startlån finds nothing")
			}

			edit := "/glossary/startlan/edit"
			resp, page := c.get(edit)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("the form: status %d", resp.StatusCode)
			}
			before := len(glossaryRevisions(t, fx))
			if resp, _ := c.post(edit, editForm(page)); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("unchanged save: status %d", resp.StatusCode)
			}
			if n := len(glossaryRevisions(t, fx)); n != before {
				t.Fatalf("an unchanged save made %d revisions, had %d", n, before)
			}

			f := editForm(page)
			f.Set("terms_nn", "startlån\nqxzzq")
			f.Set("explanation_nb", "")
			f.Set("explanation_nn", "")
			f.Set("change_note", "Nytt ord")
			resp, page = c.post(edit, f)
			if resp.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", resp.StatusCode)
			}
			if msg := errorBeside(page, "explanation_nb"); !strings.Contains(msg, "Skriv forklaringa på bokmål, nynorsk eller begge.") {
				t.Errorf("beside the explanation: %q", msg)
			}
			if !strings.Contains(page, `href="#f-explanation_nb"`) || !strings.Contains(page, `aria-invalid="true"`) {
				t.Error("the summary does not link to the explanation, or the field is not marked")
			}
			kept := editForm(page)
			if kept.Get("terms_nn") != "startlån\nqxzzq" || kept.Get("change_note") != "Nytt ord" || kept.Get("etag") != f.Get("etag") {
				t.Errorf("what was typed is not kept: %v", kept)
			}
			if n := len(glossaryRevisions(t, fx)); n != before {
				t.Errorf("a refused save made a revision")
			}

			// Fixed, and sent ten times at once (a double click, a reload):
			// one revision, and every request ends on the glossary.
			kept.Set("explanation_nn", "Eit lån frå kommunen til å kjøpe bustad.")
			var wg sync.WaitGroup
			locations := make([]string, 10)
			for i := range locations {
				wg.Go(func() {
					if resp, _ := c.post(edit, kept); resp.StatusCode == http.StatusSeeOther {
						locations[i] = resp.Header.Get("Location")
					}
				})
			}
			wg.Wait()
			if !slices.Contains(locations, "/glossary?saved=1#startlan") {
				t.Errorf("no save said it saved: %q", locations)
			}
			for i, l := range locations {
				if l != "/glossary?saved=1#startlan" && l != "/glossary#startlan" {
					t.Errorf("submission %d ended on %q", i, l)
				}
			}
			if n := len(glossaryRevisions(t, fx)); n != before+1 {
				t.Fatalf("ten submissions of one form made %d revisions", n-before)
			}
			if term := storedTerm(t, fx, "startlan"); !slices.Equal(term.Terms[scheme.LangNN], []string{"startlån", "qxzzq"}) ||
				term.Explanation[scheme.LangNB] != "" {
				t.Errorf("stored %+v", term)
			}
			_, shown := c.get("/glossary?saved=1")
			if !strings.Contains(shown, "Ordlista er lagra.") || !strings.Contains(shown, `<p lang="nn">Eit lån frå kommunen til å kjøpe bustad.</p>`) {
				t.Error("the glossary page does not show the saved explanation")
			}
			_, found := visitor.get("/schemes?q=qxzzq")
			if got := hitIDs(found); !slices.Equal(got, want) {
				t.Errorf("the new word finds %v, startlån %v", got, want)
			}
			_, history := c.get("/glossary/history")
			for _, w := range []string{"Versjon 2", "sys", "Nytt ord", "Endra:", `<span lang="nn">startlån</span>`,
				"Ord (Nynorsk)", "qxzzq", "Forklaring (Bokmål)", "Den første versjonen av ordlista"} {
				if !strings.Contains(history, w) {
					t.Errorf("the history lacks %q", w)
				}
			}
		})
	}
}

// TestGlossaryEditConflict: two editors change the same term at once; the
// second save is refused (409), shows what the first changed, keeps what
// the second typed merged with the first's change, and overwrites nothing;
// saving again keeps both.
func TestGlossaryEditConflict(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			fx.user("kari@example.no", "", true, "", "")
			fx.user("ola@example.no", "", true, "", "")
			kari, ola := fx.login("kari@example.no").in("nn"), fx.login("ola@example.no").in("nn")
			edit := "/glossary/tilsagn/edit"
			_, karis := kari.get(edit)
			_, olas := ola.get(edit)

			kf := editForm(karis)
			kf.Set("explanation_nn", "Karis nye forklaring")
			if resp, _ := kari.post(edit, kf); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("first save: status %d", resp.StatusCode)
			}
			of := editForm(olas)
			of.Set("terms_nb", "tilsagn\ntilsagnsbrev\nolas ord")
			resp, page := ola.post(edit, of)
			if resp.StatusCode != http.StatusConflict {
				t.Fatalf("stale save: status %d, want 409", resp.StatusCode)
			}
			for _, want := range []string{"Nokon andre har endra omgrepet", "kari lagra endringar i omgrepet", "Karis nye forklaring", "Forklaring (Nynorsk)"} {
				if !strings.Contains(page, want) {
					t.Errorf("the conflict page lacks %q", want)
				}
			}
			merged := editForm(page)
			if merged.Get("terms_nb") != "tilsagn\ntilsagnsbrev\nolas ord" || merged.Get("explanation_nn") != "Karis nye forklaring" {
				t.Errorf("the form after the conflict: words %q, explanation %q", merged.Get("terms_nb"), merged.Get("explanation_nn"))
			}
			if term := storedTerm(t, fx, "tilsagn"); slices.Contains(term.Terms[scheme.LangNB], "olas ord") {
				t.Fatal("the refused save was saved")
			}
			if resp, _ := ola.post(edit, merged); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("second save: status %d", resp.StatusCode)
			}
			term := storedTerm(t, fx, "tilsagn")
			if term.Explanation[scheme.LangNN] != "Karis nye forklaring" || !slices.Contains(term.Terms[scheme.LangNB], "olas ord") {
				t.Errorf("after saving again: %+v", term)
			}

			// Both changed the same field: Ola's text stays in the form,
			// marked with Kari's.
			_, karis = kari.get(edit)
			_, olas = ola.get(edit)
			kf = editForm(karis)
			kf.Set("explanation_nb", "Karis bokmål")
			if resp, _ := kari.post(edit, kf); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("Kari's second save: status %d", resp.StatusCode)
			}
			of = editForm(olas)
			of.Set("explanation_nb", "Olas bokmål")
			resp, page = ola.post(edit, of)
			if resp.StatusCode != http.StatusConflict || editForm(page).Get("explanation_nb") != "Olas bokmål" ||
				!strings.Contains(errorBeside(page, "explanation_nb"), "«Karis bokmål»") {
				t.Errorf("both changed one field: status %d, beside it %q", resp.StatusCode, errorBeside(page, "explanation_nb"))
			}
		})
	}
}

// TestGlossaryEditDifferentTerms: two editors who each change a different
// term, from forms opened on the same revision and saved at the same
// time, both have their change saved.
func TestGlossaryEditDifferentTerms(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			fx.user("kari@example.no", "", true, "", "")
			fx.user("ola@example.no", "", true, "", "")
			kari, ola := fx.login("kari@example.no").in("nb"), fx.login("ola@example.no").in("nb")
			_, karis := kari.get("/glossary/tilsagn/edit")
			_, olas := ola.get("/glossary/egenandel/edit")
			kf, of := editForm(karis), editForm(olas)
			if kf.Get("base") != of.Get("base") {
				t.Fatalf("the forms were opened on revisions %s and %s", kf.Get("base"), of.Get("base"))
			}
			kf.Set("explanation_nb", "Karis forklaring")
			of.Set("explanation_nb", "Olas forklaring")
			var wg sync.WaitGroup
			var karisStatus, olasStatus int
			wg.Go(func() { r, _ := kari.post("/glossary/tilsagn/edit", kf); karisStatus = r.StatusCode })
			wg.Go(func() { r, _ := ola.post("/glossary/egenandel/edit", of); olasStatus = r.StatusCode })
			wg.Wait()
			if karisStatus != http.StatusSeeOther || olasStatus != http.StatusSeeOther {
				t.Fatalf("statuses %d and %d", karisStatus, olasStatus)
			}
			if a, b := storedTerm(t, fx, "tilsagn"), storedTerm(t, fx, "egenandel"); a.Explanation[scheme.LangNB] != "Karis forklaring" ||
				b.Explanation[scheme.LangNB] != "Olas forklaring" {
				t.Errorf("after both saves: %q, %q", a.Explanation[scheme.LangNB], b.Explanation[scheme.LangNB])
			}
			// A form opened before the other's save still saves.
			_, page := ola.get("/glossary/tilsagn/edit")
			stale := editForm(page)
			_, page = kari.get("/glossary/egenandel/edit")
			kf = editForm(page)
			kf.Set("change_note", "meir")
			kf.Set("explanation_nn", "Kari skreiv òg nynorsk")
			if r, _ := kari.post("/glossary/egenandel/edit", kf); r.StatusCode != http.StatusSeeOther {
				t.Fatalf("Kari's second save: status %d", r.StatusCode)
			}
			stale.Set("explanation_nn", "Ola skreiv nynorsk")
			if r, _ := ola.post("/glossary/tilsagn/edit", stale); r.StatusCode != http.StatusSeeOther {
				t.Errorf("a save on an older revision of the glossary, with its own term unchanged: status %d", r.StatusCode)
			}
			if got := storedTerm(t, fx, "egenandel").Explanation[scheme.LangNN]; got != "Kari skreiv òg nynorsk" {
				t.Errorf("Kari's change was lost: %q", got)
			}
		})
	}
}

// newTermForm is a whole new term as the form sends it.
func newTermForm(submission string) url.Values {
	return url.Values{"id": {"kommunalt-tilskot"}, "terms_nb": {"kommunalt tilskudd"}, "terms_nn": {"kommunalt tilskot\ntilskot frå kommunen"},
		"explanation_nn": {"Pengar frå kommunen som ikkje skal betalast tilbake."}, "change_note": {"Nytt omgrep"}, "submission": {submission}}
}

// TestGlossaryCreateOnce: ten identical submissions of the new-term form,
// at once, make one revision; an id that is taken is refused beside the
// field.
func TestGlossaryCreateOnce(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			fx.user("sys@example.no", "", true, "", "")
			c := fx.login("sys@example.no").in("nn")
			if resp, page := c.get("/glossary/new"); resp.StatusCode != http.StatusOK || editForm(page).Get("submission") == "" {
				t.Fatalf("the new-term form: status %d", resp.StatusCode)
			}
			before := len(glossaryRevisions(t, fx))
			form := newTermForm("one-submission")
			var wg sync.WaitGroup
			statuses := make([]int, 10)
			for i := range statuses {
				wg.Go(func() {
					resp, _ := c.post("/glossary/new", form)
					statuses[i] = resp.StatusCode
				})
			}
			wg.Wait()
			for i, st := range statuses {
				if st != http.StatusSeeOther {
					t.Errorf("submission %d: status %d", i, st)
				}
			}
			if n := len(glossaryRevisions(t, fx)); n != before+1 {
				t.Fatalf("ten submissions made %d revisions", n-before)
			}
			if term := storedTerm(t, fx, "kommunalt-tilskot"); len(term.Terms[scheme.LangNN]) != 2 {
				t.Errorf("stored %+v", term)
			}
			_, page := c.get("/glossary")
			if !strings.Contains(page, `<dt id="kommunalt-tilskot" lang="nn">kommunalt tilskot</dt>`) {
				t.Error("the glossary page does not list the new term")
			}
			// Sent again as a new form, the id is taken.
			resp, page := c.post("/glossary/new", newTermForm("another-submission"))
			if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(errorBeside(page, "id"), "Eit anna omgrep har ID-en «kommunalt-tilskot». Vel ein annan, eller rediger det omgrepet.") {
				t.Errorf("a taken id: status %d, %q", resp.StatusCode, errorBeside(page, "id"))
			}
			if kept := editForm(page); kept.Get("terms_nn") != "kommunalt tilskot\ntilskot frå kommunen" {
				t.Errorf("what was typed is not kept: %v", kept)
			}
			form = newTermForm("third")
			form.Set("id", "Kommunalt tilskot")
			form.Del("terms_nb")
			form.Del("terms_nn")
			resp, page = c.post("/glossary/new", form)
			if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(errorBeside(page, "id"), "kan berre innehalde a–z") ||
				!strings.Contains(errorBeside(page, "terms_nb"), "Skriv minst eitt ord, på bokmål, nynorsk eller begge.") {
				t.Errorf("a bad id and no words: status %d, %q, %q", resp.StatusCode, errorBeside(page, "id"), errorBeside(page, "terms_nb"))
			}
		})
	}
}

// TestGlossaryDelete: a deleted term leaves the glossary page and the
// search's synonyms, and stays in the history; a second click finds the
// deletion made, and a form still open on the term is told it is gone.
func TestGlossaryDelete(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			fx.user("sys@example.no", "", true, "", "")
			c := fx.login("sys@example.no").in("en")
			_, page := c.get("/glossary/bygdeutviklingsmidler/edit")
			open := editForm(page)
			del := formAt(t, page, "/glossary/bygdeutviklingsmidler/delete")
			for range 2 {
				resp, _ := c.post("/glossary/bygdeutviklingsmidler/delete", del)
				if resp.StatusCode != http.StatusSeeOther {
					t.Fatalf("delete: status %d", resp.StatusCode)
				}
			}
			recs := glossaryRevisions(t, fx)
			if len(recs) != 2 || termIndex(recs[0].Terms, "bygdeutviklingsmidler") >= 0 || termIndex(recs[1].Terms, "bygdeutviklingsmidler") < 0 {
				t.Fatalf("after deleting twice: %d revisions", len(recs))
			}
			_, glossary := fx.anonymous().get("/glossary")
			if strings.Contains(glossary, `id="bygdeutviklingsmidler"`) {
				t.Error("the deleted term is still on the glossary page")
			}
			if _, term := fx.anonymous().get("/schemes?q=BU-midlar"); strings.Contains(term, `href="/glossary#bygdeutviklingsmidler"`) {
				t.Error("the search still explains the deleted term")
			}
			_, history := c.get("/glossary/history")
			if !strings.Contains(history, `Deleted:</strong> <span lang="nb">bygdeutviklingsmidler</span>`) {
				t.Error("the history does not list the deleted term")
			}
			open.Set("explanation_nb", "Skrevet etter slettingen")
			if resp, page := c.post("/glossary/bygdeutviklingsmidler/edit", open); resp.StatusCode != http.StatusConflict ||
				!strings.Contains(page, "Someone else deleted the term") {
				t.Errorf("a save of a deleted term: status %d", resp.StatusCode)
			}
			if resp, _ := c.post("/glossary/bygdeutviklingsmidler/delete", url.Values{"submission": {"another"}}); resp.StatusCode != http.StatusNotFound {
				t.Errorf("deleting a term that is gone: status %d", resp.StatusCode)
			}
			if resp, _ := c.get("/glossary/no-such-term/edit"); resp.StatusCode != http.StatusNotFound {
				t.Errorf("an unknown term: status %d", resp.StatusCode)
			}
		})
	}
}
