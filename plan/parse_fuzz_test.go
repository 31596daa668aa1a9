package plan

import (
	"strings"
	"testing"
)

// The parsers read what people type into forms and plan files. Whatever they
// are given they answer with a value or an error, never a panic or a long
// computation, and what they accept reads back the same.

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"10800000", "10 800 000", "3.500.000,-", "-5", "1 00 000", "", "9223372036854775808", "1\u00a0000", "1 000 000 kr", "kr 3 500 000", "1 000,50", "NOK 1\u202f000", "1,000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseAmount(s)
		if err != nil {
			return
		}
		back, err := ParseAmount(a.String())
		if err != nil || back != a {
			t.Errorf("ParseAmount(%q) = %d, whose String %q reads back as %d, %v", s, a, a.String(), back, err)
		}
	})
}

func FuzzShareRat(f *testing.F) {
	for _, s := range []string{"60 %", "12,5 %", "4/6", "0/1", "1/0", "-1/2", "1e9 %", "%", "/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := Share(s).Rat()
		if err == nil && r.Sign() < 0 {
			t.Errorf("Share(%q).Rat() = %v, a negative share", s, r)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2025-06-19", "19.06.2025", "31.06.2025", "2025-02-29", "1.1.0001", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if strings.HasPrefix(d.String(), "-") {
			return // a year before 1 is written as no date can be read
		}
		back, err := ParseDate(d.String())
		if err != nil || back != d {
			t.Errorf("ParseDate(%q) = %v, which reads back as %v, %v", s, d, back, err)
		}
	})
}
