package web

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"planverk/auth"
	"planverk/cycle"
	"planverk/plan"
	"planverk/scheme"
	"planverk/store"
)

// hitIDs reads the ids of the schemes a list of hits on a page links to,
// in order.
func hitIDs(page string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`<h3><a href="/schemes/([a-z0-9-]+)"`).FindAllStringSubmatch(page, -1) {
		out = append(out, m[1])
	}
	return out
}

// TestSchemeSearchNorwegian: a visitor who writes bokmål and one who writes
// nynorsk find the same Husbanken schemes, each told which of their words
// matched.
func TestSchemeSearchNorwegian(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			visitor := newFixture(t, engine).anonymous()
			_, bustad := visitor.in("nn").get("/schemes?q=bustad")
			_, bolig := visitor.in("nb").get("/schemes?q=bolig")
			b, n := hitIDs(bustad), hitIDs(bolig)
			if len(b) < 5 || !slices.Contains(b, "husbanken-startlan") {
				t.Fatalf("bustad finds %v", b)
			}
			if !slices.Equal(b, n) {
				t.Errorf("bustad finds %v, bolig %v", b, n)
			}
			for _, want := range []string{`Treff på: <mark>bustad</mark>`, `role="status">11 ordningar funne for «bustad»`} {
				if !strings.Contains(bustad, want) {
					t.Errorf("the nynorsk page lacks %q", want)
				}
			}
			if !strings.Contains(bolig, `Treff på: <mark>bolig</mark>`) {
				t.Error("the bokmål page does not say that bolig matched")
			}
			// An English page shows the bokmål text, marked as bokmål.
			_, en := visitor.in("en").get("/schemes?q=bustad")
			if !strings.Contains(en, `<a href="/schemes/husbanken-startlan" lang="nb">Startlån</a>`) || !strings.Contains(en, "11 schemes found") {
				t.Error("the English page does not show the bokmål name marked lang=nb")
			}
		})
	}
}

