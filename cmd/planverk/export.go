package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strconv"

	"planverk/plan"
	"planverk/planfile"
)

func (e *env) export(ctx context.Context, args []string) int {
	fl := flag.NewFlagSet("export", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	db := dbFlag(fl)
	out := fl.String("o", "", "write to this file instead of standard output")
	ver := fl.Int("version", 0, "export this version rather than the latest")
	fl.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: planverk export [--db PATH-or-URL] [-o FILE] [--version N] PROGRAMME YEAR")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return exitUnusable
	}
	if fl.NArg() != 2 {
		fl.Usage()
		return exitUnusable
	}
	year, err := strconv.Atoi(fl.Arg(1))
	if err != nil {
		fmt.Fprintf(e.stderr, "planverk: YEAR must be a year such as 2025, not %q\n", fl.Arg(1))
		return exitUnusable
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		fmt.Fprintln(e.stderr, "planverk:", err)
		return exitFailed
	}
	defer s.Close()
	var f *plan.File
	if *ver > 0 {
		f, _, err = s.LoadPlanVersion(ctx, fl.Arg(0), year, *ver)
	} else {
		f, _, err = s.LoadPlan(ctx, fl.Arg(0), year)
	}
	if err != nil {
		fmt.Fprintln(e.stderr, "planverk:", err)
		return exitFailed
	}
	data, err := planfile.Marshal(f)
	if err != nil {
		fmt.Fprintln(e.stderr, "planverk:", err)
		return exitFailed
	}
	if *out == "" {
		_, err = e.stdout.Write(data)
	} else {
		err = os.WriteFile(*out, data, 0o644)
	}
	if err != nil {
		fmt.Fprintln(e.stderr, "planverk: write:", err)
		return exitFailed
	}
	return exitOK
}
