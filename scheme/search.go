package scheme

import (
	"math/bits"
	"slices"
)

// Query is one search of the catalogue.
type Query struct {
	// Text is what the person typed, in bokmål or nynorsk. Empty (or only
	// stop words) lists every scheme.
	Text string
	// Filters narrow the search: the values of one facet are alternatives
	// (kind loan or grant), different facets must all hold (a loan, and for
	// farmers). A facet this package does not know is ignored.
	Filters map[Facet][]string
	// Lang is the language the page is written in; schemes are sorted by
	// their names in it. Anything but LangNN sorts by the bokmål name.
	Lang Lang
}

// Hit is one scheme found.
type Hit struct {
	Scheme *Scheme `json:"scheme"`
	Score  float64 `json:"score"`
	// Matched are the words of the query, as typed but in lower case, that
	// the scheme matched.
	Matched []string `json:"matched,omitempty"`
	// Words is how many of the query's words the scheme matched, out of
	// Result.Words; words that mean the same ("bolig bustad") count once.
	Words int `json:"words"`
}

// Result is what a search found.
type Result struct {
	Hits []Hit `json:"hits"`
	// Facets are, for every facet, how many of the schemes the text found
	// have each value, counting with every other facet's filters applied:
	// the numbers a page shows beside each choice.
	Facets map[Facet][]FacetCount `json:"facets"`
	// Words is how many words of the query were searched for: what a hit's
	// Words is out of.
	Words int `json:"words"`
	// Fallback is true when no scheme matched every word of the query, so
	// that every hit matches only some of them.
	Fallback bool `json:"fallback"`
	// Suggestions are, when nothing was found, the words the catalogue
	// uses that are nearest to each word of the query that no scheme has.
	Suggestions []Suggestion `json:"suggestions,omitempty"`
	// Relaxed are, for each facet the query filters on, how many schemes
	// the search would find without that facet's filter, for a page to
	// offer fewer filters when there are few or no hits. In the order of
	// Facets.
	Relaxed []Relaxed `json:"relaxed,omitempty"`
	// Terms are the glossary terms the query names, for the page to explain.
	Terms []*Term `json:"terms,omitempty"`
}

// maxWords is how many different words of a query are searched for; the
// rest are ignored. Nobody types more into a search box, and a word's place
// in the query fits a bit of a uint64.
const maxWords = 64

// queryWord is one word of a query, or one glossary phrase of several
// words, with the alternatives that match it: each alternative is terms that
// must all occur in a scheme.
type queryWord struct {
	words []string
	alts  [][]string
}

// Relaxed is how many schemes a search would find without one facet's
// filter.
type Relaxed struct {
	Facet Facet `json:"facet"`
	Count int   `json:"count"`
}

// Search finds the schemes that match q.
//
// A word matches a scheme whose text has the word's term, a synonym from
// the glossary, or, for a compound word that no scheme uses, the terms of
// all of its parts. A scheme is found when it matches most of the words
// (minWords): people type more words than a scheme's text has, and one
// missing word should not hide the scheme that has the rest. When no scheme
// matches that many, the schemes that match any word are found. Hits come
// by the number of words matched, then score, then name in Norwegian order
// (æ, ø, å after z); without text, by name. Discontinued schemes come after
// all others unless the query filters on status, in which case the person
// has asked for them.
func (ix *Index) Search(q Query) Result {
	qws, terms := ix.parse(q.Text)
	tm := ix.match(qws)
	all := uint64(1)<<len(qws) - 1
	need := minWords(len(qws))
	want := func(mask uint64) bool { return bits.OnesCount64(mask) >= need }
	if len(qws) > 1 && !slices.ContainsFunc(tm.mask, want) {
		want = func(mask uint64) bool { return mask != 0 }
	}
	fallback := len(qws) > 1 && !slices.Contains(tm.mask, all)

	f := ix.facets.filters(q.Filters)
	counts := ix.facets.counter()
	lang := 0
	if q.Lang == LangNN {
		lang = 1
	}
	demote := len(q.Filters[FacetStatus]) == 0
	var relaxed [numFacets]int
	matches := 0
	for _, m := range tm.mask {
		if want(m) {
			matches++
		}
	}
	found := make([]sortKey, 0, matches)
	for i := range ix.docs {
		if !want(tm.mask[i]) {
			continue
		}
		d := &ix.docs[i]
		n, last := f.failing(d)
		counts.add(d, n, last)
		if n == 1 {
			relaxed[last]++
		}
		if n == 0 {
			found = append(found, sortKey{
				doc: int32(i), demoted: demote && d.discontinued, words: bits.OnesCount64(tm.mask[i]),
				score: tm.score[i], byName: d.byName[lang],
			})
		}
	}
	slices.SortFunc(found, sortKey.compare)

	res := Result{Hits: make([]Hit, len(found)), Facets: counts.result(&ix.facets, f), Words: len(qws), Fallback: fallback}
	for i, on := range f.on {
		if on != nil {
			res.Relaxed = append(res.Relaxed, Relaxed{Facet: facetOrder[i], Count: relaxed[i] + len(found)})
		}
	}
	if len(found) == 0 {
		res.Suggestions = ix.suggest(qws, tm)
	}
	// All hits' Matched share one array, each capped to its own part.
	var words []string
	for k, key := range found {
		i := key.doc
		start := len(words)
		words = appendMatched(words, qws, tm.mask[i])
		res.Hits[k] = Hit{Scheme: ix.docs[i].scheme, Score: tm.score[i], Matched: words[start:len(words):len(words)], Words: key.words}
	}
	for _, t := range terms {
		res.Terms = append(res.Terms, &ix.glossary[t])
	}
	return res
}

