package scheme

import (
	"slices"
	"strings"
	"unicode"

	"github.com/kljensen/snowball/norwegian"
	"golang.org/x/text/unicode/norm"
)

// Analyse turns Norwegian text, bokmål or nynorsk, into search terms: the
// words that index and query are compared by.
//
// Each word is lower-cased after Unicode normalisation (NFC, so that "ô"
// typed as o + circumflex is the same as "ô"), stop words are dropped, and
// the rest is stemmed with the Snowball Norwegian stemmer, so that "tilskot",
// "tilskotet" and "tilskota" give one term. The stem is then looked up in the
// table of bokmål and nynorsk equivalents (equivalents.go), so that "bolig"
// and "bustad" give one term too. Diacritics are kept: "får" is not "far",
// "fôr" is not "for", "lån" is not "lan".
//
// A compound of words of the equivalents table also gives the terms of its
// parts (compound.go): "bustadtilskot" gives bustadtilskot, bustad and
// tilskot, so that a search for "tilskot" finds it.
//
// The terms come in the order of the words, each word's own term before its
// parts', and repeats are kept so that a caller can count them. A term is not
// meant to be shown: "bolig" gives "bol".
func Analyse(text string) []string {
	var out []string
	for _, w := range words(text) {
		a, ok := analyseWord(w, nil)
		if !ok {
			continue
		}
		out = append(out, a.main)
		out = append(out, a.parts...)
	}
	return out
}

// analysed is one word's terms: its own, and those of its compound parts.
type analysed struct {
	word  string
	main  string
	parts []string
}

// analyseWord analyses one lower-cased, normalised word. It returns false
// for a stop word. cache, when not nil, keeps words already analysed: a
// catalogue repeats its words, and stemming and splitting are most of the
// cost of building an index.
func analyseWord(w string, cache map[string]analysed) (analysed, bool) {
	if stopWords[w] {
		return analysed{}, false
	}
	if a, ok := cache[w]; ok {
		return a, true
	}
	a := analysed{word: w, main: vocab.term(w)}
	parts := vocab.split(w, nil)
	if len(parts) == 0 {
		if t, ok := vocab.beginning(w); ok {
			parts = append(parts, t)
		}
	}
	for _, p := range parts {
		if p != a.main && !slices.Contains(a.parts, p) {
			a.parts = append(a.parts, p)
		}
	}
	if cache != nil {
		cache[w] = a
	}
	return a, true
}

// words splits text into lower-cased, NFC-normalised words: runs of letters,
// digits and combining marks. Everything else, hyphens included, separates
// words, so "Midt-Telemark" is two words and "låne- og tilskotsordningar"
// three.
func words(text string) []string {
	text = strings.ToLower(norm.NFC.String(text))
	return strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
}

// stem is the Snowball Norwegian stem of a lower-cased word.
func stem(w string) string { return norwegian.Stem(w, true) }
