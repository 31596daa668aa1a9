package scheme

import (
	"slices"
	"strings"
	"testing"
	"time"

	"planverk/plan"
)

func TestTestdataIsValid(t *testing.T) {
	if ps := ValidateCatalogue(readTestSchemes(t), testNow); len(ps) > 0 {
		t.Errorf("testdata/schemes.yaml: %v", ps)
	}
	if ps := ValidateGlossary(readTestGlossary(t)); len(ps) > 0 {
		t.Errorf("testdata/glossary.yaml: %v", ps)
	}
}

func validScheme() Scheme {
	return Scheme{
		ID: "husbanken-startlan", Name: Text{LangNN: "Startlån"}, Provider: "husbanken",
		Level: LevelNational, Areas: []string{AreaNorway}, Kinds: []Kind{KindLoan},
		Audiences: []Audience{AudienceHouseholds}, Themes: []Theme{ThemeHousing}, Status: StatusOpen,
		Source: "https://www.husbanken.no/startlan/", Checked: plan.Date{Year: 2026, Month: 11, Day: 23},
	}
}

func TestValidate(t *testing.T) {
	if ps := validScheme().Validate(testNow); ps != nil {
		t.Fatalf("a valid scheme has problems: %v", ps)
	}
	for _, c := range []struct {
		name   string
		change func(*Scheme)
		want   string
	}{
		{"no id", func(s *Scheme) { s.ID = "" }, "id: required"},
		{"bad id", func(s *Scheme) { s.ID = "Startlån" }, `id: "Startlån" may hold only a-z, 0-9 and hyphens, and must start with a letter or digit`},
		{"id starting with hyphen", func(s *Scheme) { s.ID = "-a" }, `id: "-a" may hold only`},
		{"id of a page", func(s *Scheme) { s.ID = "import" }, `id: "import" is the address of one of planverk's own pages`},
		{"no name", func(s *Scheme) { s.Name = Text{LangNN: ""} }, "name: required in nb or nn (or both)"},
		{"name in English", func(s *Scheme) { s.Name["en"] = "Start loan" }, `name.en: "en" is not a language; use nb or nn`},
		{"no provider", func(s *Scheme) { s.Provider = "" }, "provider: required"},
		{"unknown level", func(s *Scheme) { s.Level = "county" }, `level: "county" is not a level; use one of local, regional, national`},
		{"no areas", func(s *Scheme) { s.Areas = nil }, `areas: at least one is required: "norge", a county or a municipality`},
		{"area in capitals", func(s *Scheme) { s.Areas = []string{"Vinje"} }, `areas[0]: "Vinje": write areas in lower case, as "vinje"`},
		{"unknown area", func(s *Scheme) { s.Areas = []string{"vinej"} }, `areas[0]: "vinej" is not a county or a municipality of Norway`},
		{"area twice", func(s *Scheme) { s.Areas = []string{"vinje", "vinje"} }, `areas[1]: "vinje" is listed twice`},
		{"no kinds", func(s *Scheme) { s.Kinds = nil }, "kinds: at least one is required; use grant, loan, guarantee, advice, programme, tax-incentive"},
		{"Norwegian kind", func(s *Scheme) { s.Kinds = []Kind{KindLoan, "lån"} }, `kinds[1]: "lån" is not a kind; use one of grant, loan, guarantee, advice, programme, tax-incentive`},
		{"kind twice", func(s *Scheme) { s.Kinds = []Kind{KindLoan, KindLoan} }, `kinds[1]: "loan" is listed twice`},
		{"no audiences", func(s *Scheme) { s.Audiences = nil }, "audiences: at least one is required"},
		{"unknown audience", func(s *Scheme) { s.Audiences = []Audience{"bønder"} }, `audiences[0]: "bønder" is not an audience; use one of startups, small-businesses, growth-businesses, farmers, municipalities, households, organisations, research`},
		{"unknown stage", func(s *Scheme) { s.Stages = []Stage{"mature"} }, `stages[0]: "mature" is not a stage; use one of idea, startup, growth, established`},
		{"no themes", func(s *Scheme) { s.Themes = []Theme{} }, "themes: at least one is required"},
		{"unknown theme", func(s *Scheme) { s.Themes = []Theme{"bustad"} }, `themes[0]: "bustad" is not a theme; use one of housing, jobs,`},
		{"no status", func(s *Scheme) { s.Status = "" }, "status: required; use one of open, discontinued, closed-for-now"},
		{"unknown status", func(s *Scheme) { s.Status = "closed" }, `status: "closed" is not a status; use one of open, discontinued, closed-for-now`},
		{"relative link", func(s *Scheme) { s.Links = []Link{{Title: "Startlån", URL: "/startlan"}} }, `links[0].url: "/startlan" is not a full web address; write it as https://…`},
		{"ftp link", func(s *Scheme) { s.Links = []Link{{Title: "Startlån", URL: "ftp://husbanken.no/a"}} }, `links[0].url: "ftp://husbanken.no/a" is not a full web address`},
		{"link without title", func(s *Scheme) { s.Links = []Link{{URL: "https://husbanken.no/"}} }, "links[0].title: required"},
		{"no source", func(s *Scheme) { s.Source = "" }, "source: required"},
		{"source without host", func(s *Scheme) { s.Source = "https://" }, `source: "https://" is not a full web address`},
		{"not checked", func(s *Scheme) { s.Checked = plan.Date{} }, "checked: required: the date someone last checked the scheme against its source"},
		{"checked tomorrow", func(s *Scheme) { s.Checked = plan.Date{Year: 2026, Month: 11, Day: 24} }, "checked: 2026-11-24 is in the future (today is 2026-11-23)"},
		{"steps in English", func(s *Scheme) { s.HowToApply.Steps = Steps{"en": {"Apply"}} }, `how_to_apply.steps.en: "en" is not a language`},
		{"deadline note in English", func(s *Scheme) {
			s.HowToApply.Deadline = Deadline{Dates: []DeadlineDate{{Note: Text{"en": "x"}}}}
		}, `how_to_apply.deadline[0].note.en: "en" is not a language`},
	} {
		s := validScheme()
		s.Name = Text{LangNN: "Startlån"}
		c.change(&s)
		ps := s.Validate(testNow)
		if !slices.ContainsFunc(ps, func(p Problem) bool { return strings.HasPrefix(p.String(), c.want) }) {
			t.Errorf("%s: problems %v, want one starting %q", c.name, ps, c.want)
		}
	}
}

