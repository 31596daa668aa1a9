package web

import (
	"context"
	"io"
	"log/slog"
	"os"
	"testing"
	"time"

	"planverk/scheme"
	"planverk/store"
	"planverk/store/postgres"
	"planverk/store/testdb"
)

// TestCatalogueWatch: on PostgreSQL a server learns of a catalogue change
// made by another copy of planverk at once, although it then trusts its
// catalogue for a minute: the database tells it. SQLite, used by one
// process, has no watch and asks every second.
func TestCatalogueWatch(t *testing.T) {
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

	app.Close()
	if app.schemes.watched.Load() {
		t.Error("after Close the catalogue is still taken as watched")
	}
}
