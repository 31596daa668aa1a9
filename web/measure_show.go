package web

import (
	"html/template"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

type measureView struct {
	Plan    *planView
	Goal    *plan.Goal
	Measure *plan.Measure
	Related []measureRef
	// Goals are the other goals the measure's text names.
	Goals []measureRef
	// Orgs are the organisations the measure's text names.
	Orgs []plan.Organisation
	// CanEdit, CanDelete: what the person may do with the measure.
	CanEdit, CanDelete bool
	// Numbered is set where the measure and its goal have numbers, which
	// the addresses of its forms, its history and its comments use.
	Numbered     bool
	Comments     []store.Comment
	Saved        bool
	CommentEmpty bool
	// Schemes are the support schemes the measure names.
	Schemes []measureScheme
	// Main is the measure's facts and text (measure-main) rendered
	// already, where they are kept with the version's parts
	// (draft_parts.go); the page renders them otherwise.
	Main template.HTML
}

// measureScheme is a support scheme a measure names: its name in the
// page's language, or only its id where the catalogue has no such scheme.
type measureScheme struct {
	ID    string
	Name  localText
	Found bool
}

type measureRef struct {
	Goal, Number int
	Title        string
}

// measureShow shows one measure with all its sections, its goal, its
// organisations and the other measures its text names.
func (s *Server) measureShow(w http.ResponseWriter, r *http.Request) {
	f, v, d, ok := s.loadMeasurePlan(w, r)
	if !ok {
		return
	}
	goalNo, measureNo, _ := measureNumbers(r)
	goal, measure := findMeasure(f, goalNo, measureNo)
	if measure == nil {
		s.fail(w, r, plan.Errorf(plan.ENotFound, "no measure %s.%s", r.PathValue("goal"), r.PathValue("measure")))
		return
	}
	s.showMeasure(w, r, f, v, d, goal, measure)
}

// loadMeasurePlan loads the plan of a measure's page: a member's working
// draft from the parts of its version kept in memory (d), anything else
// from the store (d nil).
func (s *Server) loadMeasurePlan(w http.ResponseWriter, r *http.Request) (*plan.File, store.PlanVersion, *draftParts, bool) {
	if year, err := strconv.Atoi(r.PathValue("year")); err == nil && s.draftCacheFor(r, r.PathValue("programme")) {
		d, v, err := s.draftPlan(r.Context(), r.PathValue("programme"), year)
		if err != nil {
			s.fail(w, r, err)
			return nil, v, nil, false
		}
		return d.file, v, d, true
	}
	f, v, ok := s.loadPlan(w, r)
	return f, v, nil, ok
}

// showMeasure writes a measure's page; goal is nil for a measure not
// placed under a goal. d holds the parts of the plan's version where they
// are kept, nil where the page is made from f alone.
func (s *Server) showMeasure(w http.ResponseWriter, r *http.Request, f *plan.File, v store.PlanVersion, d *draftParts, goal *plan.Goal, measure *plan.Measure) {
	var goalNo, measureNo int
	if goal != nil {
		goalNo, measureNo = goal.Number, measure.Number
	}
	mv := measureView{Goal: goal, Measure: measure}
	mv.Numbered = goal != nil && goal.Number != 0 && measure.Number != 0
	if d != nil {
		// A copy: the person's rights are set on it below.
		pv := *d.view(language(r))
		mv.Plan = &pv
		names := d.names(goal, measure)
		mv.Related, mv.Goals, mv.Orgs = names.related, names.goals, names.orgs
	} else {
		mv.Plan = newPlanView(f, v.Version, language(r))
		if goal != nil {
			mv.Related, mv.Goals = relatedMeasures(f, goal, measure)
		}
		mv.Orgs = namedOrganisations(f, measure)
	}
	mv.Plan.Perms = permsFor(r, v.ProgrammeID, v.Published)
	res := measureResource(v.ProgrammeID, v.Published, measure)
	mv.CanEdit = can(r, auth.EditMeasure, res)
	mv.CanDelete = can(r, auth.DeleteMeasure, res)
	mv.Saved = r.URL.Query().Get("saved") != ""
	mv.CommentEmpty = r.URL.Query().Get("comment") == "empty"
	if len(measure.Schemes) > 0 {
		cat, err := s.catalogue(r.Context())
		if err != nil {
			s.fail(w, r, err)
			return
		}
		for _, id := range measure.Schemes {
			ms := measureScheme{ID: id}
			if sc, ok := cat.Index.Scheme(id); ok {
				ms.Name, ms.Found = textIn(sc.Name, schemeLang(language(r))), true
			}
			mv.Schemes = append(mv.Schemes, ms)
		}
	}
	if mv.Plan.Perms.History {
		comments, err := s.store.Comments(r.Context(), v.ProgrammeID, v.Year)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		for _, c := range comments {
			// Comments are kept by goal and measure number: a measure
			// without both has none.
			if mv.Numbered && c.Goal == goalNo && c.Measure == measureNo {
				mv.Comments = append(mv.Comments, c)
			}
		}
	}
	if d != nil {
		main, err := d.measureMain(language(r), measure, func() (template.HTML, error) {
			return s.partHTML("measure", "measure-main", map[string]any{"V": &view{Lang: language(r)}, "D": mv})
		})
		if err != nil {
			s.fail(w, r, err)
			return
		}
		mv.Main = main
	}
	s.render(w, r, http.StatusOK, "measure", &view{Title: measure.Title, Data: mv})
}

// goalMention finds where a measure's text names another goal ("delmål 2",
// "sub-goal 3") or another measure of its own goal ("tiltak 4").
var (
	goalMention    = regexp.MustCompile(`(?i)\b(?:delmål|sub-goal|satsing|innsatsområde)\s+(\d+)`)
	measureMention = regexp.MustCompile(`(?i)\b(?:tiltak|measure)\s+(\d+)`)
)

func relatedMeasures(f *plan.File, goal *plan.Goal, m *plan.Measure) ([]measureRef, []measureRef) {
	var text strings.Builder
	text.WriteString(string(m.Summary))
	for _, s := range m.Sections {
		text.WriteString("\n" + string(s.Body))
	}
	var measures, goals []measureRef
	seen := map[int]bool{m.Number: true}
	for _, sm := range measureMention.FindAllStringSubmatch(text.String(), -1) {
		n, _ := strconv.Atoi(sm[1])
		for _, o := range goal.Measures {
			if o.Number == n && !seen[n] {
				seen[n] = true
				measures = append(measures, measureRef{goal.Number, n, o.Title})
			}
		}
	}
	seenGoal := map[int]bool{goal.Number: true}
	for _, sm := range goalMention.FindAllStringSubmatch(text.String(), -1) {
		n, _ := strconv.Atoi(sm[1])
		for _, g := range f.Plan.Goals {
			if g.Number == n && !seenGoal[n] {
				seenGoal[n] = true
				goals = append(goals, measureRef{Goal: n, Title: g.Title})
			}
		}
	}
	return measures, goals
}

// namedOrganisations lists the organisations whose name the measure's text
// mentions, in the order of the plan's organisation list.
func namedOrganisations(f *plan.File, m *plan.Measure) []plan.Organisation {
	var text strings.Builder
	text.WriteString(string(m.Summary))
	for _, s := range m.Sections {
		text.WriteString("\n" + string(s.Body))
	}
	body := text.String()
	var out []plan.Organisation
	for _, o := range f.Organisations {
		if containsWord(body, o.Name) {
			out = append(out, o)
		}
	}
	return out
}

// containsWord reports whether text holds name as whole words: "NAV" must
// not match inside "NAVN". It scans the text rather than compiling a
// pattern per organisation and request.
func containsWord(text, name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i <= len(text)-len(name); {
		j := strings.Index(text[i:], name)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(name)
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if (start == 0 || !unicode.IsLetter(before)) && (end == len(text) || !unicode.IsLetter(after)) {
			return true
		}
		_, size := utf8.DecodeRuneInString(text[start:])
		i = start + size
	}
	return false
}
