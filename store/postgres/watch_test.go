package postgres

import (
	"context"
	"testing"
	"time"

	"planverk/examples"
	"planverk/scheme"
	"planverk/store"
	"planverk/store/testdb"
)

// TestWatchChanges: two copies of planverk on one database. A glossary
// change committed through one is told to the other's watch as a change to
// the catalogue, a plan opened to the public as a change to the releases,
// and a change that is rolled back (here: refused by the change function)
// is not told.
func TestWatchChanges(t *testing.T) {
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
	changed := make(chan store.Topic, 10)
	wctx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		done <- watching.WatchChanges(wctx, store.ChangeNotices{
			Ready:   func() { ready <- struct{}{} },
			Changed: func(t store.Topic) { changed <- t },
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
	told := func(want store.Topic) {
		t.Helper()
		select {
		case got := <-changed:
			if got != want {
				t.Errorf("told of a change to %s, want %s", got, want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("the change to %s through the other copy was not told within 10 s", want)
		}
		select {
		case got := <-changed:
			t.Errorf("one change was told twice, or the refused one was told: %s", got)
		case <-time.After(200 * time.Millisecond):
		}
	}
	told(store.TopicCatalogue)

	if _, err := examples.Install(ctx, other); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond) // installing the plans releases them: those notices go first
	for len(changed) > 0 {
		<-changed
	}
	if err := other.SetPublished(ctx, "vest-telemark", 2025, false, 0); err != nil {
		t.Fatal(err)
	}
	told(store.TopicReleases)

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
