package scheme

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestSearchBolMeetsBustad(t *testing.T) {
	ix := testIndex(t)
	bustad := ix.Search(Query{Text: "bustad"})
	bolig := ix.Search(Query{Text: "bolig"})
	if !slices.Equal(ids(bustad.Hits), ids(bolig.Hits)) {
		t.Errorf("bustad finds %v, bolig finds %v", ids(bustad.Hits), ids(bolig.Hits))
	}
	for _, id := range []string{"husbanken-startlan", "husbanken-lan-oppgradering", "husbanken-tilskot-energitiltak", "husbanken-tilstandsvurdering"} {
		if !slices.Contains(ids(bustad.Hits), id) {
			t.Errorf("bustad does not find %s: %v", id, ids(bustad.Hits))
		}
	}
	if got := bustad.Hits[0].Matched; !slices.Equal(got, []string{"bustad"}) {
		t.Errorf("Matched = %q", got)
	}
}

func TestSearchInflectedFindsBase(t *testing.T) {
	ix := testIndex(t)
	res := ix.Search(Query{Text: "tilskota"})
	// The Vinje fund's text says "tilskot" and nothing else of the kind.
	if !slices.Contains(ids(res.Hits), "vinje-naeringsfond") {
		t.Errorf("tilskota finds %v", ids(res.Hits))
	}
	// And bokmål's "tilskudd" finds nynorsk's "tilskot".
	if got := ids(ix.Search(Query{Text: "tilskudd"}).Hits); !slices.Equal(got, ids(res.Hits)) {
		t.Errorf("tilskudd finds %v, tilskota %v", got, ids(res.Hits))
	}
}

func TestSearchFårIsNotFar(t *testing.T) {
	ix := testIndex(t)
	if got := ids(ix.Search(Query{Text: "far"}).Hits); !slices.Equal(got, []string{"vinje-naeringsfond"}) {
		t.Fatalf("far finds %v, want the Vinje fund, whose example says far", got)
	}
	res := ix.Search(Query{Text: "får"})
	if slices.Contains(ids(res.Hits), "vinje-naeringsfond") {
		t.Errorf("får finds the scheme that says only far: %v", ids(res.Hits))
	}
	if !slices.Contains(ids(res.Hits), "husbanken-startlan") {
		t.Errorf("får does not find Startlån, which says får: %v", ids(res.Hits))
	}
}

func TestSearchRanksNameAboveText(t *testing.T) {
	ix := testIndex(t)
	res := ix.Search(Query{Text: "startlån"})
	if len(res.Hits) == 0 || res.Hits[0].Scheme.ID != "husbanken-startlan" {
		t.Errorf("startlån finds %v", ids(res.Hits))
	}
	// "energitiltak" is in one scheme's name and nowhere else; "energi" in
	// that name's compound and in another scheme's criteria.
	res = ix.Search(Query{Text: "energi"})
	if got := ids(res.Hits); len(got) < 2 || got[0] != "husbanken-tilskot-energitiltak" {
		t.Errorf("energi finds %v", got)
	}
}

func TestSearchAllWordsThenAny(t *testing.T) {
	ix := testIndex(t)
	res := ix.Search(Query{Text: "lån bustad"})
	if res.Fallback {
		t.Error("lån bustad fell back, but Startlån has both")
	}
	for _, h := range res.Hits {
		if len(h.Matched) != 2 {
			t.Errorf("%s matched only %q", h.Scheme.ID, h.Matched)
		}
	}
	res = ix.Search(Query{Text: "skattefradrag gardsturisme"})
	if !res.Fallback {
		t.Fatal("no scheme has both words, yet no fallback")
	}
	if got := ids(res.Hits); !slices.Equal(got, []string{"innovasjon-norge-landbruk", "skattefunn"}) && !slices.Equal(got, []string{"skattefunn", "innovasjon-norge-landbruk"}) {
		t.Errorf("fallback finds %v", got)
	}
	res = ix.Search(Query{Text: "ubåt"})
	if len(res.Hits) != 0 || res.Fallback {
		t.Errorf("ubåt finds %v (fallback %v)", ids(res.Hits), res.Fallback)
	}
}

