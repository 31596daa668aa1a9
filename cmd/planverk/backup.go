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

// operatorGuide is where an operator reads about backups.
const operatorGuide = `"Backups and restore" in docs/operator-guide.md`

// backup copies a live SQLite database to a new file, while planverk goes on
// serving and saving, and says how big the copy is and how long it took.
func (e *env) backup(ctx context.Context, args []string) int {
	fl := flag.NewFlagSet("backup", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	db := dbFlag(fl)
	to := fl.String("to", "", "the backup file to write (required); it must not exist unless --force")
	force := fl.Bool("force", false, "replace the backup file if it exists")
	if err := fl.Parse(args); err != nil {
		return exitUnusable
	}
	if *to == "" || fl.NArg() > 0 {
		fmt.Fprintln(e.stderr, "usage: planverk backup --to FILE [--force] [--db PATH]")
		return exitUnusable
	}
	if isPostgres(*db) {
		fmt.Fprintf(e.stderr, "planverk backup copies SQLite databases only. For PostgreSQL use pg_dump, for example\n"+
			"  pg_dump -Fc -d 'URL' -f %s\nand read %s.\n", *to, operatorGuide)
		return exitUnusable
	}
	if _, err := os.Stat(sqlitePath(*db)); err != nil {
		fmt.Fprintf(e.stderr, "planverk backup: there is no database at %s; give its path with --db.\n", sqlitePath(*db))
		return exitUnusable
	}
	start := time.Now()
	info, err := sqlite.Backup(ctx, sqlitePath(*db), *to, *force)
	took := time.Since(start)
	if err != nil {
		switch {
		case errors.Is(err, sqlite.ErrExists):
			fmt.Fprintf(e.stderr, "planverk backup: %s exists already. Choose another name, or add --force to replace it.\n", *to)
			return exitUnusable
		case errors.Is(err, sqlite.ErrNotPlanverk), errors.Is(err, sqlite.ErrNotDatabase):
			fmt.Fprintf(e.stderr, "planverk backup: %s is not a planverk database; nothing was written.\n", *db)
			return exitUnusable
		}
		fmt.Fprintf(e.stderr, "planverk backup: no backup was made: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(e.stdout, "Backed up %s to %s: %s, %s, in %s. The copy passed SQLite's integrity check.\n",
		*db, *to, sizeInWords(info.Size), programmesInWords(info.Programmes), durationInWords(took))
	return exitOK
}

// sizeInWords gives a file size the way an operator reads it: 812 bytes,
// 4.2 MB, 1.3 GB (powers of 1024, as ls -lh and du -h count them).
func sizeInWords(n int64) string {
	if n < 1024 {
		return fmt.Sprintf("%d bytes", n)
	}
	v := float64(n) / 1024
	for _, unit := range []string{"kB", "MB", "GB"} {
		if v < 1024 {
			return fmt.Sprintf("%.1f %s", v, unit)
		}
		v /= 1024
	}
	return fmt.Sprintf("%.1f TB", v)
}

// durationInWords rounds a duration to what matters for a backup.
func durationInWords(d time.Duration) string {
	switch {
	case d < time.Second:
		return fmt.Sprintf("%.2f seconds", d.Seconds())
	case d < time.Minute:
		return fmt.Sprintf("%.1f seconds", d.Seconds())
	}
	return d.Round(time.Second).String()
}

func programmesInWords(n int) string {
	if n == 1 {
		return "1 programme"
	}
	return fmt.Sprintf("%d programmes", n)
}
