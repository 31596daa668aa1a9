package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"planverk/examples"
	"planverk/plan"
	"planverk/store"
	"planverk/store/sqlite"
)

// openSQLite opens a planverk database file for a test.
func openSQLite(t *testing.T, path string) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// ack is a write the store acknowledged, and when.
type ack struct {
	writer, seq int
	version     int // the plan version an edit made; 0 for a new user
	at          time.Time
}

func userEmail(writer, seq int) string { return fmt.Sprintf("drill-%d-%d@example.no", writer, seq) }

// TestBackupRestoreDrill is the restore drill: people save while the backup
// runs, and the restored database holds every save acknowledged before the
// backup began, passes SQLite's integrity check, and is a snapshot (no
// writer's later save without its earlier ones).
func TestBackupRestoreDrill(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	live := filepath.Join(dir, "live.db")
	s := openSQLite(t, live)
	if _, err := examples.Install(ctx, s); err != nil {
		t.Fatal(err)
	}

	// Four writers add users, one saves edits of a plan, until stopped.
	const users = 4
	var (
		mu        sync.Mutex
		acks      []ack
		total     atomic.Int64
		stop      = make(chan struct{})
		wg        sync.WaitGroup
		writeErrs = make(chan error, users+1)
	)
	record := func(a ack) {
		mu.Lock()
		acks = append(acks, a)
		mu.Unlock()
		total.Add(1)
	}
	for w := 1; w <= users; w++ {
		wg.Go(func() {
			for seq := 1; ; seq++ {
				select {
				case <-stop:
					return
				default:
				}
				if _, err := s.CreateUser(ctx, store.User{Email: userEmail(w, seq), Name: "Drill", CreatedAt: time.Now()}); err != nil {
					writeErrs <- err
					return
				}
				record(ack{writer: w, seq: seq, at: time.Now()})
			}
		})
	}
	wg.Go(func() {
		for seq := 1; ; seq++ {
			select {
			case <-stop:
				return
			default:
			}
			v, err := s.EditPlan(ctx, "vest-telemark", 2025, store.Edit{Summary: "drill"}, func(f *plan.File) error {
				f.Plan.Goals[0].Measures[0].Title = fmt.Sprintf("Drill %d", seq)
				return nil
			})
			if err != nil {
				writeErrs <- err
				return
			}
			record(ack{writer: 0, seq: seq, version: v.Version, at: time.Now()})
		}
	})
	for total.Load() < 50 {
		time.Sleep(5 * time.Millisecond)
	}

	backup := filepath.Join(dir, "backup.db")
	began := time.Now()
	code, out, errOut := planverk(t, "backup", "--db", live, "--to", backup)
	ended := time.Now()
	// The writers go on a little after the backup, then stop.
	after := total.Load()
	for total.Load() < after+20 {
		time.Sleep(5 * time.Millisecond)
	}
	close(stop)
	wg.Wait()
	close(writeErrs)
	for err := range writeErrs {
		t.Errorf("a save failed while the backup ran: %v", err)
	}
	if code != exitOK {
		t.Fatalf("backup: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "Backed up") || !strings.Contains(out, "2 programmes") ||
		!strings.Contains(out, "seconds") || !strings.Contains(out, "kB") && !strings.Contains(out, "MB") {
		t.Errorf("the backup does not say what it copied, how big and how fast: %q", out)
	}

	var before, during int
	for _, a := range acks {
		switch {
		case a.at.Before(began):
			before++
		case a.at.Before(ended):
			during++
		}
	}
	t.Logf("%d saves before the backup, %d while it ran (%s)", before, during, ended.Sub(began).Round(time.Millisecond))
	// A save takes milliseconds: a long backup without one held people up.
	// (A short one may fall between two saves.)
	if took := ended.Sub(began); during == 0 && took > 500*time.Millisecond {
		t.Errorf("no save was acknowledged while the backup ran (%s): the backup held the writers up", took)
	}

	restored := filepath.Join(dir, "restored.db")
	code, out, errOut = planverk(t, "restore", "--from", backup, "--db", restored)
	if code != exitOK || !strings.Contains(out, "Restored") || !strings.Contains(out, "integrity check") {
		t.Fatalf("restore: exit %d\n%s%s", code, out, errOut)
	}
	if info, err := sqlite.Inspect(ctx, restored); err != nil {
		t.Fatalf("the restored database: %v", err)
	} else if info.Programmes != 2 {
		t.Errorf("the restored database holds %d programmes, want 2", info.Programmes)
	}
	r := openSQLite(t, restored)
	// has says whether a save is in the restored database.
	has := func(a ack) bool {
		if a.writer == 0 {
			f, _, err := r.LoadPlanVersion(ctx, "vest-telemark", 2025, a.version)
			return err == nil && f.Plan.Goals[0].Measures[0].Title == fmt.Sprintf("Drill %d", a.seq)
		}
		_, err := r.UserByEmail(ctx, userEmail(a.writer, a.seq))
		return err == nil
	}
	last := map[int]int{} // each writer's last save in the restored database
	for _, a := range acks {
		if has(a) {
			last[a.writer] = max(last[a.writer], a.seq)
		} else if a.at.Before(began) {
			t.Errorf("writer %d's save %d was acknowledged before the backup began, but the restored database lacks it", a.writer, a.seq)
		}
	}
	for _, a := range acks {
		if a.seq < last[a.writer] && !has(a) {
			t.Errorf("the restored database has writer %d's save %d but not its earlier save %d: not a snapshot", a.writer, last[a.writer], a.seq)
		}
	}
}

// fixtures are a closed planverk database with one user, and a backup made
// by planverk backup of another with another user, made once: opening a
// new database runs every migration, which takes seconds under -race.
var fixtures struct {
	once           sync.Once
	target, backup []byte
	err            error
}

func fixtureFiles(t *testing.T) (target, backup []byte) {
	t.Helper()
	fixtures.once.Do(func() {
		fixtures.err = func() error {
			ctx := context.Background()
			dir, err := os.MkdirTemp("", "planverk-backup-*")
			if err != nil {
				return err
			}
			defer os.RemoveAll(dir)
			for _, db := range []struct{ name, email string }{{"target.db", "in-target@example.no"}, {"source.db", "from-backup@example.no"}} {
				s, err := sqlite.Open(ctx, filepath.Join(dir, db.name))
				if err != nil {
					return err
				}
				_, err = s.CreateUser(ctx, store.User{Email: db.email, Name: "N"})
				if cerr := s.Close(); err == nil {
					err = cerr
				}
				if err != nil {
					return err
				}
			}
			var out, errOut bytes.Buffer
			if code := run(ctx, []string{"backup", "--db", filepath.Join(dir, "source.db"), "--to", filepath.Join(dir, "backup.db")},
				strings.NewReader(""), &out, &errOut); code != exitOK {
				return fmt.Errorf("backup: exit %d\n%s%s", code, &out, &errOut)
			}
			if fixtures.target, err = os.ReadFile(filepath.Join(dir, "target.db")); err != nil {
				return err
			}
			fixtures.backup, err = os.ReadFile(filepath.Join(dir, "backup.db"))
			return err
		}()
	})
	if fixtures.err != nil {
		t.Fatal(fixtures.err)
	}
	return fixtures.target, fixtures.backup
}

// goodBackup puts a backup, made by planverk backup, of a planverk database
// with one user in dir.
func goodBackup(t *testing.T, dir string) string {
	t.Helper()
	_, backup := fixtureFiles(t)
	path := filepath.Join(dir, "good-backup.db")
	if err := os.WriteFile(path, backup, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// target puts a closed planverk database with another user in a directory
// of its own, and returns its path.
func target(t *testing.T) string {
	t.Helper()
	db, _ := fixtureFiles(t)
	path := filepath.Join(t.TempDir(), "planverk.db")
	if err := os.WriteFile(path, db, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// snapshot is every file in a directory with its content.
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = b
	}
	return files
}

func sameFiles(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for name, content := range a {
		if other, ok := b[name]; !ok || !bytes.Equal(content, other) {
			return false
		}
	}
	return true
}

// TestRestoreRefusesBadBackups: a damaged backup, a SQLite file that is not
// planverk's, a file that is no database and one from a newer planverk are
// each refused with the reason, and the database stays as it was, with
// nothing left beside it.
func TestRestoreRefusesBadBackups(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	good := goodBackup(t, dir)
	content, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// exec writes a SQLite file at name, starting from a copy of the good
	// backup or from nothing.
	exec := func(name string, from []byte, stmts ...string) string {
		p := filepath.Join(dir, name)
		if from != nil {
			write(name, from)
		}
		db, err := sql.Open("sqlite", p)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		for _, q := range stmts {
			if _, err := db.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
		return p
	}
	cases := []struct {
		name, file, want string
	}{
		{"truncated", write("truncated.db", content[:len(content)/2]), "damaged"},
		{"another program's database", exec("other.db", nil, `CREATE TABLE notes (body TEXT)`, `INSERT INTO notes VALUES ('x')`), "not a planverk backup"},
		{"not a database", write("notes.txt", []byte("dette er ikkje ein database\n")), "not a planverk backup"},
		{"empty", write("empty.db", nil), "not a planverk backup"},
		{"from a newer planverk", exec("newer.db", content,
			fmt.Sprintf(`INSERT INTO goose_db_version (version_id, is_applied) VALUES (%d, 1)`, sqlite.LatestVersion()+1)), "newer planverk"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := target(t)
			before := snapshot(t, filepath.Dir(path))
			code, out, errOut := planverk(t, "restore", "--from", c.file, "--db", path)
			if code != exitFailed {
				t.Errorf("exit %d, want %d\n%s%s", code, exitFailed, out, errOut)
			}
			if !strings.Contains(errOut, c.want) || !strings.Contains(errOut, "Nothing was changed") {
				t.Errorf("the refusal does not say %q and that nothing changed: %q", c.want, errOut)
			}
			if after := snapshot(t, filepath.Dir(path)); !sameFiles(before, after) {
				t.Errorf("the refused restore changed the database's directory: now %v", slices.Sorted(maps.Keys(after)))
			}
		})
	}
}

// TestRestoreRefusesDatabaseInUse: while planverk has the database open, a
// restore is refused and the data stays; once it is closed, the restore
// replaces it and keeps the old one beside it.
func TestRestoreRefusesDatabaseInUse(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	good := goodBackup(t, t.TempDir())
	path := target(t)
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := planverk(t, "restore", "--from", good, "--db", path)
	if code != exitFailed || !strings.Contains(errOut, "in use") || !strings.Contains(errOut, "Stop planverk") {
		t.Errorf("restore under a running planverk: exit %d\n%s%s", code, out, errOut)
	}
	if _, err := s.UserByEmail(ctx, "in-target@example.no"); err != nil {
		t.Errorf("after the refused restore, planverk lost its data: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	code, out, errOut = planverk(t, "restore", "--from", good, "--db", path)
	if code != exitOK {
		t.Fatalf("restore after planverk stopped: exit %d\n%s%s", code, out, errOut)
	}
	r := openSQLite(t, path)
	if _, err := r.UserByEmail(ctx, "from-backup@example.no"); err != nil {
		t.Errorf("the restored database lacks the backup's user: %v", err)
	}
	if _, err := r.UserByEmail(ctx, "in-target@example.no"); err == nil {
		t.Error("the restored database still has the replaced one's user")
	}
	kept, err := filepath.Glob(path + ".before-restore-*")
	if err != nil || len(kept) != 1 {
		t.Fatalf("the replaced database was not kept: %v %v", kept, err)
	}
	if !strings.Contains(out, kept[0]) {
		t.Errorf("the restore does not say where the replaced database is kept: %q", out)
	}
	old := openSQLite(t, kept[0])
	if _, err := old.UserByEmail(ctx, "in-target@example.no"); err != nil {
		t.Errorf("the kept database lacks its user: %v", err)
	}
}

// TestBackupWillNotOverwrite: an existing file stays unless --force, and a
// PostgreSQL database is sent to pg_dump and pg_restore.
func TestBackupWillNotOverwrite(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	live := target(t)
	openSQLite(t, live)
	to := filepath.Join(dir, "backup.db")
	if err := os.WriteFile(to, []byte("last week's backup"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := planverk(t, "backup", "--db", live, "--to", to)
	if code != exitUnusable || !strings.Contains(errOut, "exists") || !strings.Contains(errOut, "--force") {
		t.Errorf("backup over a file: exit %d, %q", code, errOut)
	}
	if b, _ := os.ReadFile(to); string(b) != "last week's backup" {
		t.Error("the backup replaced an existing file without --force")
	}
	if code, out, errOut := planverk(t, "backup", "--db", live, "--to", to, "--force"); code != exitOK {
		t.Errorf("backup --force: exit %d\n%s%s", code, out, errOut)
	}
	if _, err := sqlite.Inspect(context.Background(), to); err != nil {
		t.Errorf("backup --force did not leave a backup: %v", err)
	}

	code, _, errOut = planverk(t, "backup", "--db", filepath.Join(dir, "missing.db"), "--to", filepath.Join(dir, "b2.db"))
	if code != exitUnusable || !strings.Contains(errOut, "no database at") {
		t.Errorf("backup of a missing database: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "missing.db")); err == nil {
		t.Error("the backup of a missing database created it")
	}

	pg := "postgres://planverk@db.example.internal/planverk"
	code, _, errOut = planverk(t, "backup", "--db", pg, "--to", filepath.Join(dir, "pg.dump"))
	if code != exitUnusable || !strings.Contains(errOut, "pg_dump") || !strings.Contains(errOut, "operator-guide") {
		t.Errorf("backup of PostgreSQL: exit %d, %q", code, errOut)
	}
	code, _, errOut = planverk(t, "restore", "--db", pg, "--from", to)
	if code != exitUnusable || !strings.Contains(errOut, "pg_restore") {
		t.Errorf("restore into PostgreSQL: exit %d, %q", code, errOut)
	}
}

// TestRestoreOverDamagedDatabase: a database too damaged to open cannot
// tell whether it is in use, so the restore asks the operator to move it
// aside, and then restores into its place.
func TestRestoreOverDamagedDatabase(t *testing.T) {
	t.Parallel()
	good := goodBackup(t, t.TempDir())
	path := filepath.Join(t.TempDir(), "planverk.db")
	if err := os.WriteFile(path, []byte("SQLite format 3\x00 and then nothing"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, filepath.Dir(path))
	code, _, errOut := planverk(t, "restore", "--from", good, "--db", path)
	if code != exitFailed || !strings.Contains(errOut, "itself damaged") || !strings.Contains(errOut, "move "+path) {
		t.Errorf("restore over a damaged database: exit %d, %q", code, errOut)
	}
	if !sameFiles(before, snapshot(t, filepath.Dir(path))) {
		t.Error("the refused restore changed the damaged database's directory")
	}
	if err := os.Rename(path, path+".damaged"); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := planverk(t, "restore", "--from", good, "--db", path); code != exitOK {
		t.Fatalf("restore after moving the damaged database: exit %d\n%s%s", code, out, errOut)
	}
	if _, err := openSQLite(t, path).UserByEmail(context.Background(), "from-backup@example.no"); err != nil {
		t.Errorf("the restored database lacks the backup's user: %v", err)
	}
}

// TestBackupOfStoppedDatabase: backing up a database planverk is not using
// leaves it as it was, with no -wal or -shm beside it, and restoring from a
// live database (one with a log beside it) instead of a backup is refused.
func TestBackupOfStoppedDatabase(t *testing.T) {
	t.Parallel()
	path := target(t)
	before := snapshot(t, filepath.Dir(path))
	to := filepath.Join(t.TempDir(), "backup.db")
	if code, out, errOut := planverk(t, "backup", "--db", path, "--to", to); code != exitOK {
		t.Fatalf("backup: exit %d\n%s%s", code, out, errOut)
	}
	if after := snapshot(t, filepath.Dir(path)); !sameFiles(before, after) {
		t.Errorf("the backup changed the stopped database's directory: now %v", slices.Sorted(maps.Keys(after)))
	}

	live := target(t)
	openSQLite(t, live)
	code, _, errOut := planverk(t, "restore", "--from", live, "--db", filepath.Join(t.TempDir(), "new.db"))
	if code != exitFailed || !strings.Contains(errOut, "write-ahead log") || !strings.Contains(errOut, "planverk backup") {
		t.Errorf("restore from a live database: exit %d, %q", code, errOut)
	}
}
