package testdb

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"testing"

	"planverk/store/postgres"
)

func TestMain(m *testing.M) { Main(m) }

// fills counts the runs of the fill, per engine.
var fills = map[string]*atomic.Int32{"sqlite": {}, "postgres": {}}

// rows is a template with a table of one row.
var rows = New(func(ctx context.Context, engine, dsn string) error {
	fills[engine].Add(1)
	db, err := open(engine, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if engine == "sqlite" {
		// WAL, as the store has it, so that the template must be
		// checkpointed to be whole in one file.
		if _, err := db.ExecContext(ctx, `PRAGMA journal_mode=WAL`); err != nil {
			return err
		}
	}
	for _, q := range []string{`CREATE TABLE t (v text)`, `INSERT INTO t VALUES ('from the template')`} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return db.Close()
})

func open(engine, dsn string) (*sql.DB, error) {
	if engine == "sqlite" {
		return sql.Open("sqlite", dsn)
	}
	return sql.Open("pgx", dsn)
}

func engines(t *testing.T) []string {
	if os.Getenv(PostgresVariable) == "" {
		t.Logf("%s is not set: PostgreSQL is not tested", PostgresVariable)
		return []string{"sqlite"}
	}
	return []string{"sqlite", "postgres"}
}

// Each test gets a copy with the template's rows, its own: what one test
// writes, another does not see, and the template is made once.
func TestCopies(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			var dsns []string
			for i := range 3 {
				t.Run(fmt.Sprint(i), func(t *testing.T) {
					dsn := rows.Database(t, engine)
					dsns = append(dsns, dsn)
					db, err := open(engine, dsn)
					if err != nil {
						t.Fatal(err)
					}
					defer db.Close()
					var vs []string
					r, err := db.Query(`SELECT v FROM t ORDER BY v`)
					if err != nil {
						t.Fatal(err)
					}
					for r.Next() {
						var v string
						if err := r.Scan(&v); err != nil {
							t.Fatal(err)
						}
						vs = append(vs, v)
					}
					if err := r.Err(); err != nil {
						t.Fatal(err)
					}
					if strings.Join(vs, ",") != "from the template" {
						t.Errorf("copy %d holds %q, want the template's one row", i, vs)
					}
					if _, err := db.Exec(`INSERT INTO t VALUES ('written by copy ` + fmt.Sprint(i) + `')`); err != nil {
						t.Fatal(err)
					}
				})
			}
			if n := fills[engine].Load(); n != 1 {
				t.Errorf("the template was filled %d times, want once", n)
			}
			if len(dsns) == 3 && (dsns[0] == dsns[1] || dsns[1] == dsns[2]) {
				t.Errorf("copies share a database: %v", dsns)
			}
			if engine == "postgres" {
				for _, dsn := range dsns {
					name := dsn[strings.LastIndex(dsn, "/")+1:]
					if exists(t, name) {
						t.Errorf("%s is still there after its test", name)
					}
				}
			}
		})
	}
}

// A template that cannot be made fails the tests that ask for it, with the
// reason.
func TestFillFails(t *testing.T) {
	broken := New(func(context.Context, string, string) error { return fmt.Errorf("no examples today") })
	for _, engine := range engines(t) {
		rec := &recorder{TB: t}
		func() {
			defer func() { _ = recover() }()
			broken.Database(rec, engine)
		}()
		if !strings.Contains(rec.msg, "no examples today") {
			t.Errorf("%s: a failed fill reported %q", engine, rec.msg)
		}
	}
}

// A database that a process of this machine left behind when it ended is
// dropped by the next template made on the server; one of a running
// process is not.
func TestSweep(t *testing.T) {
	if os.Getenv(PostgresVariable) == "" {
		t.Skipf("%s is not set", PostgresVariable)
	}
	ctx := context.Background()
	a, err := adminDB(os.Getenv(PostgresVariable))
	if err != nil {
		t.Fatal(err)
	}
	ended := exec.Command("true")
	if err := ended.Run(); err != nil {
		t.Skipf("no process to end: %v", err)
	}
	host, _ := os.Hostname()
	left, _ := newName("planverk_test")
	running, _ := newName("planverk_test")
	for name, pid := range map[string]int{left: ended.Process.Pid, running: os.Getppid()} {
		if _, err := a.ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = dropDatabase(a, name) })
		comment := fmt.Sprintf("%s%s pid %d", markPrefix, host, pid)
		if _, err := a.ExecContext(ctx, `COMMENT ON DATABASE `+name+` IS '`+comment+`'`); err != nil {
			t.Fatal(err)
		}
	}
	sweep(ctx, a)
	if exists(t, left) {
		t.Errorf("%s, left by an ended process, is still there", left)
	}
	if !exists(t, running) {
		t.Errorf("%s, of a running process, was dropped", running)
	}
}

func exists(t *testing.T, name string) bool {
	t.Helper()
	a, err := adminDB(os.Getenv(PostgresVariable))
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := a.QueryRow(`SELECT count(*) FROM pg_database WHERE datname = $1`, name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n > 0
}

// recorder is a testing.TB that records a failure instead of reporting it.
type recorder struct {
	testing.TB
	msg string
}

func (r *recorder) Helper() {}
func (r *recorder) Fatal(args ...any) {
	r.msg = fmt.Sprint(args...)
	panic(r)
}
func (r *recorder) Fatalf(format string, args ...any) { r.Fatal(fmt.Sprintf(format, args...)) }

// The tests and the fixtures read the server from the same variable.
func TestPostgresVariable(t *testing.T) {
	if PostgresVariable != postgres.TestURLVariable {
		t.Errorf("PostgresVariable = %s, postgres.TestURLVariable = %s", PostgresVariable, postgres.TestURLVariable)
	}
}