// minWords is how many of a query's n words a scheme must match to be
// found: all of one or two, and two thirds of more, rounded up ("most").
func minWords(n int) int {
	return n - n/3
}

// sortKey is what hits are sorted by, copied out of the index so that
// sorting, most of the work of a search that matches the whole catalogue,
// stays within one slice.
type sortKey struct {
	doc     int32
	byName  int32
	demoted bool
	words   int
	score   float64
}

// compare orders demoted (discontinued) hits last, then by words matched,
// score and name. Each comparison is written out rather than put through
// cmp.Or, which would work out every one of them every time.
func (a sortKey) compare(b sortKey) int {
	if c := cmpBool(a.demoted, b.demoted); c != 0 {
		return c
	}
	if c := b.words - a.words; c != 0 {
		return c
	}
	switch {
	case a.score > b.score:
		return -1
	case a.score < b.score:
		return 1
	}
	return int(a.byName - b.byName)
}

// cmpBool orders false before true.
func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// appendMatched appends the words of the query words in mask.
func appendMatched(out []string, qws []queryWord, mask uint64) []string {
	for i, qw := range qws {
		if mask&(1<<i) != 0 {
			out = append(out, qw.words...)
		}
	}
	return out
}

// textMatch is, for every scheme, its score and which query words it
// matched, one bit per word.
type textMatch struct {
	score []float64
	mask  []uint64
}

// match scores every scheme against the query words. A scheme's score for a
// word is the sum of the scores of the word's alternatives it has; its score
// is the sum over words. With no words, every scheme matches with score 0.
func (ix *Index) match(qws []queryWord) textMatch {
	tm := textMatch{score: make([]float64, len(ix.docs)), mask: make([]uint64, len(ix.docs))}
	for i, qw := range qws {
		bit := uint64(1) << i
		for _, alt := range qw.alts {
			if len(alt) == 1 {
				for _, p := range ix.postings[alt[0]] {
					tm.score[p.doc] += float64(p.score)
					tm.mask[p.doc] |= bit
				}
				continue
			}
			// Every term of alt must be there: count them per scheme.
			sum := map[int32]float64{}
			seen := map[int32]int{}
			for _, t := range alt {
				for _, p := range ix.postings[t] {
					sum[p.doc] += float64(p.score)
					seen[p.doc]++
				}
			}
			for d, n := range seen {
				if n == len(alt) {
					tm.score[d] += sum[d]
					tm.mask[d] |= bit
				}
			}
		}
	}
	return tm
}

// parse reads a query's text into words to match, and the glossary terms it
// names. Words that give the same term ("bolig bustad") are one word. A run
// of words that is a word of a glossary term ("BU-midlar") is one word too,
// which matches any word of that term.
func (ix *Index) parse(text string) ([]queryWord, []int) {
	var as []analysed
	for _, w := range words(text) {
		if a, ok := analyseWord(w, nil); ok {
			as = append(as, a)
		}
	}
	var qws []queryWord
	var terms []int
	for i := 0; i < len(as); {
		qw := queryWord{words: []string{as[i].word}, alts: [][]string{{as[i].main}}}
		if len(as[i].parts) > 1 && len(ix.postings[as[i].main]) == 0 {
			// A compound no scheme uses ("bustadtilskot") matches a scheme
			// that has all of its parts. One the catalogue uses
			// ("startlån") is searched as written: it is likely a name.
			// One known part alone ("mikrolån") says too little.
			qw.alts = append(qw.alts, as[i].parts)
		}
		n := 1
		if p, ok := ix.phraseAt(as, i); ok {
			n = len(p.terms)
			if n > 1 {
				qw = queryWord{alts: [][]string{p.terms}}
				for _, a := range as[i : i+n] {
					qw.words = append(qw.words, a.word)
				}
			}
			// Every word of every glossary term with this phrase.
			for _, q := range ix.phrases {
				if !slices.Equal(q.terms, p.terms) {
					continue
				}
				if !slices.Contains(terms, q.term) {
					terms = append(terms, q.term)
				}
				for _, r := range ix.phrases {
					if r.term == q.term && !containsAlt(qw.alts, r.terms) {
						qw.alts = append(qw.alts, r.terms)
					}
				}
			}
		}
		i += n
		if k := slices.IndexFunc(qws, func(o queryWord) bool { return slices.Equal(o.alts[0], qw.alts[0]) }); k >= 0 {
			qws[k].words = append(qws[k].words, qw.words...)
			continue
		}
		if len(qws) < maxWords {
			qws = append(qws, qw)
		}
	}
	return qws, terms
}

// phraseAt returns the longest glossary phrase the query's words spell from
// position i.
func (ix *Index) phraseAt(as []analysed, i int) (phrase, bool) {
	for _, p := range ix.phrases {
		if i+len(p.terms) > len(as) {
			continue
		}
		ok := true
		for k, t := range p.terms {
			if as[i+k].main != t {
				ok = false
				break
			}
		}
		if ok {
			return p, true
		}
	}
	return phrase{}, false
}

func containsAlt(alts [][]string, alt []string) bool {
	return slices.ContainsFunc(alts, func(a []string) bool { return slices.Equal(a, alt) })
}
