package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"

	"planverk/i18n"
	"planverk/plan"
	"planverk/planfile"
)

// checked is one file after reading and checking.
type checked struct {
	name     string
	doc      *planfile.Document
	findings []plan.Finding
	// unusable is set when the file could not be read or is not YAML.
	unusable error
	// kind is what the file holds; other are the findings of a file that
	// is not a plan (check_catalogue.go), its kind's note first.
	kind  fileKind
	other []located
}

// checkFile reads and checks one plan file, or a catalogue or glossary
// file given with the plans.
func checkFile(name string, lang i18n.Lang) checked {
	data, err := os.ReadFile(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			err = fmt.Errorf("no such file")
		}
		return checked{name: name, unusable: err}
	}
	if kind := kindOf(data); kind != kindPlan {
		return checkCatalogueFile(name, data, kind, lang)
	}
	doc, err := planfile.Read(name, data)
	if err != nil {
		return checked{name: name, unusable: err}
	}
	c := checked{name: name, doc: doc, findings: doc.Findings}
	if doc.File != nil {
		c.findings = append(c.findings, plan.Check(doc.File)...)
	}
	return c
}

func (c checked) hasErrors() bool {
	for _, l := range c.other {
		if l.Severity == plan.SeverityError {
			return true
		}
	}
	return c.unusable != nil || plan.HasErrors(c.findings)
}

// located is a finding or a related note with its place in the file.
type located struct {
	File     string          `json:"file"`
	Line     int             `json:"line"`
	Column   int             `json:"column"`
	Severity plan.Severity   `json:"severity"`
	Rule     string          `json:"rule"`
	Message  string          `json:"message"`
	Path     string          `json:"path,omitempty"`
	Related  []locatedDetail `json:"related,omitempty"`
}

type locatedDetail struct {
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
	Path    string `json:"path"`
}

func (c checked) locate(lang i18n.Lang) []located {
	if c.unusable != nil {
		loc := located{File: c.name, Line: 1, Column: 1, Severity: plan.SeverityError, Rule: "read",
			Message: i18n.T(lang, "cli.read-error", map[string]any{"Detail": c.unusable.Error()})}
		var se *planfile.SyntaxError
		if errors.As(c.unusable, &se) {
			loc.Line, loc.Column, loc.Rule = se.Pos.Line, se.Pos.Col, "syntax"
			loc.Message = i18n.T(lang, "cli.read-error", map[string]any{"Detail": se.Message})
			if se.Limit != nil {
				loc.Message = i18n.T(lang, "cli.read-error", map[string]any{"Detail": i18n.Limit(lang, se.Limit)})
			}
		}
		return []located{loc}
	}
	out := append([]located(nil), c.other...)
	for _, f := range c.findings {
		pos := c.doc.Pos(f.Path)
		l := located{File: c.name, Line: pos.Line, Column: pos.Col, Severity: f.Severity, Rule: f.Rule,
			Message: i18n.Finding(lang, f), Path: f.Path}
		for _, r := range f.Related {
			rp := c.doc.Pos(r.Path)
			l.Related = append(l.Related, locatedDetail{Line: rp.Line, Column: rp.Col, Message: i18n.Related(lang, r), Path: r.Path})
		}
		out = append(out, l)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Line != out[j].Line {
			return out[i].Line < out[j].Line
		}
		return out[i].Column < out[j].Column
	})
	return out
}

func (e *env) check(args []string) int {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	format := fl.String("format", "text", "output format: text or json")
	langFlag := fl.String("lang", "", "language of the messages: nb, nn or en (default from PLANVERK_LANG or LANG)")
	fl.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: planverk check [--format text|json] [--lang nb|nn|en] FILE...")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return exitUnusable
	}
	if fl.NArg() == 0 || (*format != "text" && *format != "json") {
		fl.Usage()
		return exitUnusable
	}
	lang := cliLang(*langFlag)
	var results []checked
	for _, name := range fl.Args() {
		results = append(results, checkFile(name, lang))
	}
	if *format == "json" {
		writeJSON(e.stdout, results, lang)
	} else {
		writeText(e.stdout, e.stderr, results, lang)
	}
	code := exitOK
	for _, r := range results {
		switch {
		case r.unusable != nil:
			code = exitUnusable
		case r.hasErrors() && code == exitOK:
			code = exitFailed
		}
	}
	return code
}

func cliLang(flagValue string) i18n.Lang {
	if flagValue != "" {
		return i18n.Parse(flagValue)
	}
	return i18n.FromEnv()
}

// writeText prints findings as FILE:LINE:COL: SEVERITY RULE: message, the
// form editors and CI logs understand, with related places as notes below.
func writeText(stdout, stderr io.Writer, results []checked, lang i18n.Lang) {
	var errs, warns int
	for _, r := range results {
		for _, l := range r.locate(lang) {
			fmt.Fprintf(stdout, "%s:%d:%d: %s %s: %s\n", l.File, l.Line, l.Column, l.Severity, l.Rule, l.Message)
			for _, d := range l.Related {
				fmt.Fprintf(stdout, "%s:%d:%d: %s %s: %s\n", l.File, d.Line, d.Column, plan.SeverityNote, l.Rule, d.Message)
			}
			switch l.Severity {
			case plan.SeverityError:
				errs++
			case plan.SeverityWarning:
				warns++
			}
		}
	}
	fmt.Fprintln(stderr, i18n.T(lang, "cli.summary", map[string]any{"Files": len(results), "Errors": errs, "Warnings": warns}))
}

func writeJSON(w io.Writer, results []checked, lang i18n.Lang) {
	out := []located{}
	for _, r := range results {
		out = append(out, r.locate(lang)...)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(out)
}
