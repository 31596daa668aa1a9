package storetest

import (
	"context"
	"slices"
	"testing"

	"planverk/plan"
	"planverk/scheme"
	"planverk/store"
)

// testImport: an import is one transaction. It stores a revision for each
// new, changed or deleted scheme and none for one the same; against a
// catalogue changed since its preview it stores nothing; sent again with
// its submission it stores nothing and says what it did; and a scheme the
// tables refuse leaves the whole catalogue as it was.
func testImport(t *testing.T, newDB NewDatabase) {
	ctx := context.Background()
	s := open(t, newDB(t))
	put := func(sc scheme.Scheme) {
		t.Helper()
		if _, err := s.EditScheme(ctx, sc.ID, store.Edit{}, func(cur *scheme.Scheme, _ bool) error { *cur = sc; return nil }); err != nil {
			t.Fatal(err)
		}
	}
	named := func(id string) scheme.Scheme {
		sc := startlan()
		sc.ID = id
		return sc
	}
	put(named("same"))
	put(named("changed"))
	put(named("deleted"))
	if err := s.DeleteScheme(ctx, "deleted", store.Edit{}); err != nil {
		t.Fatal(err)
	}
	version := func() int64 {
		t.Helper()
		v, err := s.CatalogueVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	changed := named("changed")
	changed.Amounts = scheme.Text{scheme.LangNN: "Ny tekst om beløp."}
	file := []scheme.Scheme{named("new"), changed, named("same"), named("deleted")}
	e := store.Edit{Summary: "import schemes.csv", Submission: "form-1"}

	v0 := version()
	if _, _, err := s.ImportSchemes(ctx, file, e, v0-1); plan.ErrorCode(err) != plan.EConflict {
		t.Errorf("import against an older version: %v, want a conflict", err)
	}
	if v := version(); v != v0 {
		t.Fatalf("a refused import changed the catalogue (version %d, was %d)", v, v0)
	}

	got, repeated, err := s.ImportSchemes(ctx, file, e, v0)
	want := []string{store.ImportNew, store.ImportChanged, store.ImportUnchanged, store.ImportNew}
	if err != nil || repeated || !slices.Equal(got, want) {
		t.Fatalf("import = %v, repeated %v, %v; want %v", got, repeated, err, want)
	}
	if v := version(); v != v0+3 {
		t.Errorf("version %d after the import, want %d (three revisions)", v, v0+3)
	}
	revs, err := s.SchemeRevisions(ctx, "changed")
	if err != nil || len(revs) != 2 || revs[0].Summary != "import schemes.csv" || revs[0].Scheme.Amounts[scheme.LangNN] != "Ny tekst om beløp." {
		t.Errorf("revisions of the changed scheme: %+v, %v", revs, err)
	}
	if revs, _ := s.SchemeRevisions(ctx, "deleted"); len(revs) == 0 || revs[0].Deleted {
		t.Errorf("the deleted scheme was not brought back: %+v", revs)
	}

	// The same confirmation again, against the version it saw before.
	got, repeated, err = s.ImportSchemes(ctx, file, e, v0)
	if err != nil || !repeated || !slices.Equal(got, want) {
		t.Errorf("the import again = %v, repeated %v, %v; want %v, repeated", got, repeated, err, want)
	}
	if v := version(); v != v0+3 {
		t.Errorf("the repeated import stored something (version %d, want %d)", v, v0+3)
	}

	// A scheme the tables refuse (no id) undoes the whole import.
	broken := []scheme.Scheme{named("also-new"), {}}
	if _, _, err := s.ImportSchemes(ctx, broken, store.Edit{}, -1); err == nil {
		t.Fatal("an import with a scheme without an id was stored")
	}
	if _, err := s.SchemeRevisions(ctx, "also-new"); plan.ErrorCode(err) != plan.ENotFound {
		t.Errorf("a scheme before the refused one was stored: %v", err)
	}
}
