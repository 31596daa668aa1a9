package web

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"planverk/plan"
)

// The measure form writes leads and partners one per line: an
// organisation's name (or its id), or any other words for a group or role
// ("private developers"). Sections are numbered fields, section-0-title,
// section-0-body…, with one empty section more for adding one.

// measureValues fills a form with a measure as it is.
func measureValues(f *plan.File, g *plan.Goal, m *plan.Measure) url.Values {
	v := url.Values{}
	v.Set("goal", strconv.Itoa(g.Number))
	v.Set("number", strconv.Itoa(m.Number))
	v.Set("title", m.Title)
	v.Set("label", m.Label)
	v.Set("summary", string(m.Summary))
	v.Set("leads", actorLines(f, m.Leads))
	v.Set("partners", actorLines(f, m.Partners))
	if m.PartnersAndOthers {
		v.Set("partners_and_others", "on")
	}
	if m.TimeFrame.From != 0 {
		v.Set("time_from", strconv.Itoa(m.TimeFrame.From))
	}
	if m.TimeFrame.To != 0 {
		v.Set("time_to", strconv.Itoa(m.TimeFrame.To))
	}
	if m.TimeFrame.NextRevision {
		v.Set("next_revision", "on")
	}
	v.Set("time_text", m.TimeFrame.Text)
	v.Set("priority", string(m.Priority))
	v.Set("status", string(m.Status))
	v.Set("schemes", strings.Join(m.Schemes, "\n"))
	for i, sec := range m.Sections {
		v.Set(fmt.Sprintf("section-%d-title", i), sec.Title)
		v.Set(fmt.Sprintf("section-%d-body", i), string(sec.Body))
	}
	v.Set("sections", strconv.Itoa(len(m.Sections)))
	return v
}

// actorLines writes actors one per line, organisations by the name the
// plan uses for them.
func actorLines(f *plan.File, actors []plan.Actor) string {
	var lines []string
	for _, a := range actors {
		lines = append(lines, actorName(f, a))
	}
	return strings.Join(lines, "\n")
}

func actorName(f *plan.File, a plan.Actor) string {
	switch {
	case a.Text != "":
		return a.Text
	case a.As != "":
		return a.As
	}
	for _, o := range f.Organisations {
		if o.ID == a.Org {
			return o.Name
		}
	}
	return a.Org
}

// parseActors reads actor lines back. A line that names an actor the
// measure had keeps that actor as it was (with the name it was written
// as); one that names an organisation of the plan by name or id becomes
// that organisation; any other line is words.
func parseActors(f *plan.File, had []plan.Actor, text string) []plan.Actor {
	var out []plan.Actor
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		out = append(out, matchActor(f, had, line))
	}
	return out
}

func matchActor(f *plan.File, had []plan.Actor, line string) plan.Actor {
	for _, a := range had {
		if strings.EqualFold(actorName(f, a), line) {
			return a
		}
	}
	for _, o := range f.Organisations {
		if strings.EqualFold(o.Name, line) || strings.EqualFold(o.ID, line) {
			return plan.Actor{Org: o.ID}
		}
	}
	return plan.Actor{Text: line}
}

// applyMeasureForm checks the form and, where it is good, writes it into
// m. It keeps what the form does not show (section kinds, figures, blocks),
// so that editing text never loses structure.
func applyMeasureForm(fm *form, f *plan.File, m *plan.Measure) {
	fm.Required("title")
	from := yearField(fm, "time_from")
	to := yearField(fm, "time_to")
	if from != 0 && to != 0 && to < from {
		fm.Fail("time_to", "measure-form.time-order")
	}
	if (from == 0) != (to == 0) && !fm.Errors.has("time_from") && !fm.Errors.has("time_to") {
		if from == 0 {
			fm.Fail("time_from", "measure-form.time-both")
		} else {
			fm.Fail("time_to", "measure-form.time-both")
		}
	}
	priority := plan.Priority(fm.Get("priority"))
	if priority != "" && !slices.Contains(plan.Priorities, priority) {
		fm.Fail("priority", "form.choose")
	}
	status := plan.MeasureStatus(fm.Get("status"))
	if status != "" && !slices.Contains(plan.MeasureStatuses, status) {
		fm.Fail("status", "form.choose")
	}
	var sections []plan.Section
	n, _ := strconv.Atoi(fm.Get("sections"))
	for i := 0; i <= n; i++ {
		title := fm.Get(fmt.Sprintf("section-%d-title", i))
		body := fm.Raw(fmt.Sprintf("section-%d-body", i))
		var sec plan.Section
		if i < len(m.Sections) {
			sec = m.Sections[i]
		}
		if title == "" && body == "" {
			continue // emptied: the section goes
		}
		if title == "" {
			fm.Fail(fmt.Sprintf("section-%d-title", i), "measure-form.section-title")
		}
		sec.Title, sec.Body = title, keepText(sec.Body, body)
		sections = append(sections, sec)
	}
	if !fm.OK() {
		return
	}
	m.Title = fm.Get("title")
	m.Label = fm.Get("label")
	m.Summary = keepText(m.Summary, fm.Raw("summary"))
	m.Leads = parseActors(f, m.Leads, fm.Raw("leads"))
	m.Partners = parseActors(f, m.Partners, fm.Raw("partners"))
	m.PartnersAndOthers = fm.Get("partners_and_others") != ""
	m.TimeFrame = plan.TimeFrame{From: from, To: to, NextRevision: fm.Get("next_revision") != "", Text: fm.Get("time_text")}
	m.Priority = priority
	m.Status = status
	m.Schemes = schemeLines(fm.Raw("schemes"))
	m.Sections = sections
}

// yearField reads an optional year.
func yearField(fm *form, name string) int {
	s := fm.Get(name)
	if s == "" {
		return 0
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 1900 || y > 2200 {
		fm.Fail(name, "form.year")
		return 0
	}
	return y
}

// keepText returns the text as typed, with the line ends browsers send
// (CRLF) made plain, unless it differs from what was there only in the
// space around it: then what was there stays, so that opening a form and
// saving it unchanged changes nothing.
func keepText(had plan.Markdown, typed string) plan.Markdown {
	typed = strings.ReplaceAll(typed, "\r\n", "\n")
	if strings.TrimSpace(typed) == strings.TrimSpace(string(had)) {
		return had
	}
	return plan.Markdown(strings.TrimSpace(typed))
}

// schemeLines reads the schemes a measure names, one id a line; the
// catalogue's ids are lower case.
func schemeLines(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if id := strings.ToLower(strings.TrimSpace(line)); id != "" && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}
