package scheme

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Compound words. Norwegian writes compounds as one word ("bustadtilskot",
// "omsorgsbustader", "søknadsfrist"), and people search for their parts. The
// splitting here is deliberately simple: a word is split where its longest
// ending is a word of the equivalents table (inflected or not), and the part
// before it gives a term too if it is such a word itself, with or without a
// linking -s or -e ("omsorgs-", "bygde-"), or if it splits the same way. A
// word with no such ending gives the term of the longest table word it
// starts with, if at least four letters follow and it is not a table word
// itself ("bustadpolitikk" gives bustad).
//
// Its limits, known and accepted:
//   - only the table's words are found as parts; "mikrolån" gives lån, not
//     mikro;
//   - parts are at least three letters, so "bu" in "bustad" is never split off;
//   - a word that merely starts like a table word is split too: "husbanken"
//     also gives hus;
//   - a word that merely ends like a table word is split all the same:
//     "samarbeid" also gives arbeid, "utleier" also gives eier. Words where
//     that would mislead badly are listed in unsplittable;
//   - an inflected ending is recognised only when the stemmer brings the
//     ending to the table word's stem ("-bustader" does, "-ungdommen" needs
//     its own line in the table).
const minPart = 3

// minRest is how many letters must follow a table word at the start of a
// word for it to count as a part, so that "stadion" does not give stad.
const minRest = 4

// unsplittable are words that end in a table word without being a compound
// of it.
var unsplittable = map[string]bool{
	"konkurs": true, // bankruptcy, not a course
}

// vocabulary is the equivalents table prepared for lookups.
type vocabulary struct {
	// canon maps a stem to the term of its group.
	canon map[string]string
	// words maps each word of the table, as written, to its term.
	words map[string]string
	// byStart holds the table's words by their first two letters, longest
	// first, for finding the words a compound's ending may start with.
	byStart map[string][]string
	// conflicts are stems that two groups claim; the first group keeps
	// them. The tests require there to be none.
	conflicts []string
}

var vocab = newVocabulary(equivalents)

func newVocabulary(groups [][]string) *vocabulary {
	v := &vocabulary{canon: map[string]string{}, words: map[string]string{}, byStart: map[string][]string{}}
	for _, g := range groups {
		t := stem(g[0])
		for _, w := range g {
			s := stem(w)
			if c, ok := v.canon[s]; ok && c != t {
				v.conflicts = append(v.conflicts, w+" → "+s+" (also "+c+")")
				continue
			}
			v.canon[s] = t
		}
	}
	for _, g := range groups {
		for _, w := range g {
			v.words[w] = v.term(w)
			k := start(w)
			v.byStart[k] = append(v.byStart[k], w)
		}
	}
	for _, ws := range v.byStart {
		slices.SortFunc(ws, func(a, b string) int { return len(b) - len(a) })
	}
	return v
}

// term is a word's search term: its stem, or its group's term when the stem
// belongs to a group of the table.
func (v *vocabulary) term(w string) string {
	s := stem(w)
	if c, ok := v.canon[s]; ok {
		return c
	}
	return s
}

// split returns the terms of the table's words that w is compounded of,
// appended to out. It returns out unchanged when w is not such a compound.
func (v *vocabulary) split(w string, out []string) []string {
	if unsplittable[w] {
		return out
	}
	n := utf8.RuneCountInString(w)
	i, runes := 0, 0
	for i < len(w) {
		// i is the byte offset of the rune numbered runes: try the ending
		// that starts there, longest first.
		if runes >= minPart && n-runes >= minPart {
			if t, ok := v.ending(w[i:]); ok {
				return append(v.prefix(w[:i], out), t)
			}
		}
		_, size := utf8.DecodeRuneInString(w[i:])
		i += size
		runes++
	}
	return out
}

// beginning returns the term of the longest table word that w starts with
// and goes on at least minRest letters after. It is for words that split no
// other way and are not table words themselves: "veiledning" starts with
// "vei" but is a word of its own.
func (v *vocabulary) beginning(w string) (string, bool) {
	if _, known := v.canon[stem(w)]; known {
		return "", false
	}
	for _, c := range v.byStart[start(w)] {
		if strings.HasPrefix(w, c) && utf8.RuneCountInString(c) >= minPart &&
			utf8.RuneCountInString(w[len(c):]) >= minRest {
			return v.words[c], true
		}
	}
	return "", false
}

// ending returns the term of the table word that s is, or starts with and
// inflects.
func (v *vocabulary) ending(s string) (string, bool) {
	var stemmed string
	for _, c := range v.byStart[start(s)] {
		if !strings.HasPrefix(s, c) {
			continue
		}
		t := v.words[c]
		if s == c {
			return t, true
		}
		if stemmed == "" {
			stemmed = v.term(s)
		}
		if stemmed == t {
			return t, true
		}
	}
	return "", false
}

// prefix appends the terms of the part before a compound's last part: the
// part itself if it is a table word, bare or with a linking -s or -e, or
// else its own parts.
func (v *vocabulary) prefix(p string, out []string) []string {
	for _, c := range []string{p, strings.TrimSuffix(p, "s"), strings.TrimSuffix(p, "e")} {
		if t, ok := v.words[c]; ok {
			return append(out, t)
		}
	}
	return v.split(p, out)
}

// start is the first two letters of a word, the key of byStart.
func start(w string) string {
	_, a := utf8.DecodeRuneInString(w)
	_, b := utf8.DecodeRuneInString(w[a:])
	return w[:a+b]
}
