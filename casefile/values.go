package casefile

import (
	"errors"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"planverk/followup"
	"planverk/i18n"
	"planverk/plan"
)

// cell is one cell as read: its text, and whether it came from a
// workbook, where numbers and dates are stored as numbers ("150000",
// "45828") rather than as the person typed them.
type cell struct {
	text     string
	workbook bool
}

// number is a workbook's stored number ("150000", "1.5E5", "0.5"); ok is
// false for text.
func (c cell) number() (float64, bool) {
	if !c.workbook {
		return 0, false
	}
	f, err := strconv.ParseFloat(c.text, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	return f, true
}

// amount reads whole kroner: a workbook's number, or text as plans and
// case systems write amounts ("150 000", "1 234,00", "kr 3.500.000,-"),
// read by plan.ParseAmount, so "1 234,50" has øre and is a problem. A
// qualifier before it ("inntil 150 000") gives the amount's kind.
func (c cell) amount() (plan.Amount, plan.AmountKind, string) {
	if f, ok := c.number(); ok {
		switch {
		case f != math.Trunc(f):
			return 0, "", CodeNotWhole
		case math.Abs(f) > 1e15:
			return 0, "", CodeNotAmount
		}
		return plan.Amount(int64(f)), "", ""
	}
	a, kind, err := plan.ParseQualifiedAmount(c.text)
	switch {
	case err == nil && a < 0:
		return 0, "", CodeNegative
	case err == nil:
		return a, kind, ""
	case errors.Is(err, plan.ErrAmountFraction):
		return 0, "", CodeNotWhole
	}
	return 0, "", CodeNotAmount
}

// date reads a date: a workbook's date (a day number), or text written
// 2025-06-19, 19.06.2025, 19/06/2025, a month or a year; a time of day
// after it ("2025-06-19 00:00:00", as exports write) is left out.
func (c cell) date() (plan.Date, string) {
	if f, ok := c.number(); ok && f > 366 && f < 2958466 {
		t, err := excelize.ExcelDateToTime(f, false)
		if err == nil {
			return plan.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}, ""
		}
	}
	t := strings.TrimSpace(c.text)
	if i := strings.IndexAny(t, " T"); i == 10 {
		t = t[:10]
	}
	if strings.Count(t, "/") == 2 {
		t = strings.ReplaceAll(t, "/", ".")
	}
	d, err := plan.ParseDate(t)
	if err != nil {
		if tm, err := time.Parse("2006-01-02 15:04:05", strings.TrimSpace(c.text)); err == nil {
			return plan.Date{Year: tm.Year(), Month: tm.Month(), Day: tm.Day()}, ""
		}
		return plan.Date{}, CodeNotDate
	}
	return d, ""
}

// share reads a support share: "50 %", "50%", "50", "12,5 %", "4/6", or
// a workbook's percentage as stored (0.5 for 50 %). It is written back as
// a percentage, as decisions state it.
func (c cell) share() (plan.Share, string) {
	t := strings.TrimSpace(c.text)
	if f, ok := c.number(); ok && f >= 0 && f <= 1 {
		r := new(big.Rat).SetFloat64(f * 100)
		if r == nil {
			return "", CodeNotShare
		}
		t = strings.TrimSuffix(strings.TrimRight(r.FloatString(2), "0"), ".") + " %"
	}
	if !strings.Contains(t, "%") && !strings.Contains(t, "/") {
		t += " %"
	}
	s := plan.Share(strings.ReplaceAll(t, "%", " %"))
	s = plan.Share(strings.Join(strings.Fields(string(s)), " "))
	r, err := s.Rat()
	if err != nil {
		return "", CodeNotShare
	}
	if r.Cmp(big.NewRat(1, 1)) > 0 {
		return "", CodeShareOver
	}
	return s, ""
}

// words is how a status or phase may be written: the key, its name on
// planverk's pages in every language, and what case systems write.
func words(prefix string, key string, extra ...string) []string {
	out := []string{key}
	for _, l := range i18n.Langs {
		out = append(out, i18n.T(l, prefix+key, nil))
	}
	return append(out, extra...)
}

var statusWords = func() map[string]followup.Status {
	extra := map[followup.Status][]string{
		followup.StatusIdea:        {"ide", "idé", "prosjektidé", "prosjektide"},
		followup.StatusApplication: {"søknad", "søkt", "mottatt", "motteke", "til behandling", "under behandling", "applied", "pending"},
		followup.StatusGranted:     {"innvilget", "innvilga", "tilsagn", "tilsagn gitt", "bevilget", "løyvd", "granted", "approved"},
		followup.StatusUnderway:    {"pågår", "pågåande", "pågående", "i gang", "under arbeid", "igangsatt", "aktiv", "ongoing", "in progress", "active", "underway"},
		followup.StatusFinished:    {"avsluttet", "avslutta", "ferdig", "fullført", "sluttrapportert", "sluttført", "finished", "completed", "closed"},
		followup.StatusCancelled:   {"avbrutt", "avbrote", "trukket", "trekt", "kansellert", "bortfalt", "cancelled", "canceled", "withdrawn"},
	}
	m := map[string]followup.Status{}
	for _, s := range followup.Statuses {
		for _, w := range words("followup.status.", string(s), extra[s]...) {
			m[normHeading(w)] = s
		}
	}
	return m
}()

var phaseWords = func() map[string]followup.Phase {
	extra := map[followup.Phase][]string{
		followup.PhasePreStudy:   {"forstudie", "forstudium", "prestudy", "pre study", "feasibility study"},
		followup.PhasePreProject: {"forprosjekt", "preproject", "pre project"},
		followup.PhaseMain:       {"hovedprosjekt", "hovudprosjekt", "main project", "main"},
	}
	m := map[string]followup.Phase{}
	for _, p := range followup.Phases {
		for _, w := range words("followup.phase.", string(p), extra[p]...) {
			m[normHeading(w)] = p
		}
	}
	return m
}()
