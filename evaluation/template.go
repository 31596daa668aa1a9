package evaluation

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

// Template is a funder's structure for a final evaluation: the sections a
// programme writes, each with a heading and a guidance text in bokmål,
// nynorsk and English.
type Template struct {
	// Name identifies the template; uploading a template of the same name
	// replaces it for evaluations started after.
	Name string `yaml:"name"`
	// Funder is who asks for it, in words ("Kommunal- og
	// distriktsdepartementet"); "" for a general template.
	Funder string `yaml:"funder,omitempty"`
	// Version is the template's own version as its author writes it.
	Version  string    `yaml:"version"`
	Sections []Section `yaml:"sections"`
}

// Section is one section of the evaluation that the programme writes.
type Section struct {
	// Key names the section's text in a stored evaluation; it stays when
	// the heading's wording changes.
	Key      string `yaml:"key"`
	Heading  Text   `yaml:"heading"`
	Guidance Text   `yaml:"guidance,omitempty"`
}

// Text is a text in each of planverk's languages.
type Text = i18n.Text

// Section returns the template's section with the key.
func (t *Template) Section(key string) (Section, bool) {
	for _, s := range t.Sections {
		if s.Key == key {
			return s, true
		}
	}
	return Section{}, false
}

// TemplateError is what is wrong with a template document, and where. Key
// and Args name the message in the i18n catalogues ("evaluation.template.
// …"); Detail is the YAML reader's own words, where it is a syntax error.
type TemplateError struct {
	Line   int
	Key    string
	Args   map[string]any
	Detail string
}

func (e *TemplateError) Error() string {
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

// ParseTemplate reads a template document strictly: an unknown field, a
// section without a key or a heading in one of the languages, or a key used
// twice is a *TemplateError with the line it stands on.
func ParseTemplate(src []byte) (*Template, error) {
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, &TemplateError{Line: 1, Key: "evaluation.template.empty"}
	}
	if !utf8.Valid(src) {
		return nil, &TemplateError{Line: 1, Key: "input.not-utf8"}
	}
	// A template is uploaded by an administrator but read by every
	// evaluation page; a hostile one must not cost a decoder's tree.
	var le *inputlimit.Error
	if errors.As(inputlimit.YAML(src, inputlimit.Default), &le) {
		return nil, &TemplateError{Line: max(le.Line, 1), Key: "limit." + le.Limit, Args: map[string]any{"Max": le.MaxText()}}
	}
	file, err := parser.ParseBytes(src, 0)
	if err != nil {
		return nil, yamlError(err)
	}
	if len(file.Docs) != 1 {
		return nil, &TemplateError{Line: 1, Key: "evaluation.template.one-document"}
	}
	var t Template
	if err := strictUnmarshal(src, &t); err != nil {
		return nil, yamlError(err)
	}
	lines := sectionLines(file.Docs[0].Body)
	line := func(i int) int {
		if i < len(lines) {
			return lines[i]
		}
		return 1
	}
	switch {
	case t.Name == "":
		return nil, &TemplateError{Line: 1, Key: "evaluation.template.missing", Args: map[string]any{"Field": "name"}}
	case t.Version == "":
		return nil, &TemplateError{Line: 1, Key: "evaluation.template.missing", Args: map[string]any{"Field": "version"}}
	case len(t.Sections) == 0:
		return nil, &TemplateError{Line: 1, Key: "evaluation.template.no-sections"}
	}
	seen := map[string]bool{}
	for i, s := range t.Sections {
		n := i + 1
		switch {
		case s.Key == "":
			return nil, &TemplateError{Line: line(i), Key: "evaluation.template.no-key", Args: map[string]any{"Number": n}}
		case !keyPattern.MatchString(s.Key):
			return nil, &TemplateError{Line: line(i), Key: "evaluation.template.bad-key", Args: map[string]any{"Key": s.Key}}
		case seen[s.Key]:
			return nil, &TemplateError{Line: line(i), Key: "evaluation.template.twice", Args: map[string]any{"Key": s.Key}}
		}
		seen[s.Key] = true
		for lang, h := range map[string]string{"nb": s.Heading.NB, "nn": s.Heading.NN, "en": s.Heading.EN} {
			if h == "" {
				return nil, &TemplateError{Line: line(i), Key: "evaluation.template.no-heading",
					Args: map[string]any{"Key": s.Key, "Language": lang}}
			}
		}
	}
	return &t, nil
}

// yamlError turns the YAML reader's error into a TemplateError at its line.
func yamlError(err error) *TemplateError {
	e := &TemplateError{Line: 1, Key: "evaluation.template.syntax", Detail: err.Error()}
	var ye yaml.Error
	if errors.As(err, &ye) {
		e.Detail = ye.GetMessage()
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			e.Line = tk.Position.Line
		}
	}
	return e
}

// sectionLines returns the line each entry of the sections list starts on.
func sectionLines(body ast.Node) []int {
	m, ok := body.(*ast.MappingNode)
	if !ok {
		return nil
	}
	for _, kv := range m.Values {
		if kv.Key.String() != "sections" {
			continue
		}
		seq, ok := kv.Value.(*ast.SequenceNode)
		if !ok {
			return nil
		}
		var out []int
		for _, v := range seq.Values {
			out = append(out, v.GetToken().Position.Line)
		}
		return out
	}
	return nil
}

// strictUnmarshal is yaml's strict decoding, with a panic of the decoder
// (goccy/go-yaml dereferences nil on a tagged scalar where a list belongs,
// found by the fuzzer) turned into an error about the document.
func strictUnmarshal(b []byte, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the document cannot be decoded (%v); is a value tagged with ! where a list or mapping belongs?", r)
		}
	}()
	return yaml.UnmarshalWithOptions(b, v, yaml.Strict())
}
