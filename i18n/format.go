package i18n

import (
	"math/big"
	"strconv"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"

	"planverk/plan"
)

// Amounts are grouped with no-break spaces in every language, as Norwegian
// public documents write kroner; only the decimal sign of a percentage
// follows the language.
var groupPrinter = message.NewPrinter(language.MustParse("nb"))

// Amount writes whole kroner as "10 800 000", grouped with no-break spaces.
func Amount(a plan.Amount) string {
	return groupPrinter.Sprint(number.Decimal(int64(a)))
}

// Percent writes a percentage (60 for 60 %) with one decimal, or more where
// one would round it to a whole number, and a
// no-break space before the sign: "60 %", "74,9 %" (nb, nn), "74.9 %" (en).
func Percent(lang Lang, p *big.Rat) string {
	f, _ := p.Float64()
	var s string
	if p.IsInt() {
		s = p.RatString()
	} else {
		// One decimal, or as many more (up to four) as it takes not to show
		// a share that is not whole as if it were: 99,99 % is not 100 %.
		for prec := 1; prec <= 4; prec++ {
			s = strings.TrimRight(strconv.FormatFloat(f, 'f', prec, 64), "0")
			if !strings.HasSuffix(s, ".") {
				break
			}
		}
		s = strings.TrimSuffix(s, ".")
	}
	if lang != English {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s + "\u00a0%"
}

// Date writes a date as 19.06.2025, the form Norwegian documents use in
// every language; a date known only to the month as "november 2022" (in
// the language), and one known only to the year as "2022".
func Date(lang Lang, d plan.Date) string {
	switch d.Precision {
	case plan.PrecisionYear:
		return strconv.Itoa(d.Year)
	case plan.PrecisionMonth:
		return T(lang, "date.month."+strconv.Itoa(int(d.Month)), nil) + " " + strconv.Itoa(d.Year)
	}
	return d.Time().Format("02.01.2006")
}
