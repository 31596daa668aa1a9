package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"planverk/i18n"
	"planverk/plan"
	"planverk/scheme"
)

// finderView is the guided finder: its questions, the answers given, and
// the schemes it recommends for them.
type finderView struct {
	// Asked is set once the form has been sent: the page then shows what
	// it found, even nothing.
	Asked bool
	Form  *form
	Who   []option
	Want  []option
	Stage []option
	// Places are suggestions for where: counties and the municipalities
	// planverk knows.
	Places []string
	// UnknownPlace is set when where names no place planverk knows: only
	// schemes for the whole country, or naming the place, are found.
	UnknownPlace bool
	// SharedPlace are the places where may mean, when it is the name of
	// more than one ("Herøy"), joined for the sentence that asks which.
	SharedPlace string
	Hits        []schemeHit
}

// finderAnswers reads the finder's answers from a query. Answers that are
// not among the choices are left out, as if not given.
func finderAnswers(q url.Values) scheme.Answers {
	a := scheme.Answers{Where: strings.TrimSpace(q.Get("where")), Text: strings.TrimSpace(q.Get("words"))}
	// who= is repeated for each audience ticked; one who= is one answer.
	for _, w := range q["who"] {
		if who := scheme.Audience(strings.TrimSpace(w)); slices.Contains(scheme.Audiences, who) && !slices.Contains(a.Who, who) {
			a.Who = append(a.Who, who)
		}
	}
	if st := scheme.Stage(q.Get("stage")); slices.Contains(scheme.Stages, st) {
		a.Stage = st
	}
	for _, w := range q["want"] {
		if t := scheme.Theme(w); slices.Contains(scheme.Themes, t) && !slices.Contains(a.Want, t) {
			a.Want = append(a.Want, t)
		}
	}
	return a
}

// schemeFinder asks a few plain questions (who are you, as many answers as
// fit; what do you want to do; where; how far have you come) in a GET form, and answers with the
// schemes that fit, best first, each with why in words.
func (s *Server) schemeFinder(w http.ResponseWriter, r *http.Request) {
	cat, err := s.catalogue(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	lang := language(r)
	q := r.URL.Query()
	fv := finderView{Asked: len(q) > 0, Form: newForm(q)}
	// Check boxes: a person is often more than one of these (a farmer who
	// starts a tourism business), and none ticked means any.
	for _, a := range scheme.Audiences {
		fv.Who = append(fv.Who, option{Value: string(a), ID: "finder-who." + string(a)})
	}
	for _, t := range scheme.Themes {
		fv.Want = append(fv.Want, option{Value: string(t), ID: "finder-want." + string(t)})
	}
	fv.Stage = append(fv.Stage, option{Value: "", ID: "finder.stage-any"})
	for _, st := range scheme.Stages {
		fv.Stage = append(fv.Stage, option{Value: string(st), ID: "finder-stage." + string(st)})
	}
	if fv.Places, err = s.places(r, cat); err != nil {
		s.fail(w, r, err)
		return
	}
	if fv.Asked {
		a := finderAnswers(q)
		if shared := scheme.SharedArea(a.Where); shared != nil {
			fv.SharedPlace = strings.Join(shared, ", ")
		} else if key := scheme.AreaKey(a.Where); key != "" && !scheme.KnownArea(key) {
			fv.UnknownPlace = true
		}
		for _, rec := range scheme.Find(cat.Index, a) {
			h := newSchemeHit(cat, rec.Scheme, lang, nil)
			h.Reasons = reasonText(lang, rec.Reasons)
			fv.Hits = append(fv.Hits, h)
		}
	}
	s.render(w, r, http.StatusOK, "scheme_finder", &view{Title: i18nTitle(r, "finder.title"), Data: fv})
}

// places lists the places the finder suggests: every county, the
// municipalities among planverk's organisations, and the places schemes
// name, in alphabetical order. Any other place may be typed too.
func (s *Server) places(r *http.Request, cat *catalogue) ([]string, error) {
	var out []string
	add := func(name string) {
		if name != "" && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	for _, c := range scheme.Counties {
		add(c.Name)
	}
	orgs, err := s.store.Organisations(r.Context())
	if err != nil {
		return nil, err
	}
	for _, o := range orgs {
		if key := scheme.AreaKey(o.Name); o.Kind == plan.OrgMunicipality && scheme.KnownArea(key) {
			add(scheme.AreaName(key))
		}
	}
	for _, sc := range cat.Schemes {
		for _, a := range sc.Areas {
			if a != scheme.AreaNorway {
				add(scheme.AreaName(a))
			}
		}
	}
	coll := norwegianOrder()
	slices.SortFunc(out, coll.CompareString)
	return out, nil
}

// reasonText writes why the finder recommends a scheme: "passar fordi: for
// bønder · handlar om reiseliv · gjeld i Vinje".
func reasonText(lang i18n.Lang, reasons []scheme.Reason) string {
	t := func(id string, pairs ...any) string { return (&view{Lang: lang}).T(id, pairs...) }
	var parts []string
	for _, r := range reasons {
		switch r.Code {
		case scheme.ReasonAudience:
			var whos []string
			for _, a := range r.Args {
				whos = append(whos, t("finder-reason-for."+a))
			}
			parts = append(parts, joinAnd(lang, whos))
		case scheme.ReasonTheme:
			var names []string
			for _, a := range r.Args {
				names = append(names, lowerFirst(t("scheme-theme."+a)))
			}
			parts = append(parts, t("finder-reason.theme", "Themes", joinAnd(lang, names)))
		case scheme.ReasonArea:
			parts = append(parts, t("finder-reason.area", "Place", scheme.AreaName(r.Args[0])))
		case scheme.ReasonAreaCounty:
			parts = append(parts, t("finder-reason.area-county", "County", scheme.AreaName(r.Args[0])))
		case scheme.ReasonNational:
			parts = append(parts, t("finder-reason.national"))
		case scheme.ReasonStage:
			parts = append(parts, t("finder-reason-stage."+r.Args[0]))
		case scheme.ReasonText:
			quoted := make([]string, len(r.Args))
			for i, w := range r.Args {
				quoted[i] = t("finder.quoted", "Word", w)
			}
			parts = append(parts, t("finder-reason.text", "Words", joinAnd(lang, quoted)))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return t("finder.because", "Reasons", strings.Join(parts, " · "))
}

// joinAnd joins words as a sentence does: "a, b og c".
func joinAnd(lang i18n.Lang, words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " " + i18n.T(lang, "finder.and", nil) + " " + words[len(words)-1]
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}
