package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Why a backup file was refused. Inspect's errors wrap one of these, so that
// the command line can say in words what is wrong.
var (
	ErrNotDatabase = errors.New("not a SQLite database")
	ErrDamaged     = errors.New("the database is damaged")
	ErrNotPlanverk = errors.New("not a planverk database")
	ErrNewer       = errors.New("made by a newer planverk")
	ErrExists      = errors.New("the file exists")
)

// DamagedError is what SQLite said was wrong with a damaged file.
type DamagedError struct{ Detail string }

func (e *DamagedError) Error() string { return ErrDamaged.Error() + ": " + e.Detail }

func (e *DamagedError) Is(target error) bool { return target == ErrDamaged }

func damaged(detail any) error { return &DamagedError{Detail: fmt.Sprint(detail)} }

// Info is what Inspect found in a database file.
type Info struct {
	// Size is the file's size in bytes.
	Size int64
	// Version is the last migration applied to the file, and Latest the
	// last this planverk knows: a file with an older Version is brought up
	// to date when planverk next opens it.
	Version, Latest int64
	// Programmes is how many programmes the file holds.
	Programmes int
}

// LatestVersion is the number of the last migration built into planverk.
func LatestVersion() int64 {
	entries, err := fs.ReadDir(migrations, "migrations")
	if err != nil {
		panic(err) // embedded at build time: cannot fail
	}
	var latest int64
	for _, e := range entries {
		n, err := strconv.ParseInt(strings.SplitN(e.Name(), "_", 2)[0], 10, 64)
		if err == nil && n > latest {
			latest = n
		}
	}
	return latest
}

// Backup writes a consistent copy of the live database at src to the new
// file dst, and returns what Inspect finds in the copy.
//
// It runs VACUUM INTO in one read transaction: thanks to WAL, planverk goes
// on writing meanwhile, and the copy holds exactly the commits made before
// the transaction began. (The sqlite3 shell's .backup starts over each
// time a write changes the database, and so may never finish while people
// work.) The copy is written beside dst under another name, synced and
// checked, and only then takes dst's name, so that dst is either a whole,
// checked backup or absent. An existing dst is replaced only if overwrite.
func Backup(ctx context.Context, src, dst string, overwrite bool) (Info, error) {
	if _, err := os.Stat(src); err != nil {
		return Info{}, fmt.Errorf("sqlite: backup: %w", err)
	}
	if !overwrite {
		if _, err := os.Lstat(dst); err == nil {
			return Info{}, fmt.Errorf("sqlite: backup to %s: %w", dst, ErrExists)
		}
	}
	// Read-write, though VACUUM INTO writes only the new file: a read-only
	// connection to a stopped database would leave -wal and -shm files
	// beside it, where the last read-write one removes them as it closes.
	// (query_only would refuse VACUUM INTO.)
	db, err := sql.Open("sqlite", "file:"+escapePath(src)+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return Info{}, fmt.Errorf("sqlite: backup: open %s: %w", src, err)
	}
	defer db.Close()
	if _, err := schemaVersion(ctx, db); err != nil {
		return Info{}, fmt.Errorf("sqlite: backup %s: %w", src, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), "."+filepath.Base(dst)+".partial-*")
	if err != nil {
		return Info{}, fmt.Errorf("sqlite: backup: %w", err)
	}
	tmpName := tmp.Name()
	// VACUUM INTO takes an empty file as well as a missing one.
	tmp.Close()
	done := false
	defer func() {
		if !done {
			os.Remove(tmpName)
		}
	}()
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, tmpName); err != nil {
		return Info{}, fmt.Errorf("sqlite: backup %s: %w", src, err)
	}
	db.Close()
	// VACUUM INTO does not promise that the copy has reached the disk.
	if err := syncFile(tmpName); err != nil {
		return Info{}, fmt.Errorf("sqlite: backup: %w", err)
	}
	info, err := Inspect(ctx, tmpName)
	if err != nil {
		return Info{}, fmt.Errorf("sqlite: backup of %s failed its check: %w", src, err)
	}
	if overwrite {
		err = os.Rename(tmpName, dst)
	} else {
		err = linkNew(tmpName, dst)
	}
	if err != nil {
		return Info{}, fmt.Errorf("sqlite: backup to %s: %w", dst, err)
	}
	done = true
	os.Remove(tmpName) // the other name of a hard link; gone already after a rename
	return info, syncDir(filepath.Dir(dst))
}