// TestSchemeSearchFacets: filters narrow the hits, are kept ticked, combine
// across facets, and every value shows how many schemes have it.
func TestSchemeSearchFacets(t *testing.T) {
	fx := newFixture(t, "sqlite")
	visitor := fx.anonymous().in("nb")
	_, all := visitor.get("/schemes?q=bustad")
	_, loans := visitor.get("/schemes?q=bustad&kind=loan")
	if a, l := len(hitIDs(all)), len(hitIDs(loans)); l == 0 || l >= a {
		t.Fatalf("kind=loan gives %d of %d", l, a)
	}
	cat, err := fx.app.catalogue(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range hitIDs(loans) {
		if sc, _ := cat.Index.Scheme(id); !slices.Contains(sc.Kinds, scheme.KindLoan) {
			t.Errorf("%s is not a loan", id)
		}
	}
	if !regexp.MustCompile(`name="kind" value="loan" checked>\s*<label[^>]*><span>Lån</span> <span class="count">\(5<`).MatchString(loans) {
		t.Error("the loan filter is not kept ticked with its count of 5")
	}
	if !regexp.MustCompile(`name="provider" value="husbanken">\s*<label[^>]*><span lang="no">Husbanken</span> <span class="count">\(5<`).MatchString(loans) {
		t.Error("the provider facet does not count Husbanken's 5 loans")
	}
	// Two facets at once: loans for municipalities.
	_, both := visitor.get("/schemes?q=bustad&kind=loan&audience=municipalities")
	if n := len(hitIDs(both)); n == 0 || n >= len(hitIDs(loans)) {
		t.Errorf("kind and audience together give %d", n)
	}
	// Without text, every scheme, 20 to a page; discontinued ones last.
	var ids []string
	next := "/schemes"
	for pages := 0; next != "" && pages < 20; pages++ {
		_, page := visitor.get(next)
		got := hitIDs(page)
		if len(got) > schemeSearchPageSize {
			t.Fatalf("%s shows %d hits, more than a page", next, len(got))
		}
		if want := fmt.Sprintf(`<ol class="hits" start="%d">`, len(ids)+1); !strings.Contains(page, want) {
			t.Errorf("%s does not number its hits from %d", next, len(ids)+1)
		}
		if !strings.Contains(page, fmt.Sprintf("av %d</p>", len(cat.Schemes))) {
			t.Errorf("%s does not say it shows part of %d schemes", next, len(cat.Schemes))
		}
		ids = append(ids, got...)
		next = ""
		if m := regexp.MustCompile(`<a href="([^"]+)" rel="next">`).FindStringSubmatch(page); m != nil {
			next = html.UnescapeString(m[1])
		}
	}
	if len(ids) != len(cat.Schemes) || ids[len(ids)-1] != "husbanken-rentekompensasjon-skule-symjeanlegg-2009-2016" {
		t.Errorf("the whole catalogue: %d hits over its pages, last %v", len(ids), ids[len(ids)-1:])
	}
	if _, beyond := visitor.get("/schemes?page=99"); len(hitIDs(beyond)) != 0 || !strings.Contains(beyond, "Det er ingenting på denne siden.") {
		t.Error("a page after the last does not say it is empty")
	}
	// A query that no scheme has every word of says so.
	_, some := visitor.get("/schemes?q=tilskot+reiseliv+gard")
	if !strings.Contains(some, "Ingen ordning har alle ordene") {
		t.Error("a fallback search does not say so")
	}
	// A glossary term in the query is explained.
	_, term := visitor.get("/schemes?q=BU-midlar")
	if !strings.Contains(term, `<dt lang="nb"><a href="/glossary#bygdeutviklingsmidler">bygdeutviklingsmidler</a></dt>`) {
		t.Error("the glossary term in the query is not explained")
	}
}

// TestSchemeFinder: a farmer in Vinje who wants to start tourism on the
// farm gets Innovasjon Norge's farm scheme first, told why in words.
func TestSchemeFinder(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			visitor := newFixture(t, engine).anonymous()
			q := "/schemes/finder?who=farmers&want=tourism&where=Vinje"
			_, nn := visitor.in("nn").get(q)
			ids := hitIDs(nn)
			if len(ids) == 0 || ids[0] != "innovasjon-norge-ibu-tilleggsnaering" {
				t.Fatalf("recommended %v", ids)
			}
			first := nn[strings.Index(nn, `<li class="hit">`):]
			first = first[:strings.Index(first, "</li>")]
			if !strings.Contains(first, "Passar fordi: for bønder · handlar om reiseliv · gjeld i heile landet") {
				t.Errorf("the first recommendation's reasons: %s", first)
			}
			if !strings.Contains(nn, "gjeld i heile Telemark") {
				t.Error("no recommendation names the county")
			}
			// The answers stay chosen.
			if !strings.Contains(nn, `value="farmers" checked`) || !strings.Contains(nn, `value="tourism" checked`) || !strings.Contains(nn, `value="Vinje"`) {
				t.Error("the answers are not kept")
			}
			_, nb := visitor.in("nb").get(q)
			if !strings.Contains(nb, "Passer fordi: for bønder · handler om reiseliv · gjelder i hele landet") {
				t.Error("the bokmål reasons are missing")
			}
			_, en := visitor.in("en").get(q)
			if !strings.Contains(en, "Matches because: for farmers · is about tourism · applies throughout Norway") {
				t.Error("the English reasons are missing")
			}
			// The same through the API, with the reasons' codes.
			_, body := visitor.get("/api/v1/schemes/finder?who=farmers&want=tourism&where=Vinje&lang=nn")
			var res apiFinderResult
			if err := json.Unmarshal([]byte(body), &res); err != nil {
				t.Fatal(err)
			}
			if len(res.Recommendations) == 0 || res.Recommendations[0].Scheme.ID != "innovasjon-norge-ibu-tilleggsnaering" {
				t.Fatalf("API recommends %+v", res.Recommendations)
			}
			var codes []string
			for _, r := range res.Recommendations[0].Reasons {
				codes = append(codes, r.Code)
			}
			if !slices.Equal(codes, []string{"audience", "theme", "national"}) || !strings.HasPrefix(res.Recommendations[0].Because, "Passar fordi") {
				t.Errorf("API reasons %v, %q", codes, res.Recommendations[0].Because)
			}
			// A place nobody knows is said to be unknown.
			_, unknown := visitor.in("nb").get("/schemes/finder?who=farmers&where=Atlantis")
			if !strings.Contains(unknown, "Vi kjenner ikke stedet «Atlantis»") {
				t.Error("an unknown place is not explained")
			}
			// A place anywhere in Norway is known, by any of its names; a
			// name two municipalities share asks which.
			for _, where := range []string{"V%C3%A5g%C3%A5", "Guovdageaidnu", "Her%C3%B8y+i+Nordland"} {
				if _, page := visitor.in("nb").get("/schemes/finder?who=farmers&where=" + where); strings.Contains(page, "Vi kjenner ikke stedet") {
					t.Errorf("%s is said to be unknown", where)
				}
			}
			_, shared := visitor.in("nn").get("/schemes/finder?who=farmers&where=Her%C3%B8y")
			if !strings.Contains(shared, "«Herøy» er namnet på meir enn éin stad: Herøy (Møre og Romsdal), Herøy (Nordland).") {
				t.Error("a shared name does not ask which place")
			}
		})
	}
}

