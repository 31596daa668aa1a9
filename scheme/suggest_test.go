package scheme

import (
	"slices"
	"testing"
)

// Three words, no scheme with all of them: those with two come first, ranked
// by score, and each hit says how many it matched.
func TestSearchMostWords(t *testing.T) {
	ix := testIndex(t)
	res := ix.Search(Query{Text: "lån bustad ubåt"})
	if res.Words != 3 || !res.Fallback {
		t.Fatalf("Words = %d, Fallback = %v", res.Words, res.Fallback)
	}
	if len(res.Hits) == 0 || !slices.Contains(ids(res.Hits), "husbanken-startlan") {
		t.Fatalf("lån bustad ubåt finds %v", ids(res.Hits))
	}
	for _, h := range res.Hits {
		if h.Words != 2 || len(h.Matched) != 2 {
			t.Errorf("%s matched %d words %q; only those with two of three should be found", h.Scheme.ID, h.Words, h.Matched)
		}
	}
	for i := 1; i < len(res.Hits); i++ {
		if a, b := res.Hits[i-1], res.Hits[i]; a.Scheme.Discontinued() == b.Scheme.Discontinued() && a.Score < b.Score {
			t.Errorf("%s (%.2f) before %s (%.2f)", a.Scheme.ID, a.Score, b.Scheme.ID, b.Score)
		}
	}
}

// A scheme with every word ranks before one with most of them, and both are
// found: the missing word does not hide the second.
func TestSearchAllBeforeMost(t *testing.T) {
	ix := testIndex(t)
	res := ix.Search(Query{Text: "tilskot bustad energi"})
	if res.Fallback || len(res.Hits) < 2 {
		t.Fatalf("hits %v, fallback %v", ids(res.Hits), res.Fallback)
	}
	if h := res.Hits[0]; h.Scheme.ID != "husbanken-tilskot-energitiltak" || h.Words != 3 {
		t.Errorf("first %s with %d words", h.Scheme.ID, h.Words)
	}
	var most bool
	for _, h := range res.Hits[1:] {
		most = most || h.Words == 2
		if h.Words < 2 {
			t.Errorf("%s matched only %q", h.Scheme.ID, h.Matched)
		}
	}
	if !most {
		t.Errorf("no hit with two of three words: %v", ids(res.Hits))
	}
}

func TestMinWords(t *testing.T) {
	for n, want := range []int{0, 1, 2, 2, 3, 4, 4} {
		if got := minWords(n); got != want {
			t.Errorf("minWords(%d) = %d, want %d", n, got, want)
		}
	}
}

// A search with no hits suggests the nearest words the catalogue uses: a
// typo, and a word cut short.
func TestSearchSuggestsNearestWords(t *testing.T) {
	ix := testIndex(t)
	res := ix.Search(Query{Text: "bustd"})
	if len(res.Hits) != 0 || len(res.Suggestions) != 1 {
		t.Fatalf("hits %v, suggestions %v", ids(res.Hits), res.Suggestions)
	}
	if s := res.Suggestions[0]; s.Word != "bustd" || len(s.Instead) == 0 || s.Instead[0] != "bustad" {
		t.Errorf("bustd: %+v", s)
	}
	res = ix.Search(Query{Text: "reiseli"})
	if len(res.Suggestions) != 1 || !slices.Contains(res.Suggestions[0].Instead, "reiseliv") {
		t.Errorf("reiseli: %+v", res.Suggestions)
	}
	// Nothing near: nothing suggested.
	if res := ix.Search(Query{Text: "xqzzyw"}); len(res.Suggestions) != 0 {
		t.Errorf("xqzzyw: %+v", res.Suggestions)
	}
	// Hits: no suggestions.
	if res := ix.Search(Query{Text: "bustad"}); len(res.Suggestions) != 0 {
		t.Errorf("bustad: %+v", res.Suggestions)
	}
}

// Each filter says how many schemes the search would find without it.
func TestSearchRelaxed(t *testing.T) {
	ix := testIndex(t)
	res := ix.Search(Query{Text: "bustad", Filters: map[Facet][]string{
		FacetKind:     {"guarantee"},
		FacetAudience: {"households"},
	}})
	if len(res.Hits) != 0 {
		t.Fatalf("hits %v", ids(res.Hits))
	}
	without := func(f Facet) int {
		return len(ix.Search(Query{Text: "bustad", Filters: map[Facet][]string{FacetAudience: {"households"}, FacetKind: {"guarantee"}, f: nil}}).Hits)
	}
	want := []Relaxed{{FacetKind, without(FacetKind)}, {FacetAudience, without(FacetAudience)}}
	if !slices.Equal(res.Relaxed, want) || want[0].Count == 0 {
		t.Errorf("Relaxed = %v, want %v", res.Relaxed, want)
	}
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"bustad", "bustad", 0}, {"bustd", "bustad", 1}, {"bsutad", "bustad", 1},
		{"lån", "lan", 1}, {"tilskot", "tilskudd", 3}, {"a", "abcdef", 3},
	} {
		if got := editDistance(c.a, c.b, 2); got != min(c.want, 3) {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, min(c.want, 3))
		}
	}
}
