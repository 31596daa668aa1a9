package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
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
	list, err := store.CatalogueSchemes(ctx, st)
	if err != nil {
		fmt.Fprintf(e.stderr, "planverk schemes export: %v\n", err)
		return exitFailed
	}
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
// any (scheme.CheckFiles, as the browser's import does): a file with one
// mistake changes nothing, and every mistake is listed. A scheme already
// stored the same is left alone; one that differs gets a new revision
// (store.ApplyImport), so the catalogue's history shows what the import
// changed.
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
	var files []scheme.File
	for _, name := range fl.Args() {
		b, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintf(e.stderr, "planverk schemes import: %v\n", err)
			return exitUnusable
		}
		files = append(files, scheme.File{Name: name, Data: b})
	}
	checked := scheme.CheckFiles(files, time.Now())
	if len(checked.Issues) > 0 {
		// Every problem, each where it is: a file that cannot be read is
		// unusable input (stderr, exit 2), a scheme that breaks the
		// catalogue's rules is a finding (stdout, exit 1).
		for _, is := range checked.Issues {
			if is.Read {
				fmt.Fprintf(e.stderr, "planverk schemes import: %s\n", is)
			} else {
				fmt.Fprintln(e.stdout, is)
			}
		}
		fmt.Fprintf(e.stderr, "planverk schemes import: %d problem(s); nothing imported\n", len(checked.Issues))
		if checked.Unreadable() {
			return exitUnusable
		}
		return exitFailed
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		fmt.Fprintf(e.stderr, "planverk schemes import: %v\n", err)
		return exitFailed
	}
	defer st.Close()
	// No preview was seen, so no catalogue version is expected (-1).
	res, _, err := store.ApplyImport(ctx, st, checked.Schemes, store.Edit{Summary: "import " + filepath.Base(fl.Arg(0))}, -1)
	if err != nil {
		fmt.Fprintf(e.stderr, "planverk schemes import: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(e.stdout, "%d scheme(s) read, %d new or changed\n", len(checked.Schemes), res.New+res.Changed)
	return exitOK
}