// TestSchemePage: a scheme's page shows its source and when it was
// checked, links the glossary's words, and lists the measures that use it;
// the measure's page links back.
func TestSchemePage(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			_, err := fx.store.EditPlan(context.Background(), "vest-telemark", 2025, store.Edit{Summary: "schemes"}, func(f *plan.File) error {
				_, m := findMeasure(f, 2, 2)
				m.Schemes = []string{"husbanken-startlan", "no-such-scheme"}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			visitor := fx.anonymous().in("nn")
			// Visitors read releases: the draft's new use is not theirs
			// until it is released.
			if _, page := visitor.get("/schemes/husbanken-startlan"); strings.Contains(page, "/plans/2025/goals/2/measures/2") {
				t.Error("a visitor sees a use only the draft has")
			}
			if _, err := fx.store.TakeStep(context.Background(), "vest-telemark", 2025,
				cycle.Decision{Step: cycle.StepPublication}, store.Edit{}); err != nil {
				t.Fatal(err)
			}
			resp, page := visitor.get("/schemes/husbanken-startlan")
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d", resp.StatusCode)
			}
			for _, want := range []string{
				`<h1 lang="nn">Startlån</h1>`,
				`<a href="https://www.veiviseren.no/forstaa-helheten/lover-og-forskrifter/forskrift-om-startlan-fra-husbanken">`,
				"<dt>Sist kontrollert</dt><dd>23.11.2026",
				`<a href="/glossary#startlan">Startlån</a> er behovsprøvd`,
				`<ol lang="nn"><li>Ta kontakt med kommunen`,
				"Fortløpande",
				`<a href="/programmes/vest-telemark/plans/2025/goals/2/measures/2">`,
			} {
				if !strings.Contains(page, want) {
					t.Errorf("the scheme page lacks %q", want)
				}
			}
			// The first use in a text is linked, not the next.
			criteria := page[strings.Index(page, `id="criteria"`):]
			criteria = criteria[:strings.Index(criteria, "</div>")]
			if n := strings.Count(criteria, `href="/glossary#startlan"`); n != 1 {
				t.Errorf("the criteria link startlån %d times", n)
			}
			if strings.Contains(page, "Rediger ordninga") {
				t.Error("a visitor is offered to edit")
			}
			_, measure := visitor.get("/programmes/vest-telemark/plans/2025/goals/2/measures/2")
			if !strings.Contains(measure, `<a href="/schemes/husbanken-startlan" lang="nn">Startlån</a>`) || !strings.Contains(measure, "<code>no-such-scheme</code>") {
				t.Error("the measure page does not list its schemes")
			}
			// A discontinued scheme says so in words.
			_, ended := visitor.in("en").get("/schemes/husbanken-rentekompensasjon-skule-symjeanlegg-2009-2016")
			if !strings.Contains(ended, "This scheme has been discontinued") {
				t.Error("a discontinued scheme does not say so")
			}
			// The glossary has the term the page links to, in both forms.
			_, glossary := visitor.in("nn").get("/glossary")
			if !strings.Contains(glossary, `<dt id="startlan" lang="nn">startlån</dt>`) || !strings.Contains(glossary, `Nynorsk: <span lang="nn">tilsegn, tilsagn, tilsegnsbrev</span>`) {
				t.Error("the glossary lacks startlån or tilsegn's nynorsk words")
			}
			if resp, _ := visitor.get("/schemes/no-such-scheme"); resp.StatusCode != http.StatusNotFound {
				t.Errorf("an unknown scheme: status %d", resp.StatusCode)
			}
		})
	}
}