func TestSearchCompoundQuery(t *testing.T) {
	ix := testIndex(t)
	// No scheme says "bustadtilskot", but the energy grant says both
	// tilskot and bustader.
	res := ix.Search(Query{Text: "bustadtilskot"})
	if !slices.Contains(ids(res.Hits), "husbanken-tilskot-energitiltak") || res.Fallback {
		t.Errorf("bustadtilskot finds %v", ids(res.Hits))
	}
	// A compound the catalogue uses is searched as written.
	a, b := validScheme(), validScheme()
	a.ID, a.Name = "startlan", Text{LangNN: "Startlån"}
	b.ID, b.Name = "lan-oppstart", Text{LangNN: "Lån ved oppstart"}
	if got := ids(NewIndex([]Scheme{a, b}, nil).Search(Query{Text: "startlånet"}).Hits); !slices.Equal(got, []string{"startlan"}) {
		t.Errorf("startlånet finds %v", got)
	}
	// A compound of one known part must match as a whole.
	if got := ids(ix.Search(Query{Text: "mikrolån"}).Hits); len(got) != 0 {
		t.Errorf("mikrolån finds %v", got)
	}
}

func TestSearchGlossarySynonyms(t *testing.T) {
	ix := testIndex(t)
	// Distriktssenteret's text says "virkemidler"; the glossary makes
	// "støtteordning" a word for the same thing.
	res := ix.Search(Query{Text: "støtteordningar"})
	if !slices.Contains(ids(res.Hits), "distriktssenteret-radgiving") {
		t.Errorf("støtteordningar finds %v", ids(res.Hits))
	}
	if len(res.Terms) != 1 || res.Terms[0].ID != "verkemiddel" {
		t.Errorf("Terms = %v", res.Terms)
	}
	// "BU-midlar" is two words to the analyser but one glossary word; the
	// farm scheme says only "bygdeutviklingsmidlar".
	res = ix.Search(Query{Text: "BU-midlar"})
	if got := ids(res.Hits); !slices.Equal(got, []string{"innovasjon-norge-landbruk"}) || res.Fallback {
		t.Errorf("BU-midlar finds %v (fallback %v)", got, res.Fallback)
	}
	if len(res.Hits) == 1 && !slices.Equal(res.Hits[0].Matched, []string{"bu", "midlar"}) {
		t.Errorf("Matched = %q", res.Hits[0].Matched)
	}
}

func TestSearchEmptyListsAllByName(t *testing.T) {
	ix := testIndex(t)
	for _, text := range []string{"", "  ", "og i for"} {
		res := ix.Search(Query{Text: text, Lang: LangNN})
		if len(res.Hits) != ix.Len() || res.Fallback {
			t.Fatalf("%q finds %d of %d", text, len(res.Hits), ix.Len())
		}
		var names []string
		for _, h := range res.Hits {
			names = append(names, h.Scheme.Name.In(LangNN))
		}
		want := []string{
			"Etableringstilskot",
			"Investering og utvikling på gard",
			"Lån til miljøtiltak og tilgjengelegheit",
			"Næringsfondet i Vinje",
			"Regionale utviklingsmidlar til kommunane",
			"Rådgivning for kommuner i omstilling",
			"SkatteFUNN",
			"Startlån",
			"Tilskot til energitiltak i utleigebustader og omsorgsbustader",
			"Tilskudd til tilstandsvurdering av bolig", // discontinued: last
		}
		if !slices.Equal(names, want) {
			t.Errorf("%q lists\n%q\nwant\n%q", text, names, want)
		}
	}
}

// Norwegian order: æ, ø, å after z, and å (not a) after ø.
func TestSearchSortsNorwegian(t *testing.T) {
	var schemes []Scheme
	for i, n := range []string{"Åtak", "Øving", "Ærlig", "Zebra", "Aure", "Ørland", "Aasen"} {
		s := validScheme()
		s.ID, s.Name = fmt.Sprint(i), Text{LangNB: n}
		schemes = append(schemes, s)
	}
	var got []string
	for _, h := range NewIndex(schemes, nil).Search(Query{}).Hits {
		got = append(got, h.Scheme.Name.In(LangNB))
	}
	want := []string{"Aure", "Zebra", "Ærlig", "Ørland", "Øving", "Aasen", "Åtak"}
	if !slices.Equal(got, want) {
		t.Errorf("sorted %q, want %q", got, want)
	}
}

func TestSearchDiscontinuedLastUnlessAskedFor(t *testing.T) {
	ix := testIndex(t)
	res := ix.Search(Query{Text: "tilskudd bolig"})
	got := ids(res.Hits)
	if len(got) < 2 || got[len(got)-1] != "husbanken-tilstandsvurdering" {
		t.Errorf("tilskudd bolig: %v; the discontinued scheme, best by text, should be last", got)
	}
	res = ix.Search(Query{Text: "tilskudd bolig", Filters: map[Facet][]string{FacetStatus: {"open", "discontinued"}}})
	if !slices.Contains(ids(res.Hits), "husbanken-tilstandsvurdering") ||
		!slices.IsSortedFunc(res.Hits, func(a, b Hit) int { return cmp.Compare(b.Score, a.Score) }) {
		t.Errorf("with status filtered: %v; the discontinued scheme should rank by its score like the others", ids(res.Hits))
	}
}

