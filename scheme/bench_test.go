package scheme

import (
	"fmt"
	"slices"
	"testing"

	"planverk/place"
)

// syntheticCatalogue makes a catalogue of n schemes from the test data: each
// a copy with an id, a name and a summary of its own and an area that
// varies, so that the index has as many documents and rather more words than
// a real national catalogue would.
func syntheticCatalogue(b *testing.B, n int) []Scheme {
	base := readTestSchemes(b)
	// Telemark's municipalities, as when the benchmark was first written, so
	// that its numbers stay comparable.
	var places []string
	for _, m := range place.Municipalities() {
		if place.CountyOf(m).Key() == "telemark" {
			places = append(places, m.Key())
		}
	}
	slices.Sort(places)
	out := make([]Scheme, n)
	for i := range out {
		s := base[i%len(base)]
		place := places[i%len(places)]
		s.ID = fmt.Sprintf("%s-%d", s.ID, i)
		s.Name = Text{LangNN: fmt.Sprintf("%s i %s, runde %d", s.Name.In(LangNN), AreaName(place), i)}
		s.Summary = Text{LangNN: s.Summary.In(LangNN) + fmt.Sprintf(" Prosjektnummer p%d, ordning o%d.", i, i%97)}
		if s.Level == LevelLocal {
			s.Areas = []string{place}
		}
		out[i] = s
	}
	return out
}

var benchQueries = []Query{
	{Text: "bustad"},
	{Text: "tilskot til reiseliv på garden"},
	{Text: "lån til oppgradering av bustader for eldre", Lang: LangNN},
	{Text: "tilskudd", Filters: map[Facet][]string{FacetAudience: {"farmers", "startups"}, FacetKind: {"grant"}}},
	{Text: "ubåt skattefradrag"}, // falls back to any word
	{Filters: map[Facet][]string{FacetArea: {"vinje", "norge"}}, Lang: LangNN},
}

func BenchmarkSearch(b *testing.B) {
	ix := NewIndex(syntheticCatalogue(b, 2000), readTestGlossary(b))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		ix.Search(benchQueries[i%len(benchQueries)])
		i++
	}
}

// BenchmarkSearchBaseline only analyses the queries of BenchmarkSearch: the
// part of a search that does not depend on the catalogue's size. Read
// BenchmarkSearch as a multiple of it.
func BenchmarkSearchBaseline(b *testing.B) {
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		Analyse(benchQueries[i%len(benchQueries)].Text)
		i++
	}
}

func BenchmarkFind(b *testing.B) {
	ix := NewIndex(syntheticCatalogue(b, 2000), readTestGlossary(b))
	b.ReportAllocs()
	for b.Loop() {
		Find(ix, Answers{Who: []Audience{AudienceFarmers}, Want: []Theme{ThemeTourism}, Where: "vinje", Text: "gardsturisme"})
	}
}

func BenchmarkNewIndex(b *testing.B) {
	schemes := syntheticCatalogue(b, 2000)
	glossary := readTestGlossary(b)
	b.ReportAllocs()
	for b.Loop() {
		NewIndex(schemes, glossary)
	}
}
