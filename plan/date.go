package plan

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision says how much of a date is known. Plans often give a decision
// only to the month ("november 2022") or the year; planverk keeps what is
// known rather than invent a day.
type Precision uint8

// The precisions of a date. The zero value is a whole date, so that a Date
// written as {2025, 6, 19} means that day.
const (
	PrecisionDay   Precision = iota // 2025-06-19
	PrecisionMonth                  // 2025-06
	PrecisionYear                   // 2025
)

// Date is a calendar date without a time of day or zone, known to the day,
// the month or the year. A date known to the month has Day 0; one known to
// the year has Month 0 as well.
type Date struct {
	Year      int
	Month     time.Month
	Day       int
	Precision Precision
}

// ParseDate reads a date written 2025-06-19 (as plan files write it) or
// 19.06.2025 (as Norwegian documents write it), a month written 2025-06 or
// 06.2025, or a year written 2025. It rejects dates that do not exist, such
// as 31.06.2025.
func ParseDate(s string) (Date, error) {
	t := strings.TrimSpace(s)
	bad := fmt.Errorf("%q is not a valid date: write it as 2025-06-19 or 19.06.2025, a month as 2025-06, or a year as 2025", s)
	if len(t) == 4 && strings.Trim(t, "0123456789") == "" {
		y, _ := strconv.Atoi(t)
		if y == 0 {
			return Date{}, bad
		}
		return Date{Year: y, Precision: PrecisionYear}, nil
	}
	var tm time.Time
	var err error
	prec := PrecisionDay
	switch dots := strings.Count(t, "."); {
	case dots == 2:
		tm, err = time.Parse("2.1.2006", t)
	case dots == 1:
		tm, err = time.Parse("1.2006", t)
		prec = PrecisionMonth
	case strings.Count(t, "-") == 1:
		tm, err = time.Parse("2006-01", t)
		prec = PrecisionMonth
	default:
		tm, err = time.Parse("2006-01-02", t)
	}
	if err != nil {
		return Date{}, bad
	}
	if prec == PrecisionMonth {
		return Date{Year: tm.Year(), Month: tm.Month(), Precision: PrecisionMonth}, nil
	}
	return Date{tm.Year(), tm.Month(), tm.Day(), PrecisionDay}, nil
}

// String writes the date as 2025-06-19, a month as 2025-06, a year as 2025.
func (d Date) String() string {
	switch d.Precision {
	case PrecisionYear:
		return fmt.Sprintf("%04d", d.Year)
	case PrecisionMonth:
		return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month))
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Time returns the first day the date can be, at midnight UTC, for
// formatting and storing.
func (d Date) Time() time.Time {
	switch d.Precision {
	case PrecisionYear:
		return time.Date(d.Year, time.January, 1, 0, 0, 0, 0, time.UTC)
	case PrecisionMonth:
		return time.Date(d.Year, d.Month, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// Last returns the last day the date can be: the date itself, the last day
// of its month, or 31 December of its year.
func (d Date) Last() time.Time {
	switch d.Precision {
	case PrecisionYear:
		return time.Date(d.Year, time.December, 31, 0, 0, 0, 0, time.UTC)
	case PrecisionMonth:
		return time.Date(d.Year, d.Month+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return d.Time()
}

// Before reports whether d certainly comes before e: whether the last day d
// can be is before the first day e can be. So "2022-11" is before
// "2022-12-01" but not before "2022-11-20", nor is "2022-11-20" before
// "2022-11": where the order is not known, neither is before the other,
// and a rule about the order says nothing.
func (d Date) Before(e Date) bool { return d.Last().Before(e.Time()) }

// UnmarshalText reads a date in any form ParseDate accepts.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalText writes the date as 2025-06-19, 2025-06 or 2025.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// Period is a span of whole years, both ends included. A period with no end
// (To 0) is open: it runs from From with no end decided, as some
// programmes do.
type Period struct {
	From int `yaml:"from" json:"from"`
	To   int `yaml:"to,omitempty" json:"to,omitempty"`
	// Note says why the period is open or disputed ("extended by the county
	// until further notice"), as the plan says it.
	Note string `yaml:"note,omitempty" json:"note,omitempty"`
}

// Open reports whether the period has no end.
func (p Period) Open() bool { return p.To == 0 }

// Contains reports whether the year lies within the period. Every year from
// the start lies within an open period.
func (p Period) Contains(year int) bool { return year >= p.From && (p.Open() || year <= p.To) }

// Markdown is text written in Markdown.
type Markdown string

// IsZero reports whether no date is given.
func (d Date) IsZero() bool { return d == Date{} }

// args adds the period's ends to a finding's arguments; an open period's
// end is empty, so that a message reads "2022–" rather than "2022–0".
func (p Period) args(a Args) Args {
	a["From"] = p.From
	if p.Open() {
		a["To"] = ""
	} else {
		a["To"] = p.To
	}
	return a
}
