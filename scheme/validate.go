package scheme

import (
	"fmt"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"planverk/plan"
)

// Problem is something wrong with a scheme's content: the field it is about,
// in the file's own key names ("kinds[1]", "links[0].url"), and a plain
// English message for whoever maintains the catalogue.
type Problem struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

func (p Problem) String() string { return p.Field + ": " + p.Message }

// CodedProblem is a Problem with a stable code and the values its message
// names, so that a page can say it in its reader's language; Message stays
// the English words, for the command line and the API. ProblemArgs lists
// each code's arguments.
type CodedProblem struct {
	Problem
	Code string
	Args map[string]string
}

// ProblemArgs names the arguments of every code a CodedProblem or a
// ReadError can have, in the order the English message uses them. A page
// that translates the codes can test that it knows them all.
var ProblemArgs = map[string][]string{
	// content (Validate, ValidateCatalogue, ValidateGlossary)
	"required":       nil,
	"required-lang":  nil,
	"key":            {"Value"},
	"id-reserved":    {"Value"},
	"choose":         {"Allowed"},
	"not-allowed":    {"Value", "What", "Allowed"},
	"at-least-one":   {"Allowed"},
	"twice":          {"Value"},
	"areas-required": nil,
	"area-case":      {"Value", "Want"},
	"area-unknown":   {"Value"},
	"area-key":       {"Value", "Want"},
	"area-ambiguous": {"Value", "Choices"},
	"not-a-language": {"Value"},
	"url":            {"Value"},
	"checked":        nil,
	"checked-future": {"Date", "Today"},
	// First is the first scheme's place among all; CheckFiles adds the
	// file and line it is at.
	"duplicate-id":   {"Value", "First", "FirstFile", "FirstLine"},
	"words-required": nil,
	"empty-word":     nil,
	// reading (ReadCSV, ReadJSON, ReadSchemes, CheckFiles)
	"csv-empty":            nil,
	"csv-unknown-column":   {"Value", "Columns"},
	"csv-duplicate-column": {"Value"},
	"csv-no-id":            nil,
	"csv-syntax":           {"Message"},
	"csv-cells":            {"Cells", "Want"},
	"date":                 {"Value"},
	"link":                 {"Value"},
	"deadline":             {"Value"},
	"unknown-field":        {"Value"},
	"json-type":            {"Field", "Value", "Type"},
	"decode":               {"Message"},
	"not-utf8":             nil,
	// the limits on what is read (Limits)
	"limit-bytes":   {"Max"},
	"limit-depth":   {"Max"},
	"limit-aliases": {"Max"},
	"limit-nodes":   {"Max"},
	"format":        nil,
}

