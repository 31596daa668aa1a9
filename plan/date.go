package plan

import (
	"fmt"
	"strings"
	"time"
)

// Date is a calendar date without a time of day or zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDate reads a date written 2025-06-19 (as plan files write it) or
// 19.06.2025 (as Norwegian documents write it), and rejects dates that do
// not exist, such as 31.06.2025.
func ParseDate(s string) (Date, error) {
	t := strings.TrimSpace(s)
	var tm time.Time
	var err error
	if strings.Contains(t, ".") {
		tm, err = time.Parse("2.1.2006", t)
	} else {
		tm, err = time.Parse("2006-01-02", t)
	}
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a valid date: write it as 2025-06-19 or 19.06.2025", s)
	}
	return Date{tm.Year(), tm.Month(), tm.Day()}, nil
}

// String writes the date as 2025-06-19.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) }

// Time returns the date at midnight UTC, for formatting and comparing.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Before reports whether d comes before e.
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// UnmarshalText reads a date in any form ParseDate accepts.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalText writes the date as 2025-06-19.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// Period is a span of whole years, both ends included.
type Period struct {
	From int `yaml:"from" json:"from"`
	To   int `yaml:"to" json:"to"`
}

// Contains reports whether the year lies within the period.
func (p Period) Contains(year int) bool { return year >= p.From && year <= p.To }

// Markdown is text written in Markdown.
type Markdown string

// IsZero reports whether no date is given.
func (d Date) IsZero() bool { return d == Date{} }
