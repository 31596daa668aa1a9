package web

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"planverk/describe"
	"planverk/i18n"
	"planverk/plan"
)

// book is what pages describe a plan's stored values with (package
// describe): the plan file f, the page's language, and the support
// schemes' names from the catalogue.
func (s *Server) book(r *http.Request, f *plan.File) *describe.Book {
	b := describe.New(f, language(r))
	lang := language(r)
	b.Scheme = func(id string) (string, string, bool) {
		cat, err := s.catalogue(r.Context())
		if err != nil {
			return "", "", false
		}
		sc, ok := cat.Index.Scheme(id)
		if !ok {
			return "", "", false
		}
		t := textIn(sc.Name, schemeLang(lang))
		return t.Text, string(t.Lang), true
	}
	return b
}

// lines writes recorded changes in words, learning first the names of
// what they removed.
func lines(b *describe.Book, changes []plan.Change) []describe.Line {
	b.Learn(changes)
	out := make([]describe.Line, len(changes))
	for i, c := range changes {
		out[i] = b.Change(c)
	}
	return out
}

// Summaries that planverk records itself where the person wrote no note on
// their change: the measure ("2.3") or the table ("budget:period") it is.
var (
	measureSummary = regexp.MustCompile(`^(\d+)\.(\d+)$`)
	tableSummary   = regexp.MustCompile(`^(budget|financing):(\S+)$`)
)

// summaryWords writes a version's summary for a page: a note as the person
// wrote it, in the plan's language, or what planverk recorded in words.
func summaryWords(b *describe.Book, summary string, planLang plan.Language) describe.Text {
	if m := measureSummary.FindStringSubmatch(summary); m != nil {
		g, _ := strconv.Atoi(m[1])
		n, _ := strconv.Atoi(m[2])
		l := b.Change(plan.Change{Path: "plan.goals[" + m[1] + "].measures[" + m[2] + "].title", Goal: g, Measure: n})
		if len(l.Place) > 0 {
			return l.Place[len(l.Place)-1]
		}
	}
	if m := tableSummary.FindStringSubmatch(summary); m != nil {
		return b.Value("plan.sections[0].blocks[0]", summary)
	}
	if summary == "" {
		return nil
	}
	return describe.Text{{Text: summary, Lang: string(planLang)}}
}

// findingView is a finding of the rules as a page shows it: the rule by
// its name in words, where in the plan, and the message. The rule's code
// stays in the API and in planverk check.
type findingView struct {
	Severity plan.Severity
	// Name is the rule's name in words.
	Name string
	// Place is where in the plan the finding is.
	Place   describe.Text
	Message string
	Related []string
}

// newFindingView puts a finding into the words of the page: the field a
// message names by its name in the file ("title") by its label, and the
// allowed values of a kind by their names.
func newFindingView(b *describe.Book, lang i18n.Lang, fd plan.Finding) findingView {
	fv := findingView{Severity: fd.Severity, Name: i18n.T(lang, "words.rule."+fd.Rule, nil), Place: b.Place(fd.Path)}
	args := make(map[string]any, len(fd.Args))
	for k, v := range fd.Args {
		args[k] = v
	}
	if _, ok := args["Field"]; ok {
		if l := b.Label(fd.Path); l != "" {
			args["Field"] = l
		}
	}
	if allowed, ok := args["Allowed"].([]string); ok {
		words := make([]string, len(allowed))
		for i, a := range allowed {
			words[i] = b.Value(fd.Path, a).String()
		}
		args["Allowed"] = words
	}
	page := fd
	page.Args = args
	fv.Message = i18n.Finding(lang, page)
	for _, r := range fd.Related {
		fv.Related = append(fv.Related, i18n.Related(lang, r))
	}
	return fv
}

// Payments writes a cell's instalments: "75 % in 2025, 25 % in 2026".
func (v *view) Payments(ps []plan.Payment) string {
	var out []string
	for _, p := range ps {
		out = append(out, v.T("words.payment", "Share", shareText(p.Share), "Year", p.Year))
	}
	return strings.Join(out, ", ")
}
