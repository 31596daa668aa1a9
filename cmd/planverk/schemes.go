package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"planverk/scheme"
	"planverk/store"
)

// schemes imports and exports the support-scheme catalogue, so that a county
// can maintain it in bulk in a spreadsheet or another system.
func (e *env) schemes(ctx context.Context, args []string) int {
	if len(args) == 0 || (args[0] != "import" && args[0] != "export") {
		fmt.Fprintln(e.stderr, "usage: planverk schemes export [--format json|csv] [-o FILE] [--db PATH-or-URL]\n       planverk schemes import [--db PATH-or-URL] FILE... (.csv, .json or .yaml)")
		return exitUnusable
	}
	if args[0] == "export" {
		return e.schemesExport(ctx, args[1:])
	}
	return e.schemesImport(ctx, args[1:])
}

func (e *env) schemesExport(ctx context.Context, args []string) int {
	fl := flag.NewFlagSet("schemes export", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	db := dbFlag(fl)
	format := fl.String("format", "json", "json or csv")
	out := fl.String("o", "", "write to this file instead of standard output")
	if err := fl.Parse(args); err != nil {
		return exitUnusable
	}
	if *format != "json" && *format != "csv" {
		fmt.Fprintf(e.stderr, "planverk schemes export: --format %q: write json or csv\n", *format)
		return exitUnusable
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		fmt.Fprintf(e.stderr, "planverk schemes export: %v\n", err)
		return exitFailed
	}
	defer st.Close()
	records, err := st.Schemes(ctx)
	if err != nil {
		fmt.Fprintf(e.stderr, "planverk schemes export: %v\n", err)
		return exitFailed
	}
	list := make([]scheme.Scheme, len(records))
	for i, r := range records {
		list[i] = r.Scheme
	}
	slices.SortFunc(list, func(a, b scheme.Scheme) int { return strings.Compare(a.ID, b.ID) })
	var w io.Writer = e.stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintf(e.stderr, "planverk schemes export: %v\n", err)
			return exitFailed
		}
		defer f.Close()
		w = f
	}
	if *format == "csv" {
		err = scheme.WriteCSV(w, list)
	} else {
		err = scheme.WriteJSON(w, list)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "planverk schemes export: %v\n", err)
		return exitFailed
	}
	return exitOK
}

// schemesImport reads every file and checks every scheme before it stores
// any: a file with one mistake changes nothing. A scheme already stored
// the same is left alone; one that differs gets a new revision, so the
// catalogue's history shows what the import changed.
func (e *env) schemesImport(ctx context.Context, args []string) int {
	fl := flag.NewFlagSet("schemes import", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	db := dbFlag(fl)
	if err := fl.Parse(args); err != nil {
		return exitUnusable
	}
	if fl.NArg() == 0 {
		fmt.Fprintln(e.stderr, "planverk schemes import: name one or more files (.csv, .json or .yaml)")
		return exitUnusable
	}
	var all []scheme.Scheme
	for _, name := range fl.Args() {
		list, err := readSchemeFile(name)
		if err != nil {
			fmt.Fprintf(e.stderr, "planverk schemes import: %v\n", err)
			return exitUnusable
		}
		all = append(all, list...)
	}
	if problems := scheme.ValidateCatalogue(all, time.Now()); len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintf(e.stdout, "%s: %s\n", p.Field, p.Message)
		}
		fmt.Fprintf(e.stderr, "planverk schemes import: %d problem(s); nothing imported\n", len(problems))
		return exitFailed
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		fmt.Fprintf(e.stderr, "planverk schemes import: %v\n", err)
		return exitFailed
	}
	defer st.Close()
	changed := 0
	for _, s := range all {
		before, _ := st.SchemeRevisions(ctx, s.ID)
		rec, err := st.EditScheme(ctx, s.ID, store.Edit{Summary: "import " + filepath.Base(fl.Arg(0))}, func(sc *scheme.Scheme, _ bool) error {
			*sc = s
			return nil
		})
		if err != nil {
			fmt.Fprintf(e.stderr, "planverk schemes import: %s: %v\n", s.ID, err)
			return exitFailed
		}
		if len(before) == 0 || rec.Revision != before[0].Revision {
			changed++
		}
	}
	fmt.Fprintf(e.stdout, "%d scheme(s) read, %d new or changed\n", len(all), changed)
	return exitOK
}

// readSchemeFile reads a catalogue file in the format its name ends with.
func readSchemeFile(name string) ([]scheme.Scheme, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		return scheme.ReadCSV(name, strings.NewReader(string(b)))
	case ".json":
		return scheme.ReadJSON(name, strings.NewReader(string(b)))
	case ".yaml", ".yml":
		return scheme.ReadSchemes(name, b)
	}
	return nil, fmt.Errorf("%s: name the file .csv, .json or .yaml, so that its format is known", name)
}
