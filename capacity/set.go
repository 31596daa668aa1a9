package capacity

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"planverk/i18n"
	"planverk/inputlimit"
)

// Set is an indicator set: the dimensions of development capacity and the
// indicators under each, with the scale every indicator is scored on. It is
// data, so that a programme may measure with another set than the default.
type Set struct {
	// Name identifies the set; Version is its own version as its author
	// writes it.
	Name       string      `yaml:"name"`
	Version    string      `yaml:"version"`
	Scale      Scale       `yaml:"scale"`
	Dimensions []Dimension `yaml:"dimensions"`
}

// Scale is the whole numbers from Min to Max, with the meaning of its ends.
type Scale struct {
	Min  int  `yaml:"min"`
	Max  int  `yaml:"max"`
	Low  Text `yaml:"low"`
	High Text `yaml:"high"`
}

// Steps lists the scale's values, lowest first.
func (s Scale) Steps() []int {
	var out []int
	for v := s.Min; v <= s.Max; v++ {
		out = append(out, v)
	}
	return out
}

// Dimension is a group of indicators (culture, resources).
type Dimension struct {
	Key        string      `yaml:"key"`
	Name       Text        `yaml:"name"`
	Indicators []Indicator `yaml:"indicators"`
}

// Indicator is one thing a respondent scores. Its key names its scores in
// stored answers and across years, whatever its wording.
type Indicator struct {
	Key  string `yaml:"key"`
	Name Text   `yaml:"name"`
}

// Text is a text in each of planverk's languages.
type Text = i18n.Text

// Indicators lists every indicator of the set, dimension by dimension.
func (s *Set) Indicators() []Indicator {
	var out []Indicator
	for _, d := range s.Dimensions {
		out = append(out, d.Indicators...)
	}
	return out
}

// SetError is what is wrong with an indicator-set document, and on which
// line. Key and Args name the message in the i18n catalogues
// ("capacity.set.…"); Detail is the YAML reader's own words for a syntax
// error.
type SetError struct {
	Line   int
	Key    string
	Args   map[string]any
	Detail string
}

func (e *SetError) Error() string {
	msg := e.Key
	if e.Detail != "" {
		msg += ": " + e.Detail
	}
	if len(e.Args) > 0 {
		msg += fmt.Sprintf(" %v", e.Args)
	}
	return fmt.Sprintf("line %d: %s", e.Line, msg)
}

var keyPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// MaxScaleSteps bounds a scale: a row of radio buttons longer than this is
// no longer a scale a respondent can read.
const MaxScaleSteps = 11

// ParseSet reads an indicator-set document strictly. An unknown field, a
// missing name in one of the languages, a key that is malformed or used
// twice, or a scale that is not a few whole numbers upwards is a *SetError
// with the line it stands on.
func ParseSet(src []byte) (*Set, error) {
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, &SetError{Line: 1, Key: "capacity.set.empty"}
	}
	if !utf8.Valid(src) {
		return nil, &SetError{Line: 1, Key: "input.not-utf8"}
	}
	// A set is uploaded by a programme's administrator but read by every
	// survey page; a hostile one must not cost a decoder's tree.
	var le *inputlimit.Error
	if errors.As(inputlimit.YAML(src, inputlimit.Default), &le) {
		return nil, &SetError{Line: max(le.Line, 1), Key: "limit." + le.Limit, Args: map[string]any{"Max": le.MaxText()}}
	}
	file, err := parser.ParseBytes(src, 0)
	if err != nil {
		return nil, yamlError(err)
	}
	if len(file.Docs) != 1 {
		return nil, &SetError{Line: 1, Key: "capacity.set.one-document"}
	}
	var s Set
	if err := strictUnmarshal(src, &s); err != nil {
		return nil, yamlError(err)
	}
	at := func(path string) int { return lineOf(file, path) }
	switch {
	case s.Name == "":
		return nil, &SetError{Line: 1, Key: "capacity.set.missing", Args: map[string]any{"Field": "name"}}
	case s.Scale.Max <= s.Scale.Min:
		return nil, &SetError{Line: at("$.scale"), Key: "capacity.set.bad-scale"}
	case s.Scale.Max-s.Scale.Min+1 > MaxScaleSteps:
		return nil, &SetError{Line: at("$.scale"), Key: "capacity.set.long-scale", Args: map[string]any{"Max": MaxScaleSteps}}
	case len(s.Dimensions) == 0:
		return nil, &SetError{Line: 1, Key: "capacity.set.no-dimensions"}
	}
	if err := checkText(s.Scale.Low, at("$.scale.low"), "scale.low"); err != nil {
		return nil, err
	}
	if err := checkText(s.Scale.High, at("$.scale.high"), "scale.high"); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	key := func(k string, line, n int) error {
		switch {
		case k == "":
			return &SetError{Line: line, Key: "capacity.set.no-key", Args: map[string]any{"Number": n}}
		case !keyPattern.MatchString(k):
			return &SetError{Line: line, Key: "capacity.set.bad-key", Args: map[string]any{"Key": k}}
		case seen[k]:
			return &SetError{Line: line, Key: "capacity.set.twice", Args: map[string]any{"Key": k}}
		}
		seen[k] = true
		return nil
	}
	for i, d := range s.Dimensions {
		dl := at(fmt.Sprintf("$.dimensions[%d]", i))
		if err := key(d.Key, dl, i+1); err != nil {
			return nil, err
		}
		if err := checkText(d.Name, dl, d.Key); err != nil {
			return nil, err
		}
		if len(d.Indicators) == 0 {
			return nil, &SetError{Line: dl, Key: "capacity.set.no-indicators", Args: map[string]any{"Key": d.Key}}
		}
		for j, ind := range d.Indicators {
			il := at(fmt.Sprintf("$.dimensions[%d].indicators[%d]", i, j))
			if err := key(ind.Key, il, j+1); err != nil {
				return nil, err
			}
			if err := checkText(ind.Name, il, ind.Key); err != nil {
				return nil, err
			}
		}
	}
	return &s, nil
}

// checkText fails a text that leaves out one of the languages.
func checkText(t Text, line int, what string) error {
	for _, l := range []struct{ lang, text string }{{"nb", t.NB}, {"nn", t.NN}, {"en", t.EN}} {
		if l.text == "" {
			return &SetError{Line: line, Key: "capacity.set.no-name", Args: map[string]any{"Key": what, "Language": l.lang}}
		}
	}
	return nil
}

// lineOf returns the line a path of the document starts on, 1 where the
// path is not there.
func lineOf(file *ast.File, path string) int {
	p, err := yaml.PathString(path)
	if err != nil {
		return 1
	}
	n, err := p.FilterFile(file)
	if err != nil || n == nil || n.GetToken() == nil || n.GetToken().Position == nil {
		return 1
	}
	return n.GetToken().Position.Line
}

// yamlError turns the YAML reader's error into a SetError at its line.
func yamlError(err error) *SetError {
	e := &SetError{Line: 1, Key: "capacity.set.syntax", Detail: err.Error()}
	var ye yaml.Error
	if errors.As(err, &ye) {
		e.Detail = ye.GetMessage()
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			e.Line = tk.Position.Line
		}
	}
	return e
}

// strictUnmarshal is yaml's strict decoding, with a panic of the decoder
// (goccy/go-yaml dereferences nil on some malformed documents) turned into
// an error about the document.
func strictUnmarshal(b []byte, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the document cannot be decoded (%v)", r)
		}
	}()
	return yaml.UnmarshalWithOptions(b, v, yaml.Strict())
}
