package scheme

import (
	"bytes"
	"cmp"
	"math"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Index is a catalogue prepared for searching: every scheme's text analysed
// and scored once, its facet values and its place in name order in each
// language. It is built once (NewIndex) and never changed, so any number of
// goroutines may search it at the same time.
//
// Scoring is BM25 over fields with weights (BM25F in its simple form): a
// term's frequency in a scheme is the sum over fields of its count times the
// field's weight, and a scheme's length likewise, so that a word in the name
// counts four times a word in the criteria. Where a field is written in both
// languages, the two are versions of one text, not two texts: each term
// counts as often as in the version where it is commonest, and the field is
// as long as its longer version. Otherwise a scheme written in both languages
// would score twice a scheme written in one.
type Index struct {
	docs     []doc
	facets   facetIndex
	postings map[string][]posting
	glossary []Term
	// phrases are the glossary's words, analysed, longest first.
	phrases []phrase
	byID    map[string]int
	// vocab are the words the schemes' text uses, for suggesting words to a
	// search that finds nothing.
	vocab []vocabWord
}

// doc is one scheme as the index holds it.
type doc struct {
	scheme *Scheme
	facets [numFacets][]int32
	// byName is the scheme's place among all when sorted by name in each
	// language of Langs (then by id), worked out once so that sorting hits
	// compares numbers rather than collation keys.
	byName       [2]int32
	discontinued bool
}

// posting is a scheme a term occurs in, with the term's BM25 score there,
// computed when the index is built, since nothing it depends on changes.
type posting struct {
	doc   int32
	score float32
}

// phrase is one word of a glossary term, as the terms its words give.
type phrase struct {
	terms []string
	term  int // index in Index.glossary
}

// Field weights, and the BM25 constants in their usual values: k1 is how
// quickly repeats of a term stop adding to the score, b how much a long
// text's score is scaled down.
const (
	weightName        = 4
	weightAlsoKnownAs = 3
	weightSummary     = 2
	weightOther       = 1

	bm25K1 = 1.2
	bm25B  = 0.75
)

// NewIndex builds the index of a catalogue and its glossary. The index keeps
// its own copy of the two slices, and hits point into that copy; the maps and
// slices inside a scheme are shared, so leave them unchanged afterwards.
func NewIndex(schemes []Scheme, glossary []Term) *Index {
	ix := &Index{
		postings: map[string][]posting{},
		glossary: append([]Term(nil), glossary...),
		byID:     make(map[string]int, len(schemes)),
	}
	own := append([]Scheme(nil), schemes...)
	cache := map[string]analysed{}

	freqs := make([]map[string]float64, len(own))
	lengths := make([]float64, len(own))
	var total float64
	for i := range own {
		s := &own[i]
		if _, dup := ix.byID[s.ID]; !dup {
			ix.byID[s.ID] = i
		}
		ix.docs = append(ix.docs, doc{scheme: s, facets: ix.facets.add(s), discontinued: s.Discontinued()})
		freqs[i], lengths[i] = weigh(s, cache)
		total += lengths[i]
	}
	ix.rankNames()
	// Before the glossary's words join the cache: only words that schemes
	// use are worth suggesting.
	ix.vocab = catalogueWords(cache)

	avg := 1.0
	if len(own) > 0 && total > 0 {
		avg = total / float64(len(own))
	}
	df := map[string]int{}
	for _, f := range freqs {
		for t := range f {
			df[t]++
		}
	}
	n := float64(len(own))
	for i, f := range freqs {
		norm := bm25K1 * (1 - bm25B + bm25B*lengths[i]/avg)
		for t, tf := range f {
			idf := math.Log(1 + (n-float64(df[t])+0.5)/(float64(df[t])+0.5))
			score := idf * tf * (bm25K1 + 1) / (tf + norm)
			ix.postings[t] = append(ix.postings[t], posting{doc: int32(i), score: float32(score)})
		}
	}

	for i, t := range ix.glossary {
		for _, w := range t.Words() {
			var terms []string
			for _, tok := range words(w) {
				if a, ok := analyseWord(tok, cache); ok {
					terms = append(terms, a.main)
				}
			}
			if len(terms) > 0 {
				ix.phrases = append(ix.phrases, phrase{terms: terms, term: i})
			}
		}
	}
	// Longest first, so that a query is read as "BU-midlar" before "midlar".
	slices.SortStableFunc(ix.phrases, func(a, b phrase) int { return len(b.terms) - len(a.terms) })
	return ix
}

// rankNames sets each doc's place in name order. The order is Norwegian:
// æ, ø, å after z, and "aa" as å. x/text has no tailoring for "no" or "nb",
// so nynorsk's, which is the same, serves both.
func (ix *Index) rankNames() {
	coll := collate.New(language.MustParse("nn"), collate.Numeric)
	var buf collate.Buffer
	keys := make([][]byte, len(ix.docs))
	order := make([]int, len(ix.docs))
	for j, l := range Langs {
		buf.Reset()
		for i := range ix.docs {
			keys[i] = coll.KeyFromString(&buf, ix.docs[i].scheme.Name.In(l))
			order[i] = i
		}
		slices.SortFunc(order, func(a, b int) int {
			return cmp.Or(bytes.Compare(keys[a], keys[b]), cmp.Compare(ix.docs[a].scheme.ID, ix.docs[b].scheme.ID))
		})
		for rank, i := range order {
			ix.docs[i].byName[j] = int32(rank)
		}
	}
}

// weigh returns a scheme's weighted term frequencies and its weighted length.
func weigh(s *Scheme, cache map[string]analysed) (map[string]float64, float64) {
	f := map[string]float64{}
	var length float64
	add := func(weight float64, versions ...string) {
		// The versions of one text in each language: each term counts as
		// often as in the version where it is commonest.
		most := map[string]int{}
		longest := 0
		for _, v := range versions {
			counts := map[string]int{}
			n := 0
			for _, w := range words(v) {
				a, ok := analyseWord(w, cache)
				if !ok {
					continue
				}
				counts[a.main]++
				for _, p := range a.parts {
					counts[p]++
				}
				n++
			}
			for t, c := range counts {
				most[t] = max(most[t], c)
			}
			longest = max(longest, n)
		}
		for t, c := range most {
			f[t] += weight * float64(c)
		}
		length += weight * float64(longest)
	}
	text := func(weight float64, t Text) { add(weight, t[LangNB], t[LangNN]) }

	text(weightName, s.Name)
	add(weightAlsoKnownAs, strings.Join(s.AlsoKnownAs, "\n"))
	text(weightSummary, s.Summary)
	for _, t := range []Text{s.Criteria, s.Examples, s.Amounts, s.Contact, s.LocalGuidance} {
		text(weightOther, t)
	}
	add(weightOther, strings.Join(s.HowToApply.Steps[LangNB], "\n"), strings.Join(s.HowToApply.Steps[LangNN], "\n"))
	for _, d := range s.HowToApply.Deadline.Dates {
		text(weightOther, d.Note)
	}
	var plain []string
	plain = append(plain, s.ProviderName)
	for _, l := range s.Links {
		plain = append(plain, l.Title)
	}
	plain = append(plain, s.Areas...)
	add(weightOther, strings.Join(plain, "\n"))
	return f, length
}

// Scheme returns the scheme with the id, and false when there is none.
func (ix *Index) Scheme(id string) (*Scheme, bool) {
	i, ok := ix.byID[id]
	if !ok {
		return nil, false
	}
	return ix.docs[i].scheme, true
}

// Len is how many schemes the index holds.
func (ix *Index) Len() int { return len(ix.docs) }
