package web

import (
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"planverk/i18n"
	"planverk/plan"
	"planverk/scheme"
)

// The scheme form has a field for everything a scheme holds. Texts are a
// pair of fields, NAME_nb and NAME_nn, one per written language; lists are
// one item a line (also_known_as, areas, steps_nb, steps_nn), or check
// boxes where the catalogue has a fixed set (kinds, audiences, stages,
// themes). Links are "title | url" a line. The deadline is the word for
// "continuous", or one date a line, each with its notes after bars:
// "15.03.2026 | Første runde | Første runde" (bokmål, then nynorsk).

// schemeTextField is one text of a scheme and the name of its fields.
type schemeTextField struct {
	name string
	text *scheme.Text
}

// schemeTexts are the scheme's texts with their form names, in the order
// the form shows them.
func schemeTexts(sc *scheme.Scheme) []schemeTextField {
	return []schemeTextField{
		{"name", &sc.Name}, {"summary", &sc.Summary}, {"criteria", &sc.Criteria},
		{"amounts", &sc.Amounts}, {"contact", &sc.Contact},
		{"local_guidance", &sc.LocalGuidance}, {"examples", &sc.Examples},
	}
}

// schemeValues fills the form with a scheme as it is. lang is the page's,
// whose word for "continuous" the deadline is written in.
func schemeValues(sc scheme.Scheme, lang i18n.Lang) url.Values {
	v := url.Values{}
	v.Set("id", sc.ID)
	for _, t := range schemeTexts(&sc) {
		for _, l := range scheme.Langs {
			v.Set(t.name+"_"+string(l), (*t.text)[l])
		}
	}
	v.Set("also_known_as", strings.Join(sc.AlsoKnownAs, "\n"))
	v.Set("provider", sc.Provider)
	v.Set("provider_name", sc.ProviderName)
	v.Set("level", string(sc.Level))
	v.Set("areas", strings.Join(sc.Areas, "\n"))
	v["kinds"] = strs(sc.Kinds)
	v["audiences"] = strs(sc.Audiences)
	v["stages"] = strs(sc.Stages)
	v["themes"] = strs(sc.Themes)
	v.Set("status", string(sc.Status))
	for _, l := range scheme.Langs {
		v.Set("steps_"+string(l), strings.Join(sc.HowToApply.Steps[l], "\n"))
	}
	v.Set("deadline", deadlineText(sc.HowToApply.Deadline, lang))
	var links []string
	for _, l := range sc.Links {
		links = append(links, l.Title+" | "+l.URL)
	}
	v.Set("links", strings.Join(links, "\n"))
	v.Set("source", sc.Source)
	if sc.Checked != (plan.Date{}) {
		v.Set("checked", formDate(sc.Checked))
	}
	v.Set("checked_by", sc.CheckedBy)
	return v
}

// deadlineText writes a deadline as the form's field holds it.
func deadlineText(d scheme.Deadline, lang i18n.Lang) string {
	if d.Continuous {
		return i18n.T(lang, "scheme-form.continuous-word", nil)
	}
	var lines []string
	for _, dd := range d.Dates {
		parts := []string{formDate(dd.Date), dd.Note[scheme.LangNB], dd.Note[scheme.LangNN]}
		for len(parts) > 1 && parts[len(parts)-1] == "" {
			parts = parts[:len(parts)-1]
		}
		lines = append(lines, strings.Join(parts, " | "))
	}
	return strings.Join(lines, "\n")
}

