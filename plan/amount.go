package plan

import (
	"fmt"
	"strconv"
	"strings"
)

// Amount is a sum of money in whole Norwegian kroner.
type Amount int64

// ParseAmount reads an amount as plans write it: "10800000", "10 800 000"
// (with plain or no-break spaces), or the older "3.500.000,-". Øre are not
// allowed: planverk counts whole kroner.
func ParseAmount(s string) (Amount, error) {
	t := strings.TrimSpace(s)
	t = strings.TrimSuffix(t, ",-")
	neg := strings.HasPrefix(t, "-")
	t = strings.TrimPrefix(t, "-")
	var digits strings.Builder
	groups := strings.FieldsFunc(t, func(r rune) bool { return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '.' })
	for i, g := range groups {
		// Grouped digits must be grouped in threes, or "1 00 000" would pass.
		if len(groups) > 1 && ((i == 0 && len(g) > 3) || (i > 0 && len(g) != 3)) {
			return 0, fmt.Errorf("%q is not an amount in whole kroner", s)
		}
		digits.WriteString(g)
	}
	if digits.Len() == 0 || strings.Trim(digits.String(), "0123456789") != "" {
		return 0, fmt.Errorf("%q is not an amount in whole kroner", s)
	}
	n, err := strconv.ParseInt(digits.String(), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is too large an amount", s)
	}
	if neg {
		n = -n
	}
	return Amount(n), nil
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