func TestSearchFilters(t *testing.T) {
	ix := testIndex(t)
	res := ix.Search(Query{Filters: map[Facet][]string{
		FacetKind:     {"loan", "advice"}, // loan or advice
		FacetAudience: {"households"},     // and for households
	}})
	if got := ids(res.Hits); !slices.Equal(got, []string{"husbanken-lan-oppgradering", "husbanken-startlan"}) {
		t.Errorf("loans or advice for households: %v", got)
	}
	res = ix.Search(Query{Filters: map[Facet][]string{FacetArea: {"vinje"}}})
	if got := ids(res.Hits); !slices.Equal(got, []string{"vinje-naeringsfond"}) {
		t.Errorf("area vinje: %v", got)
	}
	res = ix.Search(Query{Filters: map[Facet][]string{"colour": {"blue"}}})
	if len(res.Hits) != ix.Len() {
		t.Errorf("an unknown facet narrowed the search to %v", ids(res.Hits))
	}
}

// A facet's counts are over the text's hits with every other facet's
// filters applied, so the values beside a chosen one keep their counts.
func TestSearchFacetCounts(t *testing.T) {
	ix := testIndex(t)
	res := ix.Search(Query{Text: "bustad", Filters: map[Facet][]string{
		FacetKind:     {"loan"},
		FacetAudience: {"households"},
	}})
	if got := ids(res.Hits); !slices.Equal(got, []string{"husbanken-startlan", "husbanken-lan-oppgradering"}) {
		t.Fatalf("hits %v", got)
	}
	want := map[Facet][]FacetCount{
		// bustad + households: the two loans and the discontinued grant.
		FacetKind: {{"loan", 2}, {"grant", 1}},
		// bustad + loan: both loans; organisations are in one of them.
		FacetAudience: {{"households", 2}, {"organisations", 1}},
		// The rest count over the hits.
		FacetProvider: {{"husbanken", 2}},
		FacetLevel:    {{"national", 2}},
		FacetTheme:    {{"housing", 2}, {"energy", 1}, {"green-transition", 1}},
		FacetArea:     {{"norge", 2}},
		FacetStatus:   {{"open", 2}},
	}
	for _, f := range Facets {
		if !slices.Equal(res.Facets[f], want[f]) {
			t.Errorf("facet %s = %v, want %v", f, res.Facets[f], want[f])
		}
	}
	// A chosen value no scheme has is still there, with 0.
	res = ix.Search(Query{Text: "bustad", Filters: map[Facet][]string{FacetKind: {"guarantee"}}})
	if len(res.Hits) != 0 || !slices.Contains(res.Facets[FacetKind], FacetCount{"guarantee", 0}) {
		t.Errorf("hits %v, kind facet %v", ids(res.Hits), res.Facets[FacetKind])
	}
}

// The index is read-only once built: searches may run side by side.
func TestSearchConcurrently(t *testing.T) {
	ix := testIndex(t)
	want := ids(ix.Search(Query{Text: "tilskot bustad"}).Hits)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				if got := ids(ix.Search(Query{Text: "tilskot bustad"}).Hits); !slices.Equal(got, want) {
					t.Errorf("concurrent search found %v, want %v", got, want)
					return
				}
				Find(ix, Answers{Who: []Audience{AudienceFarmers}, Where: "vinje"})
			}
		})
	}
	wg.Wait()
}

// A query of more words than a search box holds is cut short, not a crash.
func TestSearchLongQuery(t *testing.T) {
	ix := testIndex(t)
	var b strings.Builder
	for i := range 100 {
		fmt.Fprintf(&b, "ord%d ", i)
	}
	b.WriteString("bustad")
	if res := ix.Search(Query{Text: b.String()}); len(res.Hits) != 0 {
		t.Errorf("the 101st word was searched for: %v", ids(res.Hits))
	}
}

func TestIndexScheme(t *testing.T) {
	ix := testIndex(t)
	if s, ok := ix.Scheme("skattefunn"); !ok || s.Name.In(LangNB) != "SkatteFUNN" {
		t.Errorf("Scheme(skattefunn) = %v, %v", s, ok)
	}
	if _, ok := ix.Scheme("nope"); ok {
		t.Error("Scheme(nope) found something")
	}
}
