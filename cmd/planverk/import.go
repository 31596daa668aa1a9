package main

import (
	"context"
	"flag"
	"fmt"

	"planverk/i18n"
	"planverk/plan"
)

// importPlans checks every file first and stores them only if none has an
// error, so that a bad file leaves the database exactly as it was.
func (e *env) importPlans(ctx context.Context, args []string) int {
	fl := flag.NewFlagSet("import", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	db := dbFlag(fl)
	langFlag := fl.String("lang", "", "language of the messages: nb, nn or en")
	publish := fl.Bool("publish", false, "open each imported plan to everyone, as planverk publish does")
	fl.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: planverk import [--db PATH-or-URL] [--publish] FILE...")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return exitUnusable
	}
	if fl.NArg() == 0 {
		fl.Usage()
		return exitUnusable
	}
	lang := cliLang(*langFlag)
	var results []checked
	code := exitOK
	for _, name := range fl.Args() {
		r := checkFile(name, lang)
		if r.unusable == nil && r.kind != "" && r.kind != kindPlan {
			// A catalogue or glossary is checked as one, but this command
			// stores plans: say where it goes instead.
			r.other = []located{{File: name, Line: 1, Column: 1, Severity: plan.SeverityError, Rule: "file-kind",
				Message: i18n.T(lang, "cli.import-not-a-plan", nil)}}
		}
		results = append(results, r)
		switch {
		case r.unusable != nil:
			code = exitUnusable
		case r.hasErrors() && code == exitOK:
			code = exitFailed
		}
	}
	if code != exitOK {
		writeText(e.stderr, e.stderr, results, lang)
		fmt.Fprintln(e.stderr, "planverk:", i18n.T(lang, "cli.import-refused", nil))
		return code
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		fmt.Fprintln(e.stderr, "planverk:", err)
		return exitFailed
	}
	defer s.Close()
	for _, r := range results {
		v, err := s.SavePlan(ctx, r.doc.File)
		if err != nil {
			fmt.Fprintf(e.stderr, "planverk: %s: %v\n", r.name, err)
			return exitFailed
		}
		said := "cli.imported"
		if v.Unchanged {
			said = "cli.import-unchanged"
		}
		fmt.Fprintln(e.stdout, i18n.T(lang, said, map[string]any{
			"Programme": v.ProgrammeID, "Year": v.Year, "Version": v.Version}))
		if *publish && !v.Published {
			// The plan is stored whatever the publication's fate: a
			// refusal says why, and the command fails so a script notices.
			if err := publishPlan(ctx, s, v.ProgrammeID, v.Year); err != nil {
				fmt.Fprintln(e.stderr, "planverk:", i18n.T(lang, "cli.not-published", map[string]any{"Reason": cliError(lang, err)}))
				code = exitFailed
				continue
			}
			v.Published = true
		}
		fmt.Fprintln(e.stdout, publicationHint(ctx, s, lang, v))
	}
	return code
}