// applySchemeForm reads the form into sc, keeping its id, and checks it:
// first what only the form can get wrong (a date that is not a date, a link
// without an address), then the catalogue's own rules (scheme.Validate),
// each problem set beside the field it is about.
func applySchemeForm(fm *form, sc *scheme.Scheme, now time.Time) {
	for _, t := range schemeTexts(sc) {
		*t.text = formText(fm, t.name)
	}
	sc.AlsoKnownAs = formLines(fm.Raw("also_known_as"))
	sc.Provider = fm.Get("provider")
	sc.ProviderName = fm.Get("provider_name")
	sc.Level = scheme.Level(fm.Get("level"))
	sc.Areas = nil
	for _, a := range strings.FieldsFunc(fm.Raw("areas"), func(r rune) bool { return r == '\n' || r == ',' }) {
		if k := scheme.AreaKey(a); k != "" && !slices.Contains(sc.Areas, k) {
			sc.Areas = append(sc.Areas, k)
		}
	}
	sc.Kinds = formChoices[scheme.Kind](fm, "kinds")
	sc.Audiences = formChoices[scheme.Audience](fm, "audiences")
	sc.Stages = formChoices[scheme.Stage](fm, "stages")
	sc.Themes = formChoices[scheme.Theme](fm, "themes")
	sc.Status = scheme.Status(fm.Get("status"))
	sc.HowToApply.Steps = nil
	for _, l := range scheme.Langs {
		if steps := formLines(fm.Raw("steps_" + string(l))); len(steps) > 0 {
			if sc.HowToApply.Steps == nil {
				sc.HowToApply.Steps = scheme.Steps{}
			}
			sc.HowToApply.Steps[l] = steps
		}
	}
	sc.HowToApply.Deadline = formDeadline(fm)
	sc.Links = formLinks(fm)
	sc.Source = fm.Get("source")
	sc.Checked = plan.Date{}
	if c := fm.Get("checked"); c != "" {
		d, ok := parseFormDate(c)
		if !ok {
			fm.Fail("checked", "scheme-form.error-date", "Value", c)
		}
		sc.Checked = d
	}
	sc.CheckedBy = fm.Get("checked_by")

	for _, p := range sc.Validate(now) {
		schemeProblem(fm, sc, p)
	}
}

// formText reads the pair of fields of a text, without the space around
// each and with the line ends browsers send made plain. A text written in
// neither language is nil, as the catalogue writes it.
func formText(fm *form, name string) scheme.Text {
	var t scheme.Text
	for _, l := range scheme.Langs {
		s := strings.TrimSpace(strings.ReplaceAll(fm.Raw(name+"_"+string(l)), "\r\n", "\n"))
		if s == "" {
			continue
		}
		if t == nil {
			t = scheme.Text{}
		}
		t[l] = s
	}
	return t
}

// formLines reads one item a line, without empty lines and repeats.
func formLines(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" && !slices.Contains(out, line) {
			out = append(out, line)
		}
	}
	return out
}

// formChoices reads a group of check boxes, each value once.
func formChoices[T ~string](fm *form, name string) []T {
	out := []T{}
	for _, v := range fm.Values[name] {
		if v = strings.TrimSpace(v); v != "" && !slices.Contains(out, T(v)) {
			out = append(out, T(v))
		}
	}
	return out
}

// continuousWords are the words the deadline field takes for "apply at any
// time": the catalogue's own, and each language's.
func continuousWords() []string {
	out := []string{"continuous"}
	for _, l := range i18n.Langs {
		out = append(out, strings.ToLower(i18n.T(l, "scheme-form.continuous-word", nil)))
	}
	return out
}

func formDeadline(fm *form) scheme.Deadline {
	text := strings.TrimSpace(fm.Raw("deadline"))
	if slices.Contains(continuousWords(), strings.ToLower(text)) {
		return scheme.Deadline{Continuous: true}
	}
	var d scheme.Deadline
	for i, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		parts := strings.Split(line, "|")
		date, ok := parseFormDate(strings.TrimSpace(parts[0]))
		if !ok || len(parts) > 3 {
			fm.Fail("deadline", "scheme-form.error-deadline", "Line", i+1)
			continue
		}
		dd := scheme.DeadlineDate{Date: date}
		for k, l := range scheme.Langs {
			if k+1 < len(parts) {
				if note := strings.TrimSpace(parts[k+1]); note != "" {
					if dd.Note == nil {
						dd.Note = scheme.Text{}
					}
					dd.Note[l] = note
				}
			}
		}
		d.Dates = append(d.Dates, dd)
	}
	return d
}

