package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	"planverk/store/sqlite"
)

// restore puts a backup in the database's place, after checking it, and
// keeps the database it replaces.
func (e *env) restore(ctx context.Context, args []string) int {
	fl := flag.NewFlagSet("restore", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	db := dbFlag(fl)
	from := fl.String("from", "", "the backup file to restore (required)")
	if err := fl.Parse(args); err != nil {
		return exitUnusable
	}
	if *from == "" || fl.NArg() > 0 {
		fmt.Fprintln(e.stderr, "usage: planverk restore --from FILE [--db PATH]   (stop planverk first)")
		return exitUnusable
	}
	if isPostgres(*db) {
		fmt.Fprintf(e.stderr, "planverk restore restores SQLite databases only. For PostgreSQL use pg_restore into a new, empty database, for example\n"+
			"  createdb -O planverk planverk_restored && pg_restore -d planverk_restored %s\nand read %s.\n", *from, operatorGuide)
		return exitUnusable
	}
	if _, err := os.Stat(*from); err != nil {
		fmt.Fprintf(e.stderr, "planverk restore: cannot read the backup %s: %v\n", *from, errors.Unwrap(err))
		return exitUnusable
	}
	path := sqlitePath(*db)
	r, err := sqlite.Restore(ctx, *from, path, time.Now())
	if err != nil {
		fmt.Fprintf(e.stderr, "planverk restore: %s Nothing was changed.\n", restoreRefusal(err, *from, path))
		return exitFailed
	}
	fmt.Fprintf(e.stdout, "Restored %s into %s: %s, %s. The backup passed SQLite's integrity check.\n",
		*from, path, sizeInWords(r.Size), programmesInWords(r.Programmes))
	if r.Kept != "" {
		fmt.Fprintf(e.stdout, "The database it replaced is kept as %s; delete it when you no longer need it.\n", r.Kept)
	}
	if r.Version < r.Latest {
		fmt.Fprintln(e.stdout, "The backup was made by an older planverk; planverk brings it up to date when it next opens it.")
	}
	return exitOK
}

// restoreRefusal says in words why a restore was refused.
func restoreRefusal(err error, from, path string) string {
	switch {
	case errors.Is(err, sqlite.ErrInUse):
		return fmt.Sprintf("%s is in use, probably by a running planverk. "+
			"Stop planverk (the server and any command using the database), then restore again.", path)
	case errors.Is(err, sqlite.ErrTargetDamaged):
		return fmt.Sprintf("%s is itself damaged, so planverk cannot tell whether it is in use. "+
			"Make sure planverk is stopped, move %s (and any %s-wal and %s-shm beside it) to another name, then restore again.", path, path, path, path)
	case errors.Is(err, sqlite.ErrLive):
		return fmt.Sprintf("%s has a write-ahead log (%s-wal) beside it, so it is a database in use or one not closed cleanly, not a backup. "+
			"Make a backup of it with planverk backup --db %s --to FILE and restore that.", from, from, from)
	case errors.Is(err, sqlite.ErrDamaged):
		detail := ""
		if d := (*sqlite.DamagedError)(nil); errors.As(err, &d) {
			detail = " (" + d.Detail + ")"
		}
		return fmt.Sprintf("the backup %s is damaged: it fails SQLite's integrity check%s. Restore an earlier backup.", from, detail)
	case errors.Is(err, sqlite.ErrNewer):
		return fmt.Sprintf("the backup %s was made by a newer planverk than this one (%s). Restore it with that version or a later one.", from, version)
	case errors.Is(err, sqlite.ErrNotDatabase), errors.Is(err, sqlite.ErrNotPlanverk):
		return fmt.Sprintf("%s is not a planverk backup.", from)
	}
	return fmt.Sprintf("the restore failed: %v.", err)
}