// schemeRevisions counts a scheme's revisions.
func schemeRevisions(t *testing.T, fx *fixture, id string) []store.SchemeRecord {
	t.Helper()
	recs, err := fx.store.SchemeRevisions(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// TestSchemeEditErrors: a save with a kind the catalogue does not have is
// refused with the message beside the kinds, and everything typed is kept;
// saving the form unchanged changes nothing.
func TestSchemeEditErrors(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			fx.user("sys@example.no", "", true, "", "")
			c := fx.login("sys@example.no").in("nb")
			edit := "/schemes/husbanken-startlan/edit"
			_, page := c.get(edit)
			if resp, _ := c.post(edit, editForm(page)); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("unchanged save: status %d", resp.StatusCode)
			}
			if n := len(schemeRevisions(t, fx, "husbanken-startlan")); n != 1 {
				t.Fatalf("an unchanged save made %d revisions", n)
			}

			f := editForm(page)
			f.Add("kinds", "bogus")
			f.Set("summary_nn", "Eit nytt samandrag som ikkje skal forsvinne")
			f.Set("checked", "31.02.2026")
			resp, page := c.post(edit, f)
			if resp.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", resp.StatusCode)
			}
			if msg := errorBeside(page, "kinds"); !strings.Contains(msg, "«bogus» er ikke ett av valgene") {
				t.Errorf("beside the kinds: %q", msg)
			}
			if msg := errorBeside(page, "checked"); !strings.Contains(msg, "«31.02.2026» er ikke en dato") {
				t.Errorf("beside the date: %q", msg)
			}
			if !strings.Contains(page, `href="#f-kinds"`) || !strings.Contains(page, `aria-describedby="f-kinds-hint f-kinds-error"`) {
				t.Error("the summary does not link to the kinds, or the group is not described by its error")
			}
			kept := editForm(page)
			if kept.Get("summary_nn") != "Eit nytt samandrag som ikkje skal forsvinne" || !slices.Contains(kept["kinds"], "bogus") ||
				!slices.Contains(kept["kinds"], "loan") || kept.Get("checked") != "31.02.2026" {
				t.Errorf("what was typed is not kept: %v", kept)
			}
			if n := len(schemeRevisions(t, fx, "husbanken-startlan")); n != 1 {
				t.Errorf("a refused save made %d revisions", n)
			}

			// Fixed, it saves, and the page, search and history show it.
			kept.Del("kinds")
			kept.Add("kinds", "loan")
			kept.Set("checked", "20.11.2026")
			if resp, _ := c.post(edit, kept); resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/schemes/husbanken-startlan?saved=1" {
				t.Fatalf("save: status %d, %s", resp.StatusCode, resp.Header.Get("Location"))
			}
			_, shown := c.in("nn").get("/schemes/husbanken-startlan?saved=1")
			if !strings.Contains(shown, "Eit nytt samandrag som ikkje skal forsvinne") || !strings.Contains(shown, "20.11.2026") {
				t.Error("the scheme page does not show the saved change")
			}
			_, found := c.get("/schemes?q=forsvinne")
			if ids := hitIDs(found); !slices.Equal(ids, []string{"husbanken-startlan"}) {
				t.Errorf("the search does not find the new text at once: %v", ids)
			}
			_, history := c.get("/schemes/husbanken-startlan/history")
			for _, want := range []string{"Versjon 2", "sys", "Samandrag (Nynorsk)", "Eit nytt samandrag som ikkje skal forsvinne", "Kontrollert dato", "2026-11-20"} {
				if !strings.Contains(history, want) {
					t.Errorf("the history lacks %q", want)
				}
			}
		})
	}
}