// Checked is compared with the calendar date where the caller is: at 00:30
// in Oslo on 24 November it is already the 24th there.
func TestValidateCheckedUsesNowsLocation(t *testing.T) {
	oslo := time.FixedZone("CET", 3600)
	s := validScheme()
	s.Checked = plan.Date{Year: 2026, Month: 11, Day: 24}
	if ps := s.Validate(time.Date(2026, 11, 24, 0, 30, 0, 0, oslo)); ps != nil {
		t.Errorf("checked today, in Oslo: %v", ps)
	}
}

func TestValidateCatalogue(t *testing.T) {
	a, b, c := validScheme(), validScheme(), validScheme()
	c.Kinds = []Kind{"lån"}
	ps := ValidateCatalogue([]Scheme{a, b, c}, testNow)
	want := []Problem{
		{Field: "[1].id", Message: `"husbanken-startlan" is also the id of [0]; every scheme needs an id of its own`},
		{Field: "[2].kinds[0]", Message: `"lån" is not a kind; use one of grant, loan, guarantee, advice, programme, tax-incentive`},
		{Field: "[2].id", Message: `"husbanken-startlan" is also the id of [0]; every scheme needs an id of its own`},
	}
	if !slices.Equal(ps, want) {
		t.Errorf("ValidateCatalogue =\n%v\nwant\n%v", ps, want)
	}
}

func TestValidateGlossary(t *testing.T) {
	terms := []Term{
		{ID: "eigendel", Terms: map[Lang][]string{LangNN: {"eigendel"}}, Explanation: Text{LangNN: "x"}},
		{ID: "eigendel", Terms: map[Lang][]string{"en": {"own share"}}, Explanation: Text{}},
		{ID: "Tom", Terms: map[Lang][]string{LangNB: {" "}}, Explanation: Text{LangNB: "x"}},
	}
	want := []string{
		"[1].terms: at least one word is required, in nb or nn",
		`[1].terms.en: "en" is not a language; use nb or nn`,
		"[1].explanation: required in nb or nn (or both)",
		`[1].id: "eigendel" is also the id of [0]; every term needs an id of its own`,
		`[2].id: "Tom" may hold only a-z, 0-9 and hyphens, and must start with a letter or digit`,
		"[2].terms.nb[0]: empty word",
	}
	var got []string
	for _, p := range ValidateGlossary(terms) {
		got = append(got, p.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("ValidateGlossary =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