// linkNew gives the file at from the name to, which must not exist: a hard
// link fails if to exists, where a rename would replace it. Where the file
// system has no hard links, it checks and renames.
func linkNew(from, to string) error {
	err := os.Link(from, to)
	if err == nil {
		return nil
	}
	if errors.Is(err, fs.ErrExist) {
		return ErrExists
	}
	if _, err := os.Lstat(to); err == nil {
		return ErrExists
	}
	return os.Rename(from, to)
}

// Inspect checks that the file at path is a whole planverk database that
// this planverk can open: SQLite's integrity check passes, planverk's
// migrations have been applied, and none newer than planverk's own. It
// opens the file read-only and writes nothing beside it.
func Inspect(ctx context.Context, path string) (Info, error) {
	st, err := os.Stat(path)
	if err != nil {
		return Info{}, err
	}
	if !st.Mode().IsRegular() {
		return Info{}, fmt.Errorf("%s: %w", path, ErrNotDatabase)
	}
	info := Info{Size: st.Size(), Latest: LatestVersion()}
	if err := checkHeader(path); err != nil {
		return info, err
	}
	// immutable: a backup file is nobody's live database, so SQLite needs
	// neither locks nor the -wal and -shm files beside it.
	db, err := sql.Open("sqlite", "file:"+escapePath(path)+"?mode=ro&immutable=1")
	if err != nil {
		return info, fmt.Errorf("open %s: %w", path, err)
	}
	defer db.Close()
	if err := integrityCheck(ctx, db); err != nil {
		return info, fmt.Errorf("%s: %w", path, err)
	}
	if info.Version, err = schemaVersion(ctx, db); err != nil {
		return info, fmt.Errorf("%s: %w", path, err)
	}
	if info.Version > info.Latest {
		return info, fmt.Errorf("%s has migration %d, this planverk only up to %d: %w", path, info.Version, info.Latest, ErrNewer)
	}
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM programmes`).Scan(&info.Programmes); err != nil {
		return info, fmt.Errorf("%s: %w: %v", path, ErrNotPlanverk, err)
	}
	return info, nil
}

// checkHeader reads the 16 bytes every SQLite database begins with.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, 16)
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, []byte("SQLite format 3\x00")) {
		return fmt.Errorf("%s: %w", path, ErrNotDatabase)
	}
	return nil
}

// integrityCheck runs SQLite's full check. A damaged file may fail it with
// a list of problems or fail to run it at all; both are ErrDamaged.
func integrityCheck(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return damaged(err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return damaged(err)
		}
		if p != "ok" {
			problems = append(problems, p)
		}
	}
	if err := rows.Err(); err != nil {
		return damaged(err)
	}
	if len(problems) > 0 {
		if len(problems) > 3 {
			problems = append(problems[:3], fmt.Sprintf("and %d more", len(problems)-3))
		}
		return damaged(strings.Join(problems, "; "))
	}
	return nil
}

// schemaVersion is the last migration goose recorded as applied.
func schemaVersion(ctx context.Context, db *sql.DB) (int64, error) {
	var n int
	err := db.QueryRowContext(ctx,
		`SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'goose_db_version'`).Scan(&n)
	if err != nil {
		if strings.Contains(err.Error(), "not a database") {
			return 0, ErrNotDatabase
		}
		return 0, damaged(err)
	}
	if n == 0 {
		return 0, ErrNotPlanverk
	}
	var v sql.NullInt64
	if err := db.QueryRowContext(ctx,
		`SELECT max(version_id) FROM goose_db_version WHERE is_applied`).Scan(&v); err != nil {
		return 0, fmt.Errorf("%w: %v", ErrNotPlanverk, err)
	}
	if !v.Valid || v.Int64 < 1 {
		return 0, ErrNotPlanverk
	}
	return v.Int64, nil
}

// syncFile makes sure a written file's content is on the disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a rename or a new name in dir survive a power cut.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	// Some file systems cannot sync a directory; the rename is done.
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}
