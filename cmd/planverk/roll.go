package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"

	"planverk/i18n"
	"planverk/plan"
	"planverk/store"
)

// roll starts a programme's plan for YEAR from its plan for the year
// before (rullering), as "Start the plan for YEAR" does in the browser,
// and says in words what it made: where it started from, what it carried,
// and what the revision is to go through.
func (e *env) roll(ctx context.Context, args []string) int {
	fl := flag.NewFlagSet("roll", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	db := dbFlag(fl)
	langFlag := fl.String("lang", "", "language of the messages: nb, nn or en")
	fl.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: planverk roll [--db PATH-or-URL] [--lang nb|nn|en] PROGRAMME YEAR")
		fmt.Fprintln(e.stderr, "starts the plan for YEAR from the plan for the year before it")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return exitUnusable
	}
	if fl.NArg() != 2 {
		fl.Usage()
		return exitUnusable
	}
	lang := cliLang(*langFlag)
	programme := fl.Arg(0)
	year, err := strconv.Atoi(fl.Arg(1))
	if err != nil {
		fmt.Fprintf(e.stderr, "planverk: YEAR must be a year such as 2026, not %q\n", fl.Arg(1))
		return exitUnusable
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		fmt.Fprintln(e.stderr, "planverk:", err)
		return exitFailed
	}
	defer s.Close()
	v, err := s.RollPlan(ctx, programme, year, store.Edit{
		Summary: i18n.T(lang, "cycle.started", map[string]any{"Year": year, "From": year - 1})})
	if err != nil {
		fmt.Fprintln(e.stderr, "planverk roll:", cliError(lang, err))
		return exitFailed
	}
	f, _, err := s.LoadPlanVersion(ctx, v.ProgrammeID, v.Year, v.Version)
	if err != nil {
		fmt.Fprintln(e.stderr, "planverk roll:", err)
		return exitFailed
	}
	say := func(id string, a map[string]any) { fmt.Fprintln(e.stdout, i18n.T(lang, id, a)) }
	say("cli.rolled", map[string]any{"Year": year, "Programme": f.Programme.Name, "Title": f.Plan.Title, "Version": v.Version})
	if rev := f.Plan.Revision; rev != nil && rev.Base != nil {
		kind := "release"
		if c, err := s.Cycle(ctx, programme, rev.Base.Year); err == nil {
			if r, ok := c.Release(rev.Base.Release); ok {
				kind = string(r.Kind)
			}
		}
		say("cli.rolled-from-release", map[string]any{"From": rev.Base.Year, "Release": rev.Base.Release,
			"Kind": i18n.T(lang, "release.kind-lower."+kind, nil)})
	} else {
		say("cli.rolled-from-draft", map[string]any{"From": year - 1})
	}
	measures, later, review := 0, 0, 0
	for _, g := range f.Plan.Goals {
		for _, m := range g.Measures {
			measures++
			if m.Priority == plan.PriorityLater {
				later++
			}
		}
	}
	for _, sec := range f.Plan.Sections {
		if sec.Review {
			review++
		}
	}
	say("cli.rolled-carried", map[string]any{"Goals": len(f.Plan.Goals), "Measures": measures, "Budgets": len(f.Plan.Budgets),
		"Review": review})
	say("cli.rolled-offered", map[string]any{"Ended": len(f.Plan.CarryCandidates()), "Later": later})
	say("cli.rolled-next", map[string]any{"Address": fmt.Sprintf("/programmes/%s/plans/%d/revision/edit", v.ProgrammeID, v.Year)})
	return exitOK
}

// cliError is an error in the person's words where the domain has words
// for it, and as it is otherwise.
func cliError(lang i18n.Lang, err error) string {
	var pe *plan.Error
	if errors.As(err, &pe) && pe.Key != "" {
		return i18n.T(lang, pe.Key, pe.Args)
	}
	return err.Error()
}
