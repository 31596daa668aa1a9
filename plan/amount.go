package plan

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Amount is a sum of money in whole Norwegian kroner.
type Amount int64

// ErrAmountFraction is what ParseAmount answers, wrapped, for an amount with
// øre ("1 000,50", "12.5"): planverk counts whole kroner, and saying so is
// more help than "not an amount".
var ErrAmountFraction = errors.New("amounts are whole kroner, without øre")

// currencyWords are the words plans write before or after an amount, longest
// first so that "kr." is not read as "kr" and a stray dot.
var currencyWords = []string{"kr.", "kr", "nok"}

// ParseAmount reads an amount the ways plans, forms and spreadsheets write
// it: "10800000", "10 800 000" (grouped by plain, no-break or narrow
// no-break spaces, or by dots), "3.500.000,-", with "kr", "kr." or "NOK"
// before or after it ("1 000 000 kr", "kr 3 500 000"). It is the one parser
// of amounts: forms, plan files and table imports all read through it, so
// that each accepts what the others do. Øre are not allowed, and an amount
// with øre fails with ErrAmountFraction; ",00" is whole kroner and passes.
// What is ambiguous ("1,000": one krone or a thousand?) is refused.
func ParseAmount(s string) (Amount, error) {
	t := stripCurrency(strings.TrimSpace(s))
	for _, end := range []string{",-", ",–", ",00", ".00"} {
		if rest, ok := strings.CutSuffix(t, end); ok {
			t = strings.TrimSpace(rest)
			break
		}
	}
	neg := strings.HasPrefix(t, "-") || strings.HasPrefix(t, "\u2212")
	t = strings.TrimPrefix(strings.TrimPrefix(t, "-"), "\u2212")
	if whole, ok := cutDecimal(t); ok {
		if _, err := parseGrouped(whole); err == nil {
			return 0, fmt.Errorf("%q: %w", s, ErrAmountFraction)
		}
	}
	n, err := parseGrouped(t)
	if err != nil {
		return 0, fmt.Errorf("%q %w", s, err)
	}
	if neg {
		n = -n
	}
	return Amount(n), nil
}

// stripCurrency takes "kr", "kr." or "NOK" off either end of t.
func stripCurrency(t string) string {
	lower := strings.ToLower(t)
	for _, w := range currencyWords {
		if strings.HasSuffix(lower, w) {
			t, lower = strings.TrimSpace(t[:len(t)-len(w)]), strings.TrimSpace(lower[:len(lower)-len(w)])
			break
		}
	}
	for _, w := range currencyWords {
		if strings.HasPrefix(lower, w) {
			t = strings.TrimSpace(t[len(w):])
			break
		}
	}
	return t
}

// cutDecimal finds øre: a comma with digits after it ("1 000,50", "12,5"),
// or a dot with one or two digits after it ("12.50"), which a dot grouping
// thousands never has.
func cutDecimal(t string) (whole string, ok bool) {
	if i := strings.LastIndexByte(t, ','); i >= 0 {
		frac := t[i+1:]
		return t[:i], frac != "" && strings.Trim(frac, "0123456789") == "" && len(frac) != 3
	}
	if i := strings.LastIndexByte(t, '.'); i >= 0 {
		frac := t[i+1:]
		return t[:i], (len(frac) == 1 || len(frac) == 2) && strings.Trim(frac, "0123456789") == ""
	}
	return "", false
}

// errNotAmount is the error of anything that is not whole kroner.
var errNotAmount = errors.New("is not an amount in whole kroner")

// parseGrouped reads digits grouped in threes by spaces or dots.
func parseGrouped(t string) (int64, error) {
	var digits strings.Builder
	groups := strings.FieldsFunc(t, func(r rune) bool {
		return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '.'
	})
	for i, g := range groups {
		// Grouped digits must be grouped in threes, or "1 00 000" would pass.
		if len(groups) > 1 && ((i == 0 && len(g) > 3) || (i > 0 && len(g) != 3)) {
			return 0, errNotAmount
		}
		digits.WriteString(g)
	}
	if digits.Len() == 0 || strings.Trim(digits.String(), "0123456789") != "" {
		return 0, errNotAmount
	}
	n, err := strconv.ParseInt(digits.String(), 10, 64)
	if err != nil {
		return 0, errors.New("is too large an amount")
	}
	return n, nil
}

// String writes the amount grouped in thousands with plain spaces,
// "10 800 000", the form plan files use. Pages use i18n's formatting.
func (a Amount) String() string {
	s := strconv.FormatInt(int64(a), 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// UnmarshalText reads an amount in any form ParseAmount accepts.
func (a *Amount) UnmarshalText(b []byte) error {
	v, err := ParseAmount(string(b))
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// MarshalText writes the grouped form.
func (a Amount) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// MarshalYAML writes a plain integer: the canonical form of an amount in the
// files planverk writes, whatever form the plan was read in ("1 000 000 kr",
// "3.500.000,-"), so that every program reads them alike.
func (a Amount) MarshalYAML() (any, error) { return int64(a), nil }

// MarshalJSON writes a plain JSON number: machines read the API.
func (a Amount) MarshalJSON() ([]byte, error) { return []byte(strconv.FormatInt(int64(a), 10)), nil }

// UnmarshalJSON reads a JSON number or a string in any form ParseAmount accepts.
func (a *Amount) UnmarshalJSON(b []byte) error {
	s := string(b)
	if uq, err := strconv.Unquote(s); err == nil {
		s = uq
	}
	return a.UnmarshalText([]byte(s))
}

// Ptr returns a pointer to a copy of a, for optional amounts.
func (a Amount) Ptr() *Amount { return &a }