// TestSchemeEditConflict: two editors change the same scheme at once; the
// second save is refused (409), shows what the first changed, keeps what
// the second typed, and overwrites nothing; saving again keeps both.
func TestSchemeEditConflict(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			fx.user("kari@example.no", "", true, "", "")
			fx.user("ola@example.no", "", true, "", "")
			kari, ola := fx.login("kari@example.no").in("nn"), fx.login("ola@example.no").in("nn")
			edit := "/schemes/husbanken-startlan/edit"
			_, karis := kari.get(edit)
			_, olas := ola.get(edit)

			kf := editForm(karis)
			kf.Set("contact_nn", "Karis nye kontakttekst")
			if resp, _ := kari.post(edit, kf); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("first save: status %d", resp.StatusCode)
			}
			of := editForm(olas)
			of.Set("examples_nb", "Olas nye eksempel")
			resp, page := ola.post(edit, of)
			if resp.StatusCode != http.StatusConflict {
				t.Fatalf("stale save: status %d, want 409", resp.StatusCode)
			}
			for _, want := range []string{"kari lagra endringar i ordninga", "Karis nye kontakttekst", "Kontakt (Nynorsk)"} {
				if !strings.Contains(page, want) {
					t.Errorf("the conflict page lacks %q", want)
				}
			}
			merged := editForm(page)
			if merged.Get("examples_nb") != "Olas nye eksempel" || merged.Get("contact_nn") != "Karis nye kontakttekst" {
				t.Errorf("the form after the conflict: examples %q, contact %q", merged.Get("examples_nb"), merged.Get("contact_nn"))
			}
			recs := schemeRevisions(t, fx, "husbanken-startlan")
			if len(recs) != 2 || recs[0].Scheme.Examples[scheme.LangNB] == "Olas nye eksempel" {
				t.Fatalf("after the refused save: %d revisions", len(recs))
			}
			if resp, _ := ola.post(edit, merged); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("second save: status %d", resp.StatusCode)
			}
			cur := schemeRevisions(t, fx, "husbanken-startlan")[0].Scheme
			if cur.Contact[scheme.LangNN] != "Karis nye kontakttekst" || cur.Examples[scheme.LangNB] != "Olas nye eksempel" {
				t.Errorf("after saving again: contact %q, examples %q", cur.Contact[scheme.LangNN], cur.Examples[scheme.LangNB])
			}
		})
	}
}

// newSchemeForm is a whole new scheme as the form sends it.
func newSchemeForm(submission string) url.Values {
	return url.Values{
		"id": {"vinje-hyttetilskot"}, "name_nn": {"Tilskot til hyttebygging i Vinje"}, "provider": {"vinje-kommune"},
		"provider_name": {"Vinje kommune"}, "level": {"local"}, "areas": {"Vinje"}, "kinds": {"grant"},
		"audiences": {"households", "small-businesses"}, "themes": {"housing", "tourism"}, "status": {"open"},
		"summary_nn": {"Eit tenkt tilskot til hyttebygging."}, "steps_nn": {"Les vilkåra\nSøk kommunen"},
		"deadline": {"15.03.2026 | Første runde | Fyrste runde\n15.09.2026"},
		"links":    {"Vinje kommune | https://www.vinje.kommune.no/"},
		"source":   {"https://www.vinje.kommune.no/"}, "checked": {"01.11.2026"}, "submission": {submission},
	}
}