// formLinks reads "title | url" a line. A line without a bar is taken as
// an address alone, which Validate then finds has no title.
func formLinks(fm *form) []scheme.Link {
	var out []scheme.Link
	for _, line := range strings.Split(fm.Raw("links"), "\n") {
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		title, u, ok := strings.Cut(line, "|")
		if !ok {
			title, u = "", title
		}
		out = append(out, scheme.Link{Title: strings.TrimSpace(title), URL: strings.TrimSpace(u)})
	}
	return out
}

// parseFormDate reads a date as Norwegians write it, 15.03.2026, or as
// ISO 8601, 2026-03-15 (plan.ParseDate reads both).
func parseFormDate(s string) (plan.Date, bool) {
	d, err := plan.ParseDate(s)
	return d, err == nil
}

// problemField splits a problem's field, "kinds[1]" or "links[0].url", into
// its first name, the index after it (-1 for none) and what follows.
var problemField = regexp.MustCompile(`^([a-z_]+)(?:\[(\d+)\])?(?:\.(.*))?$`)

// schemeProblem sets a problem Validate found beside the form field it is
// about, in words of the page's language: Validate's own messages are for
// whoever maintains a catalogue file, in English.
func schemeProblem(fm *form, sc *scheme.Scheme, p scheme.Problem) {
	m := problemField.FindStringSubmatch(p.Field)
	if m == nil {
		fm.Fail("id", "scheme-form.error-other", "Message", p.String())
		return
	}
	root, rest := m[1], m[3]
	index := -1
	if m[2] != "" {
		index, _ = strconv.Atoi(m[2])
	}
	choice := func(name string, values []string) {
		if index < 0 || index >= len(values) {
			fm.Fail(name, "scheme-form.error-tick-one")
			return
		}
		fm.Fail(name, "scheme-form.error-not-a-choice", "Value", values[index])
	}
	switch root {
	case "id":
		switch {
		case sc.ID == "":
			fm.Fail("id", "form.required")
		case slices.Contains(scheme.ReservedIDs, sc.ID):
			fm.Fail("id", "scheme-form.error-id-reserved", "Value", sc.ID)
		default:
			fm.Fail("id", "scheme-form.error-key", "Value", sc.ID)
		}
	case "provider":
		if sc.Provider == "" {
			fm.Fail("provider", "form.required")
		} else {
			fm.Fail("provider", "scheme-form.error-key", "Value", sc.Provider)
		}
	case "level", "status":
		fm.Fail(root, "form.choose")
	case "areas":
		if index < 0 || index >= len(sc.Areas) {
			fm.Fail("areas", "scheme-form.error-areas-required")
		} else {
			fm.Fail("areas", "scheme-form.error-area", "Value", sc.Areas[index])
		}
	case "kinds":
		choice(root, strs(sc.Kinds))
	case "audiences":
		choice(root, strs(sc.Audiences))
	case "stages":
		choice(root, strs(sc.Stages))
	case "themes":
		choice(root, strs(sc.Themes))
	case "links":
		if strings.HasPrefix(rest, "title") {
			fm.Fail("links", "scheme-form.error-link-title", "Line", index+1)
		} else {
			fm.Fail("links", "scheme-form.error-link-url", "Line", index+1)
		}
	case "source":
		if sc.Source == "" {
			fm.Fail("source", "form.required")
		} else {
			fm.Fail("source", "scheme-form.error-url", "Value", sc.Source)
		}
	case "checked":
		if sc.Checked == (plan.Date{}) {
			fm.Fail("checked", "form.required")
		} else {
			fm.Fail("checked", "scheme-form.error-checked-future", "Date", sc.Checked)
		}
	case "name":
		fm.Fail("name_nb", "scheme-form.error-name")
	case "how_to_apply":
		if strings.HasPrefix(rest, "deadline") {
			fm.Fail("deadline", "scheme-form.error-other", "Message", p.String())
		} else {
			fm.Fail("steps_nb", "scheme-form.error-other", "Message", p.String())
		}
	default:
		// A text's language (name.xx): the form has no field for one, so
		// this is a defect; say it where the text's first field is.
		field := "id"
		if slices.ContainsFunc(schemeTexts(sc), func(t schemeTextField) bool { return t.name == root }) {
			field = root + "_nb"
		}
		fm.Fail(field, "scheme-form.error-other", "Message", p.String())
	}
}
