package scheme

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Suggestion is, for one word of a query that no scheme has, the words the
// catalogue uses that are nearest to it, nearest first: what a person who
// typed "bustd" or "næring" more likely meant.
type Suggestion struct {
	// Word is the word as typed, in lower case.
	Word string `json:"word"`
	// Instead are words of the catalogue's text, as written there.
	Instead []string `json:"instead"`
}

// vocabWord is one word of the catalogue's text, as written (in lower case),
// with the term it gives, for suggesting words to a search that found
// nothing.
type vocabWord struct {
	word string
	term string
}

// maxSuggestions is how many words are suggested for each word not found.
const maxSuggestions = 3

// catalogueWords lists the words the catalogue's text uses, from the analyser's
// cache of them, leaving out words too short or too numeric to suggest.
func catalogueWords(cache map[string]analysed) []vocabWord {
	out := make([]vocabWord, 0, len(cache))
	for w, a := range cache {
		if utf8.RuneCountInString(w) < 3 || strings.ContainsAny(w, "0123456789") {
			continue
		}
		out = append(out, vocabWord{word: w, term: a.main})
	}
	slices.SortFunc(out, func(a, b vocabWord) int { return strings.Compare(a.word, b.word) })
	return out
}

// suggest finds, for each query word that no scheme matched, the nearest
// words of the vocabulary: those within a few edits of it (more for a longer
// word), and those it begins (a word cut short, "nærings" for
// "næringsfond"). Nearer first, then words of more schemes, then
// alphabetically.
func (ix *Index) suggest(qws []queryWord, tm textMatch) []Suggestion {
	var out []Suggestion
	for i, qw := range qws {
		bit := uint64(1) << i
		if slices.ContainsFunc(tm.mask, func(m uint64) bool { return m&bit != 0 }) {
			continue
		}
		for _, typed := range qw.words {
			if s := ix.nearest(typed); len(s.Instead) > 0 {
				out = append(out, s)
			}
		}
	}
	return out
}

func (ix *Index) nearest(typed string) Suggestion {
	type cand struct {
		word    string
		term    string
		dist    int
		schemes int
	}
	n := utf8.RuneCountInString(typed)
	limit := 1
	switch {
	case n >= 8:
		limit = 3
	case n >= 5:
		limit = 2
	}
	var cands []cand
	for _, v := range ix.vocab {
		if len(ix.postings[v.term]) == 0 {
			continue
		}
		d := editDistance(typed, v.word, limit)
		if d > limit && (n < 3 || !strings.HasPrefix(v.word, typed)) {
			continue
		}
		if d > limit {
			d = limit + 1 // a longer word it begins: after every near one
		}
		cands = append(cands, cand{word: v.word, term: v.term, dist: d, schemes: len(ix.postings[v.term])})
	}
	slices.SortFunc(cands, func(a, b cand) int {
		return cmp.Or(a.dist-b.dist, b.schemes-a.schemes, strings.Compare(a.word, b.word))
	})
	s := Suggestion{Word: typed}
	terms := map[string]bool{}
	for _, c := range cands {
		// Words of one term ("bustad", "bustader") are one suggestion.
		if terms[c.term] {
			continue
		}
		terms[c.term] = true
		s.Instead = append(s.Instead, c.word)
		if len(s.Instead) == maxSuggestions {
			break
		}
	}
	return s
}

// editDistance is the optimal-string-alignment distance between a and b
// in runes (insertions, deletions, substitutions and swaps of neighbours),
// or limit+1 once it is certain to be more than limit.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], limit+1)
}
