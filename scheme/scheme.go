// Package scheme is the catalogue of public support schemes (støtteordningar,
// verkemiddel) that businesses, farmers, municipalities and households can use:
// the schemes and the glossary as data, the checks that keep a catalogue
// honest, Norwegian text analysis, faceted search and a guided finder.
//
// The package does no I/O beyond decoding bytes it is given, and no HTTP: the
// web layer builds one Index at start-up and asks it questions. Types carry
// yaml and json tags because the catalogue files (examples/schemes.yaml,
// examples/glossary.yaml) are these types written out.
package scheme

import "planverk/plan"

// Lang is the written language of a text: bokmål or nynorsk. A scheme may be
// written in one or both; English is the web layer's business.
type Lang string

// The languages a catalogue is written in.
const (
	LangNB Lang = "nb"
	LangNN Lang = "nn"
)

// Langs are the languages in the order Text.In falls back through them.
var Langs = []Lang{LangNB, LangNN}

func (l Lang) valid() bool { return l == LangNB || l == LangNN }

// Text is one text written in one or both languages.
type Text map[Lang]string

// In returns the text in lang, or in the other language when it is not
// written in lang: a nynorsk reader is better served by bokmål than by nothing.
func (t Text) In(lang Lang) string {
	if s := t[lang]; s != "" {
		return s
	}
	for _, l := range Langs {
		if s := t[l]; s != "" {
			return s
		}
	}
	return ""
}

// Steps are the steps of applying, in order, in one or both languages.
type Steps map[Lang][]string

// In returns the steps in lang, falling back the way Text.In does.
func (s Steps) In(lang Lang) []string {
	if v := s[lang]; len(v) > 0 {
		return v
	}
	for _, l := range Langs {
		if v := s[l]; len(v) > 0 {
			return v
		}
	}
	return nil
}

// Scheme is one support scheme as the catalogue describes it.
//
// Provider is a key ("husbanken", "innovasjon-norge") that facets and filters
// use; ProviderName is how the provider writes its own name. Areas are where
// the scheme can be used: "norge", a county ("telemark") or municipalities
// ("vinje"), all in lower case (see areas.go).
type Scheme struct {
	ID            string     `yaml:"id" json:"id"`
	Name          Text       `yaml:"name" json:"name"`
	AlsoKnownAs   []string   `yaml:"also_known_as,omitempty" json:"also_known_as,omitempty"`
	Provider      string     `yaml:"provider" json:"provider"`
	ProviderName  string     `yaml:"provider_name,omitempty" json:"provider_name,omitempty"`
	Level         Level      `yaml:"level" json:"level"`
	Areas         []string   `yaml:"areas" json:"areas"`
	Kinds         []Kind     `yaml:"kinds" json:"kinds"`
	Audiences     []Audience `yaml:"audiences" json:"audiences"`
	Stages        []Stage    `yaml:"stages" json:"stages"`
	Themes        []Theme    `yaml:"themes" json:"themes"`
	Status        Status     `yaml:"status" json:"status"`
	Summary       Text       `yaml:"summary,omitempty" json:"summary,omitempty"`
	Criteria      Text       `yaml:"criteria,omitempty" json:"criteria,omitempty"`
	HowToApply    HowToApply `yaml:"how_to_apply,omitempty" json:"how_to_apply"`
	Amounts       Text       `yaml:"amounts,omitempty" json:"amounts,omitempty"`
	Contact       Text       `yaml:"contact,omitempty" json:"contact,omitempty"`
	LocalGuidance Text       `yaml:"local_guidance,omitempty" json:"local_guidance,omitempty"`
	Examples      Text       `yaml:"examples,omitempty" json:"examples,omitempty"`
	Links         []Link     `yaml:"links,omitempty" json:"links,omitempty"`
	Source        string     `yaml:"source" json:"source"`
	Checked       plan.Date  `yaml:"checked" json:"checked"`
	CheckedBy     string     `yaml:"checked_by,omitempty" json:"checked_by,omitempty"`
}

// HowToApply is how and when to apply.
type HowToApply struct {
	Steps    Steps    `yaml:"steps,omitempty" json:"steps,omitempty"`
	Deadline Deadline `yaml:"deadline,omitempty" json:"deadline"`
}

// Link is a page about the scheme: its title as shown and its address.
type Link struct {
	Title string `yaml:"title" json:"title"`
	URL   string `yaml:"url" json:"url"`
}

// Discontinued reports whether the scheme has ended for good; such schemes
// stay in the catalogue so that people who remember them learn what happened,
// but come last.
func (s Scheme) Discontinued() bool { return s.Status == StatusDiscontinued }
