package plan

import (
	"strings"
)

// AmountKind says what an amount is, where it is not an exact sum: a
// ceiling ("inntil 150 000"), an estimate ("ca. 150 000") or a minimum
// ("min. 150 000"). The zero value is an exact amount.
type AmountKind string

// The kinds of amount.
const (
	AmountExact    AmountKind = ""
	AmountCeiling  AmountKind = "ceiling"
	AmountEstimate AmountKind = "estimate"
	AmountMinimum  AmountKind = "minimum"
)

// AmountKinds lists the kinds a plan file may name.
var AmountKinds = []AmountKind{AmountCeiling, AmountEstimate, AmountMinimum}

// qualifiers are the words plans put before an amount that is not exact,
// longest first so that "inntil" is not read as "inn".
var qualifiers = []struct {
	word string
	kind AmountKind
}{
	{"inntil", AmountCeiling}, {"opptil", AmountCeiling}, {"maks.", AmountCeiling}, {"maks", AmountCeiling}, {"up to", AmountCeiling}, {"at most", AmountCeiling},
	{"omtrent", AmountEstimate}, {"ca.", AmountEstimate}, {"ca", AmountEstimate}, {"cirka", AmountEstimate},
	{"about", AmountEstimate}, {"approx.", AmountEstimate}, {"anslått", AmountEstimate},
	{"minimum", AmountMinimum}, {"minst", AmountMinimum}, {"min.", AmountMinimum}, {"at least", AmountMinimum},
}

// ParseQualifiedAmount reads an amount with the word a plan writes before
// it when it is not exact: "inntil 150 000" is a ceiling of 150 000,
// "ca. 2 000 000" an estimate, "min. 50 000" a minimum. An amount without
// such a word is exact. Everything after the word is read as ParseAmount
// reads it.
func ParseQualifiedAmount(s string) (Amount, AmountKind, error) {
	t := strings.TrimSpace(s)
	lower := strings.ToLower(t)
	kind := AmountExact
	for _, q := range qualifiers {
		if rest, ok := strings.CutPrefix(lower, q.word); ok && (rest == "" || rest[0] == ' ' || strings.HasSuffix(q.word, ".") || isDigit(rest[0])) {
			kind = q.kind
			t = strings.TrimSpace(t[len(q.word):])
			break
		}
	}
	a, err := ParseAmount(t)
	if err != nil {
		return 0, "", err
	}
	return a, kind, nil
}

// Bound is what a sum of amounts of several kinds is: exact where every
// amount is exact, at most where some are ceilings, at least where some
// are minimums, about where some are estimates. A sum of ceilings and
// minimums, or of an estimate with either, is only approximate.
func Bound(kinds ...AmountKind) AmountKind {
	out := AmountExact
	for _, k := range kinds {
		switch {
		case k == AmountExact || k == out:
		case out == AmountExact:
			out = k
		default:
			out = AmountEstimate
		}
	}
	return out
}

// AmountQualifierWords lists the words ParseQualifiedAmount reads before an
// amount, for the plan-file schema.
func AmountQualifierWords() []string {
	out := make([]string, len(qualifiers))
	for i, q := range qualifiers {
		out[i] = q.word
	}
	return out
}
