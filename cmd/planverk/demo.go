package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"planverk/demo"
)

// demoCmd is planverk demo generate: a synthetic national data set for
// trying and measuring planverk at the scale of the country.
func (e *env) demoCmd(ctx context.Context, args []string) int {
	if len(args) == 0 || args[0] != "generate" {
		fmt.Fprintln(e.stderr, "usage: planverk demo generate [options]")
		return exitUnusable
	}
	n := demo.National()
	fl := flag.NewFlagSet("demo generate", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	db := dbFlag(fl)
	seed := fl.Uint64("seed", n.Seed, "the seed: the same seed and sizes make the same data")
	fl.IntVar(&n.Programmes, "programmes", n.Programmes, "how many programmes, over every county and municipality")
	fl.IntVar(&n.Years, "years", n.Years, "how many yearly plans each programme has, ending with this year")
	fl.IntVar(&n.Measures, "measures", n.Measures, "about how many measures the latest plans hold in all")
	fl.IntVar(&n.Schemes, "schemes", n.Schemes, "how many support schemes")
	fl.IntVar(&n.Projects, "projects", n.Projects, "how many projects, with commitments and payments")
	fl.IntVar(&n.Reports, "reports", n.Reports, "how many project reports, over the projects' periods, most accepted")
	fl.IntVar(&n.Workers, "workers", 1, "programmes stored at once (PostgreSQL only gains; every plan save also rewrites the shared organisations, so many at once conflict)")
	quiet := fl.Bool("quiet", false, "print only the result")
	fl.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: planverk demo generate [--db PATH-or-URL] [--seed N] [--programmes N] [--years N] [--measures N] [--schemes N] [--projects N] [--reports N]")
		fmt.Fprintln(e.stderr, "fills a new, empty database with synthetic programmes, marked as synthetic on every page")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args[1:]); err != nil {
		return exitUnusable
	}
	if fl.NArg() != 0 {
		fl.Usage()
		return exitUnusable
	}
	n.Seed = *seed
	if !*quiet {
		n.Progress = func(format string, args ...any) { fmt.Fprintf(e.stderr, "planverk: "+format+"\n", args...) }
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		fmt.Fprintln(e.stderr, "planverk:", err)
		return exitFailed
	}
	defer s.Close()
	res, err := demo.Generate(ctx, s, n)
	if err != nil {
		var r *demo.Refusal
		if errors.As(err, &r) {
			fmt.Fprintln(e.stderr, "planverk: refused:", r.Reason)
			return exitFailed
		}
		fmt.Fprintln(e.stderr, "planverk: demo generate:", err)
		return exitFailed
	}
	fmt.Fprintf(e.stdout, "synthetic data set (seed %d) in %s:\n", n.Seed, res.Took.Round(time.Millisecond))
	fmt.Fprintf(e.stdout, "  %d programmes, %d plans, %d versions, %d releases, %d measures in the latest versions\n",
		res.Programmes, res.Plans, res.Versions, res.Releases, res.Measures)
	fmt.Fprintf(e.stdout, "  %d support schemes, %d projects, %d commitments, %d payments\n",
		res.Schemes, res.Projects, res.Commitments, res.Payments)
	fmt.Fprintf(e.stdout, "  %d project reports, %d of them accepted, with %d jobs created or secured\n",
		res.Reports, res.Accepted, res.AcceptedJobs)
	fmt.Fprintln(e.stdout, "every page of this database says that its data is synthetic")
	return exitOK
}
