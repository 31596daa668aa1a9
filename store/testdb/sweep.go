package testdb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"
)

// A test binary that panics or times out ends before Run can drop its
// templates and before its tests' cleanups drop their databases. Each
// database made here therefore carries a comment naming the machine and the
// process that made it, and the next template made on that server drops
// those whose process has ended on this machine. Databases of other
// machines, and of processes still running, are never touched.

// markPrefix starts the comment of every database made here.
const markPrefix = "planverk test database, made by "

// owner is this process as the comment names it: host and process id.
func owner() string {
	host, _ := os.Hostname()
	return fmt.Sprintf("%s pid %d", host, os.Getpid())
}

// mark writes the comment on a database.
func mark(ctx context.Context, a *sql.DB, name string) error {
	comment := strings.ReplaceAll(markPrefix+owner(), "'", "''")
	if _, err := a.ExecContext(ctx, `COMMENT ON DATABASE `+name+` IS '`+comment+`'`); err != nil {
		return fmt.Errorf("testdb: mark %s: %w", name, err)
	}
	return nil
}

// sweep drops the databases that processes of this machine made and left
// behind when they ended. It is best effort: a failure leaves them.
func sweep(ctx context.Context, a *sql.DB) {
	rows, err := a.QueryContext(ctx, `SELECT datname, shobj_description(oid, 'pg_database') FROM pg_database
		WHERE shobj_description(oid, 'pg_database') LIKE $1`, markPrefix+"%")
	if err != nil {
		return
	}
	var left []string
	host, _ := os.Hostname()
	for rows.Next() {
		var name, comment string
		if rows.Scan(&name, &comment) != nil {
			continue
		}
		var h string
		var pid int
		if _, err := fmt.Sscanf(strings.TrimPrefix(comment, markPrefix), "%s pid %d", &h, &pid); err != nil {
			continue
		}
		if h == host && pid != os.Getpid() && ended(pid) {
			left = append(left, name)
		}
	}
	rows.Close()
	for _, name := range left {
		_ = dropDatabase(a, name)
	}
}

// ended reports whether no process with the id runs on this machine. Where
// it cannot tell, the process is taken to be running.
func ended(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return errors.Is(err, os.ErrProcessDone) || errors.Is(err, syscall.ESRCH)
}