// codedArgs names a code's values as ProblemArgs says.
func codedArgs(code string, values []any) map[string]string {
	names := ProblemArgs[code]
	if len(names) == 0 {
		return nil
	}
	out := make(map[string]string, len(names))
	for i, n := range names {
		if i < len(values) {
			out[n] = fmt.Sprint(values[i])
		}
	}
	return out
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// ReservedIDs are the ids a scheme may not take: a scheme's page is
// /schemes/ID, and these addresses are pages of their own.
var ReservedIDs = []string{"new", "finder", "import", "export"}

// problems collects Problems under a field prefix.
type problems struct {
	prefix string
	list   []CodedProblem
}

// add records a problem: its code, and its English message written with
// format from args, which are also the code's arguments (ProblemArgs).
func (ps *problems) add(field, code, format string, args ...any) {
	ps.list = append(ps.list, CodedProblem{
		Problem: Problem{Field: ps.prefix + field, Message: fmt.Sprintf(format, args...)},
		Code:    code, Args: codedArgs(code, args)})
}

// uncoded drops the codes, for the functions that have always returned plain
// Problems.
func uncoded(list []CodedProblem) []Problem {
	if list == nil {
		return nil
	}
	out := make([]Problem, len(list))
	for i, p := range list {
		out[i] = p.Problem
	}
	return out
}

// Validate checks one scheme's content and returns every problem found, or
// nil. Checked may not be later than now's calendar date in now's location:
// a scheme cannot have been checked tomorrow.
func (s Scheme) Validate(now time.Time) []Problem {
	return uncoded(s.Check(now))
}

// Check is Validate with each problem's code.
func (s Scheme) Check(now time.Time) []CodedProblem {
	ps := &problems{}
	s.validate(ps, now)
	return ps.list
}

func (s Scheme) validate(ps *problems, now time.Time) {
	checkKey(ps, "id", s.ID)
	if slices.Contains(ReservedIDs, s.ID) {
		ps.add("id", "id-reserved", "%q is the address of one of planverk's own pages (/schemes/%[1]s); choose another id", s.ID)
	}
	if s.Name.In(LangNB) == "" {
		ps.add("name", "required-lang", "required in nb or nn (or both)")
	}
	checkKey(ps, "provider", s.Provider)
	checkEnum(ps, "level", "a level", s.Level, Levels)
	checkAreas(ps, s.Areas)
	checkEnums(ps, "kinds", "a kind", s.Kinds, Kinds, true)
	checkEnums(ps, "audiences", "an audience", s.Audiences, Audiences, true)
	checkEnums(ps, "stages", "a stage", s.Stages, Stages, false)
	checkEnums(ps, "themes", "a theme", s.Themes, Themes, true)
	checkEnum(ps, "status", "a status", s.Status, Statuses)

	for _, f := range []struct {
		field string
		text  Text
	}{
		{"name", s.Name}, {"summary", s.Summary}, {"criteria", s.Criteria},
		{"amounts", s.Amounts}, {"contact", s.Contact},
		{"local_guidance", s.LocalGuidance}, {"examples", s.Examples},
	} {
		checkLangs(ps, f.field, slices.Sorted(maps.Keys(f.text)))
	}
	checkLangs(ps, "how_to_apply.steps", slices.Sorted(maps.Keys(s.HowToApply.Steps)))
	for i, d := range s.HowToApply.Deadline.Dates {
		checkLangs(ps, fmt.Sprintf("how_to_apply.deadline[%d].note", i), slices.Sorted(maps.Keys(d.Note)))
	}

	for i, l := range s.Links {
		if strings.TrimSpace(l.Title) == "" {
			ps.add(fmt.Sprintf("links[%d].title", i), "required", "required")
		}
		checkURL(ps, fmt.Sprintf("links[%d].url", i), l.URL)
	}
	checkURL(ps, "source", s.Source)

	today := plan.Date{Year: now.Year(), Month: now.Month(), Day: now.Day()}
	switch {
	case s.Checked == plan.Date{}:
		ps.add("checked", "checked", "required: the date someone last checked the scheme against its source")
	case today.Before(s.Checked):
		ps.add("checked", "checked-future", "%s is in the future (today is %s)", s.Checked, today)
	}
}

// ValidateCatalogue validates every scheme and also finds ids used twice. A
// problem's field starts with the scheme's place in the list, "[3].kinds[1]",
// because an id may be missing or the very thing that is wrong.
func ValidateCatalogue(schemes []Scheme, now time.Time) []Problem {
	return uncoded(CheckCatalogue(schemes, now))
}

// CheckCatalogue is ValidateCatalogue with each problem's code.
func CheckCatalogue(schemes []Scheme, now time.Time) []CodedProblem {
	ps := &problems{}
	first := map[string]int{}
	for i, s := range schemes {
		ps.prefix = fmt.Sprintf("[%d].", i)
		s.validate(ps, now)
		if s.ID == "" {
			continue
		}
		if j, ok := first[s.ID]; ok {
			ps.add("id", "duplicate-id", "%q is also the id of [%d]; every scheme needs an id of its own", s.ID, j)
			continue
		}
		first[s.ID] = i
	}
	return ps.list
}

// Validate checks one glossary term.
func (t Term) Validate() []Problem {
	ps := &problems{}
	checkKey(ps, "id", t.ID)
	if len(t.Words()) == 0 {
		ps.add("terms", "words-required", "at least one word is required, in nb or nn")
	}
	langs := slices.Sorted(maps.Keys(t.Terms))
	checkLangs(ps, "terms", langs)
	for _, l := range langs {
		for i, w := range t.Terms[l] {
			if strings.TrimSpace(w) == "" {
				ps.add(fmt.Sprintf("terms.%s[%d]", l, i), "empty-word", "empty word")
			}
		}
	}
	if t.Explanation.In(LangNB) == "" {
		ps.add("explanation", "required-lang", "required in nb or nn (or both)")
	}
	checkLangs(ps, "explanation", slices.Sorted(maps.Keys(t.Explanation)))
	return uncoded(ps.list)
}

// ValidateGlossary validates every term and finds ids used twice.
func ValidateGlossary(terms []Term) []Problem {
	var out []Problem
	first := map[string]int{}
	for i, t := range terms {
		prefix := fmt.Sprintf("[%d].", i)
		for _, p := range t.Validate() {
			out = append(out, Problem{Field: prefix + p.Field, Message: p.Message})
		}
		if t.ID == "" {
			continue
		}
		if j, ok := first[t.ID]; ok {
			out = append(out, Problem{Field: prefix + "id", Message: fmt.Sprintf("%q is also the id of [%d]; every term needs an id of its own", t.ID, j)})
			continue
		}
		first[t.ID] = i
	}
	return out
}

// checkKey checks a value used as a key in addresses and filters.
func checkKey(ps *problems, field, v string) {
	switch {
	case v == "":
		ps.add(field, "required", "required")
	case !idPattern.MatchString(v):
		ps.add(field, "key", "%q may hold only a-z, 0-9 and hyphens, and must start with a letter or digit", v)
	}
}

func checkEnum[T ~string](ps *problems, field, what string, v T, allowed []T) {
	if v == "" {
		ps.add(field, "choose", "required; use one of %s", list(allowed))
		return
	}
	if !slices.Contains(allowed, v) {
		ps.add(field, "not-allowed", "%q is not %s; use one of %s", v, what, list(allowed))
	}
}

func checkEnums[T ~string](ps *problems, field, what string, vs, allowed []T, required bool) {
	if required && len(vs) == 0 {
		ps.add(field, "at-least-one", "at least one is required; use %s", list(allowed))
	}
	for i, v := range vs {
		f := fmt.Sprintf("%s[%d]", field, i)
		switch {
		case !slices.Contains(allowed, v):
			ps.add(f, "not-allowed", "%q is not %s; use one of %s", v, what, list(allowed))
		case slices.Contains(vs[:i], v):
			ps.add(f, "twice", "%q is listed twice", v)
		}
	}
}

func checkAreas(ps *problems, areas []string) {
	if len(areas) == 0 {
		ps.add("areas", "areas-required", `at least one is required: "norge", a county or a municipality`)
	}
	for i, a := range areas {
		f := fmt.Sprintf("areas[%d]", i)
		switch {
		case a != strings.ToLower(strings.TrimSpace(a)):
			ps.add(f, "area-case", "%q: write areas in lower case, as %q", a, strings.ToLower(strings.TrimSpace(a)))
		case !KnownArea(a):
			switch keys := areaAdvice(a); len(keys) {
			case 0:
				ps.add(f, "area-unknown", "%q is not a county or a municipality of Norway (the 2024 register, with former names); check the spelling", a)
			case 1:
				ps.add(f, "area-key", "%q: write the place as %q", a, keys[0])
			default:
				ps.add(f, "area-ambiguous", "%q may be any of: %s; write the one that is meant", a, strings.Join(keys, ", "))
			}
		case slices.Contains(areas[:i], a):
			ps.add(f, "twice", "%q is listed twice", a)
		}
	}
}

// checkLangs checks the languages a text is written in, given sorted so that
// problems come in the same order every time.
func checkLangs(ps *problems, field string, langs []Lang) {
	for _, l := range langs {
		if !l.valid() {
			ps.add(field+"."+string(l), "not-a-language", "%q is not a language; use nb or nn", l)
		}
	}
}

func checkURL(ps *problems, field, v string) {
	if v == "" {
		ps.add(field, "required", "required")
		return
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		ps.add(field, "url", "%q is not a full web address; write it as https://…", v)
	}
}

func list[T ~string](vs []T) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}