// TestSchemeCreateOnce: ten identical submissions of the new-scheme form,
// at once, make one scheme; an id that is taken is refused beside the
// field.
func TestSchemeCreateOnce(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			fx.user("sys@example.no", "", true, "", "")
			c := fx.login("sys@example.no").in("nn")
			if resp, page := c.get("/schemes/new"); resp.StatusCode != http.StatusOK || editForm(page).Get("submission") == "" {
				t.Fatalf("the new-scheme form: status %d", resp.StatusCode)
			}
			form := newSchemeForm("one-submission")
			var wg sync.WaitGroup
			statuses := make([]int, 10)
			for i := range statuses {
				wg.Go(func() {
					resp, _ := c.post("/schemes/new", form)
					statuses[i] = resp.StatusCode
				})
			}
			wg.Wait()
			for i, st := range statuses {
				if st != http.StatusSeeOther {
					t.Errorf("submission %d: status %d", i, st)
				}
			}
			recs := schemeRevisions(t, fx, "vinje-hyttetilskot")
			if len(recs) != 1 {
				t.Fatalf("%d revisions", len(recs))
			}
			sc := recs[0].Scheme
			if sc.Areas[0] != "vinje" || len(sc.HowToApply.Deadline.Dates) != 2 || sc.HowToApply.Deadline.Dates[0].Note[scheme.LangNN] != "Fyrste runde" ||
				sc.Links[0].URL != "https://www.vinje.kommune.no/" || sc.Checked.String() != "2026-11-01" {
				t.Errorf("stored %+v", sc)
			}
			_, page := c.get("/schemes/vinje-hyttetilskot")
			if !strings.Contains(page, "15.03.2026 (<span lang=\"nn\">Fyrste runde</span>); 15.09.2026") {
				t.Error("the deadlines are not shown in Norwegian form")
			}
			// Sent again as a new form, the id is taken.
			resp, page := c.post("/schemes/new", newSchemeForm("another-submission"))
			if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(errorBeside(page, "id"), "Ei anna ordning har ID-en «vinje-hyttetilskot»") {
				t.Errorf("a taken id: status %d, %q", resp.StatusCode, errorBeside(page, "id"))
			}
			form = newSchemeForm("third")
			form.Set("id", "finder")
			if _, page := c.post("/schemes/new", form); !strings.Contains(errorBeside(page, "id"), "adressa til ei anna side") {
				t.Errorf("a reserved id: %q", errorBeside(page, "id"))
			}
		})
	}
}

// TestSchemeDeleteRestore: a deleted scheme leaves the public catalogue and
// comes back whole; its history says what happened.
func TestSchemeDeleteRestore(t *testing.T) {
	fx := newFixture(t, "sqlite")
	fx.user("sys@example.no", "", true, "", "")
	sys := fx.login("sys@example.no").in("en")
	visitor := fx.anonymous()
	if resp, _ := sys.post("/schemes/husbanken-startlan/delete", url.Values{}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("delete: status %d", resp.StatusCode)
	}
	if resp, _ := visitor.get("/schemes/husbanken-startlan"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("a deleted scheme for a visitor: status %d", resp.StatusCode)
	}
	if resp, _ := visitor.get("/api/v1/schemes/husbanken-startlan"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("a deleted scheme in the API: status %d", resp.StatusCode)
	}
	if _, page := visitor.get("/schemes?q=startlån"); slices.Contains(hitIDs(page), "husbanken-startlan") {
		t.Error("a deleted scheme is still found")
	}
	_, page := sys.get("/schemes/husbanken-startlan")
	if !strings.Contains(page, "This scheme has been deleted") || !strings.Contains(page, `action="/schemes/husbanken-startlan/restore"`) {
		t.Error("the editor is not offered to restore")
	}
	if resp, _ := sys.post("/schemes/husbanken-startlan/restore", url.Values{}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("restore: status %d", resp.StatusCode)
	}
	if _, page := visitor.get("/schemes?q=startlån"); !slices.Contains(hitIDs(page), "husbanken-startlan") {
		t.Error("a restored scheme is not found")
	}
	_, history := sys.get("/schemes/husbanken-startlan/history")
	for _, want := range []string{"The scheme was deleted from the catalogue.", "The scheme was restored.", "The scheme was added to the catalogue."} {
		if !strings.Contains(history, want) {
			t.Errorf("the history lacks %q", want)
		}
	}
}

