package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"planverk/scheme"
	"planverk/store"
	"planverk/store/postgres"
	"planverk/store/testdb"
)

// TestChangeWatch: on PostgreSQL a server learns of a catalogue change
// made by another copy of planverk at once, although it then trusts its
// catalogue for a minute, and of a plan closed by another copy, although it
// serves the plan's public page without asking: the database tells it.
func TestChangeWatch(t *testing.T) {
	if os.Getenv(postgres.TestURLVariable) == "" {
		t.Skipf("%s is not set", postgres.TestURLVariable)
	}
	testdb.Parallel(t)
	ctx := context.Background()
	dsn := exampleDatabase.Database(t, "postgres")
	other, err := openStore(ctx, "postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	mine, err := openStore(ctx, "postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mine.Close() })
	app, err := New(mine, slog.New(slog.NewTextHandler(io.Discard, nil)), Config{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(app.Close)
	for deadline := time.Now().Add(10 * time.Second); !app.schemes.watched.Load(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the catalogue watch was not in place within 10 s")
		}
	}
	if got := app.schemes.recheck(); got != schemeRecheckWatched {
		t.Fatalf("watched, the catalogue is rechecked every %v, want %v", got, schemeRecheckWatched)
	}
	before, err := app.catalogue(ctx)
	if err != nil {
		t.Fatal(err)
	}

	if _, err := other.EditGlossary(ctx, store.Edit{Summary: "ny"}, func(terms *[]scheme.Term) error {
		*terms = append(*terms, scheme.Term{ID: "kopiord", Terms: map[scheme.Lang][]string{scheme.LangNB: {"kopiord"}},
			Explanation: scheme.Text{scheme.LangNB: "Et ord lagt inn av en annen kopi."}})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		cat, err := app.catalogue(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if cat.version != before.version && len(cat.Glossary) == len(before.Glossary)+1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("5 s after another copy's change, the server still searches its old catalogue")
		}
	}

	// A visitor's plan page, served from memory without asking the
	// database while nothing changes, is closed by the other copy: gone
	// as soon as the database has told this one.
	srv := httptest.NewServer(app.Handler())
	defer srv.Close()
	const page = "/programmes/vest-telemark/plans/2025"
	status := func() int {
		resp, err := srv.Client().Get(srv.URL + page)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if got := status(); got != http.StatusOK {
		t.Fatalf("the public plan page: %d", got)
	}
	if err := other.SetPublished(ctx, "vest-telemark", 2025, false, 0); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(5 * time.Second); status() != http.StatusNotFound; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("5 s after another copy closed the plan, this one still shows it")
		}
	}

	app.Close()
	if app.schemes.watched.Load() || app.releases.watched.Load() {
		t.Error("after Close the changes are still taken as watched")
	}
}

// TestReleaseInfoKept: on SQLite, a visitor's plan page is served without
// asking the database whether its release is still public, until the
// server's store writes (then at once) or a second has passed (a change
// made by another process on the same file, as planverk roll).
func TestReleaseInfoKept(t *testing.T) {
	testdb.Parallel(t)
	ctx := context.Background()
	dsn := exampleDatabase.Database(t, "sqlite")
	st, err := openStore(ctx, "sqlite", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	app, err := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)), Config{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(app.Close)
	srv := httptest.NewServer(app.Handler())
	t.Cleanup(srv.Close)
	fx := &fixture{t: t, srv: srv, store: st, app: app}
	visitor := fx.anonymous()
	const page = "/programmes/vest-telemark/plans/2025"
	if resp, _ := visitor.get(page); resp.StatusCode != http.StatusOK {
		t.Fatalf("the public plan page: %d", resp.StatusCode)
	}
	// Closed through the server's own store: gone at once.
	if err := fx.store.SetPublished(context.Background(), "vest-telemark", 2025, false, 0); err != nil {
		t.Fatal(err)
	}
	if resp, _ := visitor.get(page); resp.StatusCode != http.StatusNotFound {
		t.Errorf("closed through the server's store, the plan page is still %d", resp.StatusCode)
	}
	if err := fx.store.SetPublished(context.Background(), "vest-telemark", 2025, true, 0); err != nil {
		t.Fatal(err)
	}
	if resp, _ := visitor.get(page); resp.StatusCode != http.StatusOK {
		t.Fatalf("opened again, the plan page is %d", resp.StatusCode)
	}
	filled := time.Now()
	// Closed by another process: gone within a second.
	elsewhere, err := openStore(ctx, "sqlite", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer elsewhere.Close()
	if err := elsewhere.SetPublished(context.Background(), "vest-telemark", 2025, false, 0); err != nil {
		t.Fatal(err)
	}
	// The server does not know of that write: until a second has passed,
	// it serves the page from what it read, without asking the database
	// (checked only where this test got here quickly enough to tell).
	if resp, _ := visitor.get(page); time.Since(filled) < releaseInfoTrust/2 && resp.StatusCode != http.StatusOK {
		t.Errorf("right after another process's write, the page is %d: the server asked the database", resp.StatusCode)
	}
	start := time.Now()
	for {
		resp, _ := visitor.get(page)
		if resp.StatusCode == http.StatusNotFound {
			break
		}
		if time.Since(start) > releaseInfoTrust+2*time.Second {
			t.Fatalf("%v after another process closed the plan, it is still shown", time.Since(start))
		}
		time.Sleep(20 * time.Millisecond)
	}
}
