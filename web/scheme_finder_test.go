package web

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"planverk/i18n"
	"planverk/scheme"
)

// A scheme for two of the audiences answered says both.
func TestReasonTextSeveralAudiences(t *testing.T) {
	got := reasonText(i18n.Nynorsk, []scheme.Reason{{Code: scheme.ReasonAudience, Args: []string{"farmers", "startups"}}})
	if got != "Passar fordi: for bønder og for gründerar" {
		t.Errorf("reasons %q", got)
	}
}

// TestSchemeFinderSeveralWhos: a farmer who is starting a tourism business
// ticks both, and is shown the municipal fund for start-ups as well as the
// farm schemes; the old single who= still works, in the page and the API.
func TestSchemeFinderSeveralWhos(t *testing.T) {
	visitor := newFixture(t, "sqlite").anonymous()
	_, one := visitor.in("nn").get("/schemes/finder?who=farmers&want=tourism&where=Vinje")
	_, both := visitor.in("nn").get("/schemes/finder?who=farmers&who=startups&want=tourism&where=Vinje")
	if slices.Contains(hitIDs(one), "vinje-kommune-naeringsfond") {
		t.Errorf("a farmer alone is offered the fund for start-ups: %v", hitIDs(one))
	}
	if ids := hitIDs(both); !slices.Contains(ids, "vinje-kommune-naeringsfond") || !slices.Contains(ids, "innovasjon-norge-ibu-tilleggsnaering") {
		t.Fatalf("farmer and start-up in Vinje: %v", ids)
	}
	for _, want := range []string{`type="checkbox" id="f-who-0" name="who" value="startups" checked`, `value="farmers" checked`, "Passar fordi: for "} {
		if !strings.Contains(both, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if regexp.MustCompile(`type="radio"[^>]*name="who"`).MatchString(both) {
		t.Error("who is still radio buttons")
	}
	var res apiFinderResult
	_, body := visitor.get("/api/v1/schemes/finder?who=farmers&who=startups&want=tourism&where=Vinje&lang=nn")
	if err := json.Unmarshal([]byte(body), &res); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range res.Recommendations {
		ids = append(ids, r.Scheme.ID)
	}
	if !slices.Contains(ids, "vinje-kommune-naeringsfond") {
		t.Errorf("the API with two who's recommends %v", ids)
	}
}

// TestSchemeSearchNoHits: a search that finds nothing offers the nearest
// words, the search without each filter with how many it would find, and
// the finder; a search of several words finds schemes with most of them and
// says how many each matched.
func TestSchemeSearchNoHits(t *testing.T) {
	visitor := newFixture(t, "sqlite").anonymous().in("nn")
	_, typo := visitor.get("/schemes?q=bustd&kind=loan")
	if len(hitIDs(typo)) != 0 {
		t.Fatalf("bustd finds %v", hitIDs(typo))
	}
	for _, want := range []string{`Meinte du: <a href="/schemes?kind=loan&amp;q=bustad">bustad</a>`, "i staden for «bustd»", `href="/schemes/finder"`} {
		if !strings.Contains(typo, want) {
			t.Errorf("the no-hit page lacks %q", want)
		}
	}
	// Where the filters would leave nothing for the word either, the
	// suggestion drops them.
	if _, page := visitor.get("/schemes?q=bustd&kind=guarantee"); !strings.Contains(page, `<a href="/schemes?q=bustad">bustad</a>`) {
		t.Error("the suggestion keeps filters that find nothing")
	}
	_, filtered := visitor.get("/schemes?q=bustad&kind=guarantee&audience=households")
	if len(hitIDs(filtered)) != 0 {
		t.Fatalf("guarantees for households: %v", hitIDs(filtered))
	}
	m := regexp.MustCompile(`<a href="/schemes\?audience=households&amp;q=bustad">utan «Type støtte»</a> \((\d+) ordningar?\)`).FindStringSubmatch(filtered)
	if m == nil || m[1] == "0" {
		t.Errorf("no link without the kind filter: %s", filtered[strings.Index(filtered, "no-hits"):])
	}
	_, most := visitor.get("/schemes?q=startlån+bustad+ubåt")
	if ids := hitIDs(most); len(ids) == 0 || ids[0] != "husbanken-startlan" {
		t.Errorf("startlån bustad ubåt finds %v", ids)
	}
	if !strings.Contains(most, "Treff på 2 av 3 ord:") {
		t.Error("the page does not say that not all words matched")
	}
}

func TestReplaceWord(t *testing.T) {
	for _, c := range []struct{ text, typed, with, want string }{
		{"Bustd lån", "bustd", "bustad", "bustad lån"},
		{"lån, bustd!", "bustd", "bustad", "lån, bustad"},
		{"Midt-Telemrk", "telemrk", "telemark", "Midt-telemark"},
		{"", "x", "y", "y"},
	} {
		if got := replaceWord(c.text, c.typed, c.with); got != c.want {
			t.Errorf("replaceWord(%q, %q, %q) = %q, want %q", c.text, c.typed, c.with, got, c.want)
		}
	}
}
