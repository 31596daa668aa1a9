package main

import (
	"context"
	"flag"
	"fmt"
	"strconv"

	"planverk/cycle"
	"planverk/i18n"
	"planverk/store"
)

// publish opens a stored plan to everyone, as "Publish" does on the plan's
// page, and refuses where the page does: a programme whose plans are
// proposed, anchored and approved publishes by its proposal.
func (e *env) publish(ctx context.Context, args []string) int {
	fl := flag.NewFlagSet("publish", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	db := dbFlag(fl)
	langFlag := fl.String("lang", "", "language of the messages: nb, nn or en")
	fl.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: planverk publish [--db PATH-or-URL] [--lang nb|nn|en] PROGRAMME YEAR")
		fmt.Fprintln(e.stderr, "opens a stored plan to everyone: visitors can read it")
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
	if err := publishPlan(ctx, s, programme, year); err != nil {
		fmt.Fprintln(e.stderr, "planverk publish:", i18n.T(lang, "cli.not-published", map[string]any{"Reason": cliError(lang, err)}))
		return exitFailed
	}
	fmt.Fprintln(e.stdout, i18n.T(lang, "cli.published", map[string]any{"Programme": programme, "Year": year}))
	return exitOK
}

// publishPlan opens a programme's plan for a year to everyone, where the
// yearly cycle allows it (cycle.PublishRefusal, as in the browser).
func publishPlan(ctx context.Context, s store.Store, programme string, year int) error {
	f, _, err := s.LoadPlan(ctx, programme, year)
	if err != nil {
		return err
	}
	c, err := s.Cycle(ctx, programme, year)
	if err != nil {
		return fmt.Errorf("the plan's cycle: %w", err)
	}
	if err := cycle.PublishRefusal(f, len(c.Releases) > 0); err != nil {
		return err
	}
	return s.SetPublished(ctx, programme, year, true, 0)
}

// publicationHint says whether a plan just imported can be read by
// visitors, and if not, how it comes to be: the publish command, or, where
// the cycle publishes by the proposal, that.
func publicationHint(ctx context.Context, s store.Store, lang i18n.Lang, v store.PlanVersion) string {
	args := map[string]any{"Programme": v.ProgrammeID, "Year": v.Year}
	if v.Published {
		return i18n.T(lang, "cli.import-published", args)
	}
	f, _, err := s.LoadPlan(ctx, v.ProgrammeID, v.Year)
	if err == nil {
		var c cycle.Cycle
		if c, err = s.Cycle(ctx, v.ProgrammeID, v.Year); err == nil {
			err = cycle.PublishRefusal(f, len(c.Releases) > 0)
		}
	}
	if err != nil {
		return i18n.T(lang, "cli.not-published", map[string]any{"Reason": cliError(lang, err)})
	}
	return i18n.T(lang, "cli.import-not-published", args)
}
