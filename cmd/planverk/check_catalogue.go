package main

import (
	"fmt"
	"strings"
	"time"

	"planverk/i18n"
	"planverk/inputlimit"
	"planverk/plan"
	"planverk/scheme"
)

// fileKind is what a file given to check holds. A plan file is a mapping
// ("planverk: 1", programme, …); the support-scheme catalogue and its
// glossary are lists, of schemes and of terms. examples/ holds all three,
// so `planverk check examples/*.yaml` meets them all: each is checked as
// what it is, and said to be so, rather than failing as a plan.
type fileKind string

const (
	kindPlan     fileKind = "plan"
	kindSchemes  fileKind = "schemes"
	kindGlossary fileKind = "glossary"
)

// kindOf tells the kinds apart by the file's shape. Anything that is not a
// list, including a file that is not YAML at all, is read as a plan, whose
// reader says what is wrong with it.
func kindOf(data []byte) fileKind {
	var list []map[string]any
	if err := inputlimit.UnmarshalYAML(data, &list, inputlimit.Default); err != nil || len(list) == 0 {
		return kindPlan
	}
	if _, ok := list[0]["terms"]; ok {
		return kindGlossary
	}
	return kindSchemes
}

// checkCatalogueFile checks a catalogue or glossary file with the
// catalogue's own checks, as the browser's import and planverk schemes
// import do, and notes first what kind of file it was taken for.
func checkCatalogueFile(name string, data []byte, kind fileKind, lang i18n.Lang) checked {
	c := checked{name: name, kind: kind}
	switch kind {
	case kindSchemes:
		res := scheme.CheckFiles([]scheme.File{{Name: name, Data: data}}, time.Now())
		c.other = append(c.other, kindNote(name, "cli.checked-as-schemes", len(res.Schemes), lang))
		for _, is := range res.Issues {
			l := located{File: name, Line: max(is.Line, 1), Column: max(is.Col, 1), Severity: plan.SeverityError,
				Rule: "catalogue", Message: issueText(lang, is), Path: is.Field}
			if is.ID != "" {
				l.Message = is.ID + ": " + l.Message
			}
			c.other = append(c.other, l)
		}
	case kindGlossary:
		terms, err := scheme.ReadGlossary(name, data)
		if err != nil {
			c.unusable = err
			return c
		}
		c.other = append(c.other, kindNote(name, "cli.checked-as-glossary", len(terms), lang))
		for _, p := range scheme.ValidateGlossary(terms) {
			c.other = append(c.other, located{File: name, Line: 1, Column: 1, Severity: plan.SeverityError,
				Rule: "glossary", Message: p.String(), Path: p.Field})
		}
	}
	return c
}

func kindNote(name, id string, count int, lang i18n.Lang) located {
	return located{File: name, Line: 1, Column: 1, Severity: plan.SeverityNote, Rule: "file-kind",
		Message: i18n.T(lang, id, map[string]any{"Number": count})}
}

// issueText says a catalogue problem in the chosen language, as the
// browser's import does, falling back to the English of the check.
func issueText(lang i18n.Lang, is scheme.Issue) string {
	id := "import-problem." + is.Code
	args := make(map[string]any, len(is.Args))
	for k, v := range is.Args {
		args[k] = v
	}
	if msg := i18n.T(lang, id, args); !strings.HasPrefix(msg, id) {
		if is.Field != "" {
			return fmt.Sprintf("%s: %s", is.Field, msg)
		}
		return msg
	}
	return is.String()
}
