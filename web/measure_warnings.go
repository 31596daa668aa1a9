package web

import (
	"regexp"
	"strings"

	"planverk/describe"
	"planverk/i18n"
	"planverk/plan"
)

// measureFindings are the plan's findings on one measure, by its goal's
// number and its own.
func measureFindings(f *plan.File, goal, number int) []plan.Finding {
	mp := measurePath(f, goal, number)
	if mp == "" {
		return nil
	}
	var out []plan.Finding
	for _, fd := range plan.Check(f) {
		if fd.Path == mp || strings.HasPrefix(fd.Path, mp+".") || strings.HasPrefix(fd.Path, mp+"[") {
			out = append(out, fd)
		}
	}
	return out
}

var sectionPath = regexp.MustCompile(`^\.sections\[(\d+)\]`)

// measureField is the field of the measure form that a finding's path,
// below the measure's own, is about; "" where no one field is.
func measureField(rest string) string {
	if m := sectionPath.FindStringSubmatch(rest); m != nil {
		return "section-" + m[1] + "-title"
	}
	for _, p := range []struct{ prefix, field string }{
		{".time_frame.to", "time_to"}, {".time_frame", "time_from"},
		{".title", "title"}, {".label", "label"}, {".number", "label"}, {".summary", "summary"},
		{".leads", "leads"}, {".partners", "partners"}, {".priority", "priority"},
		{".status", "status"}, {".schemes", "schemes"},
	} {
		if rest == p.prefix || strings.HasPrefix(rest, p.prefix+".") || strings.HasPrefix(rest, p.prefix+"[") {
			return p.field
		}
	}
	return ""
}

// warnMeasure puts what the rules say of a measure as saved beside the
// fields of its form, in the page's words, and returns what concerns no
// one field. The person may save all the same: the plan page and the
// plan's check flag the same.
func warnMeasure(fm *form, f *plan.File, goal, number int, lang i18n.Lang) []findingView {
	mp := measurePath(f, goal, number)
	var rest []findingView
	b := describe.New(f, lang)
	for _, fd := range measureFindings(f, goal, number) {
		fv := newFindingView(b, lang, fd)
		if field := measureField(strings.TrimPrefix(fd.Path, mp)); field != "" {
			fm.Warn(field, fv.Message)
			continue
		}
		rest = append(rest, fv)
	}
	return rest
}
