package examples

import (
	"slices"
	"strings"
	"testing"
	"time"

	"planverk/scheme"
)

// The seed catalogue is valid, has the eight Husbanken schemes the
// Vest-Telemark plan lists and at least fifteen more, each with its source
// and the date it was checked.
func TestCatalogueValid(t *testing.T) {
	schemes, terms, err := Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range scheme.ValidateCatalogue(schemes, time.Now()) {
		t.Errorf("schemes.yaml: %s: %s", p.Field, p.Message)
	}
	for _, p := range scheme.ValidateGlossary(terms) {
		t.Errorf("glossary.yaml: %s: %s", p.Field, p.Message)
	}
	husbanken := 0
	for _, s := range schemes {
		if s.Provider == "husbanken" {
			husbanken++
		}
		if s.Source == "" || s.Checked.Year == 0 {
			t.Errorf("%s has no source or check date", s.ID)
		}
	}
	if husbanken < 8 || len(schemes)-husbanken < 15 {
		t.Errorf("%d Husbanken schemes and %d others, want at least 8 and 15", husbanken, len(schemes)-husbanken)
	}
	if len(terms) < 20 {
		t.Errorf("the glossary has %d terms", len(terms))
	}
}

// On the real catalogue: "bustad" and "bolig" find the same Husbanken
// schemes, and a farmer in Vinje who wants to start tourism on the farm is
// pointed first to Innovasjon Norge's scheme for it, with reasons.
func TestCatalogueSearchAndFinder(t *testing.T) {
	schemes, terms, err := Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	ix := scheme.NewIndex(schemes, terms)
	ids := func(q string) []string {
		var out []string
		for _, h := range ix.Search(scheme.Query{Text: q, Filters: map[scheme.Facet][]string{scheme.Facet("provider"): {"husbanken"}}}).Hits {
			out = append(out, h.Scheme.ID)
		}
		slices.Sort(out)
		return out
	}
	bustad, bolig := ids("bustad"), ids("bolig")
	if len(bustad) < 5 || !slices.Equal(bustad, bolig) {
		t.Errorf("bustad finds %v, bolig finds %v", bustad, bolig)
	}
	recs := scheme.Find(ix, scheme.Answers{Who: []scheme.Audience{"farmers"}, Want: []scheme.Theme{"tourism"}, Where: "Vinje"})
	if len(recs) == 0 {
		t.Fatal("the finder recommends nothing to a farmer in Vinje")
	}
	top := recs[0]
	if top.Scheme.Provider != "innovasjon-norge" || !slices.Contains(top.Scheme.Themes, scheme.Theme("tourism")) {
		t.Errorf("the first recommendation is %s (%s)", top.Scheme.ID, top.Scheme.Provider)
	}
	var codes []string
	for _, r := range top.Reasons {
		codes = append(codes, r.Code)
	}
	if got := strings.Join(codes, ","); !strings.Contains(got, "audience") || !strings.Contains(got, "theme") {
		t.Errorf("the first recommendation's reasons: %s", got)
	}
}
