package assessment

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"unicode/utf8"

	"github.com/goccy/go-yaml"

	"planverk/i18n"
	"planverk/inputlimit"
)

// Set is an indicator set: the dimensions of the assessment (the process,
// the effects) and the indicators under each, the scale every indicator is
// scored on, the weight of each dimension by programme year, and the roles
// of the assessment team. It is data, so that a programme may assess by
// another set than the default, and an assessment keeps the set it was
// started on.
type Set struct {
	Name       string      `yaml:"name"`
	Version    string      `yaml:"version"`
	Scale      Scale       `yaml:"scale"`
	Dimensions []Dimension `yaml:"dimensions"`
	Weights    []Weight    `yaml:"weights"`
	Roles      []Role      `yaml:"roles"`
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

// Dimension is a group of indicators (the process, the effects).
type Dimension struct {
	Key        string      `yaml:"key"`
	Name       Text        `yaml:"name"`
	Indicators []Indicator `yaml:"indicators"`
}

// Indicator is one thing the team scores. Its key names its score in
// stored assessments and across years, whatever its wording.
type Indicator struct {
	Key  string `yaml:"key"`
	Name Text   `yaml:"name"`
}

// Weight is the weight of each dimension, in per cent of the whole, in the
// programme years From to To (To 0: every year from From on).
type Weight struct {
	From       int            `yaml:"from"`
	To         int            `yaml:"to"`
	Dimensions map[string]int `yaml:"dimensions"`
}

// Role is a place in the assessment team (the programme's management, the
// county's observer).
type Role struct {
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

// Indicator finds an indicator by its key.
func (s *Set) Indicator(key string) (Indicator, bool) {
	for _, ind := range s.Indicators() {
		if ind.Key == key {
			return ind, true
		}
	}
	return Indicator{}, false
}

// Role finds a role by its key.
func (s *Set) Role(key string) (Role, bool) {
	for _, r := range s.Roles {
		if r.Key == key {
			return r, true
		}
	}
	return Role{}, false
}

// WeightIn returns the weights of a programme year: those of the weight
// whose years hold it, or of the last weight for a year after them all.
func (s *Set) WeightIn(programmeYear int) map[string]int {
	for _, w := range s.Weights {
		if programmeYear >= w.From && (w.To == 0 || programmeYear <= w.To) {
			return w.Dimensions
		}
	}
	if programmeYear < 1 && len(s.Weights) > 0 {
		return s.Weights[0].Dimensions
	}
	if len(s.Weights) > 0 {
		return s.Weights[len(s.Weights)-1].Dimensions
	}
	return nil
}

// SetError is what is wrong with an indicator-set document.
type SetError struct {
	What string
}

func (e *SetError) Error() string { return "indicator set: " + e.What }

func setErr(format string, args ...any) error { return &SetError{What: fmt.Sprintf(format, args...)} }

var keyPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// MaxScaleSteps bounds a scale: a row of choices longer than this is no
// longer a scale a team can agree on.
const MaxScaleSteps = 11

// ParseSet reads an indicator-set document strictly: an unknown field, a
// name missing in one of the languages, a key malformed or used twice,
// weights that do not add up to 100 or leave a programme year out, or a
// scale that is not a few whole numbers upwards is an error.
func ParseSet(src []byte) (*Set, error) {
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, setErr("the document is empty")
	}
	if !utf8.Valid(src) {
		return nil, setErr("the document is not UTF-8")
	}
	// A set is read by every assessment page; a hostile one must not cost
	// a decoder's tree.
	var le *inputlimit.Error
	if errors.As(inputlimit.YAML(src, inputlimit.Default), &le) {
		return nil, setErr("the document is too large (%s)", le.Limit)
	}
	var s Set
	if err := strictUnmarshal(src, &s); err != nil {
		return nil, setErr("%v", err)
	}
	switch {
	case s.Name == "":
		return nil, setErr("no name")
	case s.Scale.Max <= s.Scale.Min:
		return nil, setErr("the scale's max must be above its min")
	case s.Scale.Max-s.Scale.Min+1 > MaxScaleSteps:
		return nil, setErr("the scale has more than %d steps", MaxScaleSteps)
	case len(s.Dimensions) == 0:
		return nil, setErr("no dimensions")
	case len(s.Weights) == 0:
		return nil, setErr("no weights")
	case len(s.Roles) == 0:
		return nil, setErr("no roles")
	}
	if err := checkText(s.Scale.Low, "scale.low"); err != nil {
		return nil, err
	}
	if err := checkText(s.Scale.High, "scale.high"); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	key := func(k, what string) error {
		switch {
		case !keyPattern.MatchString(k):
			return setErr("%s: the key %q is not lower-case letters, digits and hyphens", what, k)
		case seen[k]:
			return setErr("the key %q is used twice", k)
		}
		seen[k] = true
		return nil
	}
	dims := map[string]bool{}
	for i, d := range s.Dimensions {
		if err := key(d.Key, fmt.Sprintf("dimension %d", i+1)); err != nil {
			return nil, err
		}
		dims[d.Key] = true
		if err := checkText(d.Name, d.Key); err != nil {
			return nil, err
		}
		if len(d.Indicators) == 0 {
			return nil, setErr("dimension %s has no indicators", d.Key)
		}
		for j, ind := range d.Indicators {
			if err := key(ind.Key, fmt.Sprintf("indicator %d of %s", j+1, d.Key)); err != nil {
				return nil, err
			}
			if err := checkText(ind.Name, ind.Key); err != nil {
				return nil, err
			}
		}
	}
	next := 1
	for i, w := range s.Weights {
		switch {
		case w.From != next:
			return nil, setErr("weight %d starts in programme year %d, not %d", i+1, w.From, next)
		case w.To != 0 && w.To < w.From:
			return nil, setErr("weight %d ends before it starts", i+1)
		case w.To == 0 && i != len(s.Weights)-1:
			return nil, setErr("weight %d has no end but is not the last", i+1)
		case i == len(s.Weights)-1 && w.To != 0:
			return nil, setErr("the last weight must have no end, so that every year has one")
		}
		next = w.To + 1
		sum := 0
		for k, n := range w.Dimensions {
			if !dims[k] {
				return nil, setErr("weight %d names %q, which is no dimension", i+1, k)
			}
			if n < 0 {
				return nil, setErr("weight %d gives %s a negative weight", i+1, k)
			}
			sum += n
		}
		for k := range dims {
			if _, ok := w.Dimensions[k]; !ok {
				return nil, setErr("weight %d leaves out %s", i+1, k)
			}
		}
		if sum != 100 {
			return nil, setErr("weight %d adds up to %d, not 100", i+1, sum)
		}
	}
	for i, r := range s.Roles {
		if err := key(r.Key, fmt.Sprintf("role %d", i+1)); err != nil {
			return nil, err
		}
		if err := checkText(r.Name, r.Key); err != nil {
			return nil, err
		}
	}
	return &s, nil
}

// checkText fails a text that leaves out one of the languages.
func checkText(t Text, what string) error {
	for _, l := range []struct{ lang, text string }{{"nb", t.NB}, {"nn", t.NN}, {"en", t.EN}} {
		if l.text == "" {
			return setErr("%s has no name in %s", what, l.lang)
		}
	}
	return nil
}

// strictUnmarshal is yaml's strict decoding, with a panic of the decoder
// turned into an error about the document.
func strictUnmarshal(b []byte, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the document cannot be decoded (%v)", r)
		}
	}()
	return yaml.UnmarshalWithOptions(b, v, yaml.Strict())
}
