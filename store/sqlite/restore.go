package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	sqlitedriver "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// ErrInUse means that a restore found the database it would replace open
// in planverk or another program.
var ErrInUse = errors.New("the database is in use")

// ErrTargetDamaged means that the database a restore would replace is too
// damaged for SQLite to open, so that whether it is in use cannot be told.
var ErrTargetDamaged = errors.New("the database to replace is damaged")

// ErrLive means that the file to restore has a write-ahead log beside it:
// it is a database in use, or one not closed cleanly, not a backup.
var ErrLive = errors.New("a database with a write-ahead log, not a backup")

// Restored is what Restore did.
type Restored struct {
	Info
	// Kept is where the database that was replaced now lies, or "" where
	// there was none.
	Kept string
}

// Restore replaces the database at dst with the backup at src, and keeps the
// database it replaces as dst.before-restore-<now>.
//
// Nothing at dst changes until the backup has passed Inspect: the backup
// is copied to a file beside dst, synced and checked there (so that what is
// checked is exactly what is put in place), and only then renamed over dst
// in one step. A dst that planverk or another program has open is refused
// with ErrInUse: replacing a file under a running server would leave it
// writing to the old one.
func Restore(ctx context.Context, src, dst string, now time.Time) (Restored, error) {
	var r Restored
	if _, err := os.Stat(src + "-wal"); err == nil {
		return r, fmt.Errorf("sqlite: restore %s: %w", src, ErrLive)
	}
	// A first check of the backup itself, so that a bad backup is refused
	// before anything is written beside dst.
	if _, err := Inspect(ctx, src); err != nil {
		return r, fmt.Errorf("sqlite: restore: %w", err)
	}
	tmpName, err := copyBeside(src, dst)
	if err != nil {
		return r, fmt.Errorf("sqlite: restore: %w", err)
	}
	done := false
	defer func() {
		if !done {
			os.Remove(tmpName)
		}
	}()
	if r.Info, err = Inspect(ctx, tmpName); err != nil {
		return r, fmt.Errorf("sqlite: restore: the copy of %s: %w", src, err)
	}
	if _, err := os.Lstat(dst); errors.Is(err, os.ErrNotExist) {
		// A log without its database would be applied to the restored one.
		for _, side := range []string{dst + "-wal", dst + "-journal"} {
			if _, err := os.Stat(side); err == nil {
				return r, fmt.Errorf("sqlite: restore: %s lies where the restored database would go; move it away first", side)
			}
		}
		os.Remove(dst + "-shm")
		if err := os.Rename(tmpName, dst); err != nil {
			return r, fmt.Errorf("sqlite: restore: %w", err)
		}
		done = true
		return r, syncDir(filepath.Dir(dst))
	}
	release, err := takeOver(ctx, dst)
	if err != nil {
		return r, fmt.Errorf("sqlite: restore to %s: %w", dst, err)
	}
	defer release()
	// The restored database keeps the permissions of the one it replaces,
	// so that the user planverk runs as can still write it.
	if st, err := os.Stat(dst); err == nil {
		if err := os.Chmod(tmpName, st.Mode().Perm()); err != nil {
			return r, fmt.Errorf("sqlite: restore: %w", err)
		}
	}
	r.Kept = dst + ".before-restore-" + now.Format("20060102-150405")
	if err := keep(dst, r.Kept); err != nil {
		return r, fmt.Errorf("sqlite: restore: keep the old database: %w", err)
	}
	if err := os.Rename(tmpName, dst); err != nil {
		return r, fmt.Errorf("sqlite: restore: %w", err)
	}
	done = true
	os.Remove(dst + "-shm")
	return r, syncDir(filepath.Dir(dst))
}

// copyBeside copies src to a new, synced file in dst's directory, from
// which a rename to dst is atomic.
func copyBeside(src, dst string) (string, error) {
	in, err := os.Open(src)
	if err != nil {
		return "", err
	}
	defer in.Close()
	out, err := os.CreateTemp(filepath.Dir(dst), "."+filepath.Base(dst)+".restore-*")
	if err != nil {
		return "", err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(out.Name())
		return "", err
	}
	return out.Name(), nil
}

// takeOver makes sure that nobody else has the database at path open and
// keeps them out until release.
//
// Leaving WAL mode is what tells: SQLite allows it only to the one
// connection to a database, and does it by first writing the log into the
// database file, so that the file is then whole by itself. The exclusive
// transaction then makes a planverk that starts meanwhile wait.
func takeOver(ctx context.Context, path string) (release func(), err error) {
	db, err := sql.Open("sqlite", "file:"+escapePath(path)+"?_pragma=busy_timeout(2000)")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, err
	}
	fail := func(err error) (func(), error) {
		conn.Close()
		db.Close()
		return nil, err
	}
	var mode string
	if err := conn.QueryRowContext(ctx, `PRAGMA journal_mode=DELETE`).Scan(&mode); err != nil {
		return fail(lockError(err))
	}
	if mode != "delete" {
		return fail(ErrInUse)
	}
	if _, err := conn.ExecContext(ctx, `BEGIN EXCLUSIVE`); err != nil {
		return fail(lockError(err))
	}
	return func() {
		_, _ = conn.ExecContext(context.Background(), `ROLLBACK`)
		conn.Close()
		db.Close()
	}, nil
}

// lockError tells a database that another connection holds from one SQLite
// cannot read.
func lockError(err error) error {
	var se *sqlitedriver.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return fmt.Errorf("%w (%v)", ErrInUse, err)
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			return &targetDamaged{detail: err.Error()}
		}
	}
	return err
}

// targetDamaged is ErrTargetDamaged with what SQLite said.
type targetDamaged struct{ detail string }

func (e *targetDamaged) Error() string        { return ErrTargetDamaged.Error() + ": " + e.detail }
func (e *targetDamaged) Is(target error) bool { return target == ErrTargetDamaged }

// keep gives the database at path a second name, kept, before a rename
// replaces it: a hard link where the file system has them, else a synced
// copy.
func keep(path, kept string) error {
	if err := os.Link(path, kept); err == nil {
		return nil
	} else if errors.Is(err, os.ErrExist) {
		return err
	}
	tmp, err := copyBeside(path, kept)
	if err != nil {
		return err
	}
	if err := linkNew(tmp, kept); err != nil {
		os.Remove(tmp)
		return err
	}
	os.Remove(tmp)
	return nil
}
