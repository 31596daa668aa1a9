package postgres

import (
	"context"
	"testing"
	"time"

	"planverk/scheme"
	"planverk/store"
	"planverk/store/testdb"
)

// TestWatchCatalogue: two copies of planverk on one database. A glossary
// change committed through one is told to the other's watch, and a change
// that is rolled back (here: refused by the change function) is not.
func TestWatchCatalogue(t *testing.T) {
	testURL(t)
	testdb.Parallel(t)
	ctx := context.Background()
	dsn := migrated.Database(t, "postgres")
	watching, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer watching.Close()
	other, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()

	ready := make(chan struct{}, 1)
	changed := make(chan struct{}, 10)
	wctx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		done <- watching.WatchCatalogue(wctx, store.CatalogueNotices{
			Ready:   func() { ready <- struct{}{} },
			Changed: func() { changed <- struct{}{} },
			Lost:    func(err error) { t.Errorf("watch lost: %v", err) },
		})
	}()
	select {
	case <-ready:
	case <-time.After(10 * time.Second):
		t.Fatal("the watch was not in place within 10 s")
	}

	// Refused: nothing committed, nothing told.
	if _, err := other.EditGlossary(ctx, store.Edit{}, func(*[]scheme.Term) error { return context.Canceled }); err == nil {
		t.Fatal("a refused glossary change was saved")
	}
	term := scheme.Term{ID: "tilsagn", Terms: map[scheme.Lang][]string{scheme.LangNB: {"tilsagn"}},
		Explanation: scheme.Text{scheme.LangNB: "Et vedtak om støtte."}}
	if _, err := other.EditGlossary(ctx, store.Edit{Summary: "ny"}, func(terms *[]scheme.Term) error {
		*terms = append(*terms, term)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	select {
	case <-changed:
	case <-time.After(10 * time.Second):
		t.Fatal("the change through the other copy was not told within 10 s")
	}
	select {
	case <-changed:
		t.Error("one change was told twice, or the refused one was told")
	case <-time.After(200 * time.Millisecond):
	}

	stop()
	select {
	case err := <-done:
		if err != context.Canceled {
			t.Errorf("the watch ended with %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the watch did not end within 10 s of its context")
	}
}