// TestSchemeIndexFollowsStore: a server keeps its index until the store's
// catalogue version changes, also when another server made the change.
func TestSchemeIndexFollowsStore(t *testing.T) {
	fx := newFixture(t, "sqlite")
	visitor := fx.anonymous()
	if _, page := visitor.get("/schemes?q=fjellbygdkveik"); len(hitIDs(page)) != 0 {
		t.Fatal("found a word no scheme has")
	}
	// Another server changes the catalogue: straight in the store.
	if _, err := fx.store.EditScheme(context.Background(), "husbanken-startlan", store.Edit{}, func(sc *scheme.Scheme, _ bool) error {
		sc.Summary = scheme.Text{scheme.LangNN: "Fjellbygdkveik er eit ord berre denne ordninga har."}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	before, _ := fx.app.catalogue(ctx)
	fx.app.schemes.forget() // as when a second has passed
	after, err := fx.app.catalogue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if before == after {
		t.Fatal("the index was not rebuilt after the catalogue changed")
	}
	if _, page := visitor.get("/schemes?q=fjellbygdkveik"); !slices.Equal(hitIDs(page), []string{"husbanken-startlan"}) {
		t.Error("the rebuilt index does not find the new word")
	}
	// Unchanged, it is kept.
	fx.app.schemes.forget()
	if again, _ := fx.app.catalogue(ctx); again != after {
		t.Error("the index was rebuilt though nothing changed")
	}
}

// TestSchemePagesOpen: the public pages answer everyone; the editing pages
// only system administrators.
func TestSchemePagesOpen(t *testing.T) {
	fx := newFixture(t, "sqlite")
	fx.user("admin@example.no", "", false, "vest-telemark", auth.RoleAdmin)
	visitor, admin := fx.anonymous(), fx.login("admin@example.no")
	for _, p := range []string{"/schemes", "/schemes?q=bustad&kind=loan", "/schemes/husbanken-startlan", "/schemes/finder",
		"/schemes/finder?who=farmers&want=tourism&where=Vinje", "/glossary", "/api/v1/schemes", "/api/v1/glossary"} {
		if resp, _ := visitor.get(p); resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s anonymously: status %d", p, resp.StatusCode)
		}
	}
	for _, p := range []string{"/schemes/new", "/schemes/husbanken-startlan/edit", "/schemes/husbanken-startlan/history"} {
		if resp, _ := admin.get(p); resp.StatusCode != http.StatusForbidden {
			t.Errorf("GET %s as a programme's administrator: status %d", p, resp.StatusCode)
		}
		if resp, _ := visitor.get(p); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("GET %s anonymously: status %d, want a way to log in", p, resp.StatusCode)
		}
	}
	if resp, _ := admin.post("/schemes/husbanken-startlan/delete", url.Values{}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("delete as a programme's administrator: status %d", resp.StatusCode)
	}
}

// TestGlossaryLinks: the glossary's words are linked in scheme text only
// outside links and code, and only the first time in each text.
func TestGlossaryLinks(t *testing.T) {
	g := newGlossaryLinks([]scheme.Term{
		{ID: "tilsagn", Terms: map[scheme.Lang][]string{scheme.LangNB: {"tilsagn"}, scheme.LangNN: {"tilsegn"}}},
		{ID: "utbetaling", Terms: map[scheme.Lang][]string{scheme.LangNB: {"utbetaling", "anmodning om utbetaling"}}},
	})
	got := string(g.render("Du får tilsagnet først. Tilsagn <b>gjelder</b> ett år.\nSend anmodning om utbetaling, så [utbetaling](https://example.no) og `tilsegn`."))
	for _, want := range []string{
		`<a href="/glossary#tilsagn">tilsagnet</a> først. Tilsagn`,
		`<a href="/glossary#utbetaling">anmodning om utbetaling</a>`,
		`<a href="https://example.no">utbetaling</a>`,
		`<code>tilsegn</code>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("rendered %s\nlacks %s", got, want)
		}
	}
	if strings.Contains(got, "<b>") {
		t.Errorf("raw HTML passed through: %s", got)
	}
}
