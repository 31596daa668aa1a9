package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"planverk/plan"
	"planverk/scheme"
	"planverk/store"
)

// startlan is a small scheme for the catalogue tests.
func startlan() scheme.Scheme {
	return scheme.Scheme{ID: "husbanken-startlan", Name: scheme.Text{scheme.LangNN: "Startlån", scheme.LangNB: "Startlån"},
		Provider: "husbanken", ProviderName: "Husbanken", Level: scheme.Level("national"), Areas: []string{"norge"},
		Kinds: []scheme.Kind{"loan"}, Audiences: []scheme.Audience{"households"}, Themes: []scheme.Theme{"housing"},
		Status: scheme.Status("open"), Summary: scheme.Text{scheme.LangNN: "Lån til å kjøpe bustad."},
		Source: "https://www.husbanken.no/startlan/", Checked: plan.Date{Year: 2026, Month: 11, Day: 23}}
}

// RunCatalogue checks the support-scheme catalogue: revisions, no-op
// saves, submissions made once, deletion and restoring, the glossary.
func RunCatalogue(t *testing.T, newDB NewDatabase) {
	newDB = inParallel(newDB)
	ctx := context.Background()
	t.Run("Revisions", func(t *testing.T) {
		s := open(t, newDB(t))
		v0, _ := s.CatalogueVersion(ctx)
		rec, err := s.EditScheme(ctx, "husbanken-startlan", store.Edit{Summary: "ny"}, func(sc *scheme.Scheme, exists bool) error {
			if exists {
				return errors.New("a new scheme said to exist")
			}
			*sc = startlan()
			return nil
		})
		if err != nil || rec.Revision != 1 {
			t.Fatalf("create: %+v, %v", rec, err)
		}
		// Nothing changed: no revision.
		same, err := s.EditScheme(ctx, "husbanken-startlan", store.Edit{}, func(*scheme.Scheme, bool) error { return nil })
		if err != nil || same.Revision != 1 {
			t.Errorf("an unchanged save made revision %d (%v)", same.Revision, err)
		}
		rec, err = s.EditScheme(ctx, "husbanken-startlan", store.Edit{Summary: "rente"}, func(sc *scheme.Scheme, exists bool) error {
			sc.Amounts = scheme.Text{scheme.LangNN: "Sjå Husbanken for gjeldande rente."}
			return nil
		})
		if err != nil || rec.Revision != 2 {
			t.Fatalf("edit: %+v, %v", rec, err)
		}
		if _, err := s.EditScheme(ctx, "husbanken-startlan", store.Edit{}, func(sc *scheme.Scheme, _ bool) error {
			sc.ID = "anna"
			return nil
		}); plan.ErrorCode(err) != plan.EInvalid {
			t.Errorf("changing the id: %v, want %s", err, plan.EInvalid)
		}
		revs, err := s.SchemeRevisions(ctx, "husbanken-startlan")
		if err != nil || len(revs) != 2 || revs[0].Revision != 2 || revs[1].Summary != "ny" || revs[0].Scheme.Amounts.In(scheme.LangNN) == "" {
			t.Errorf("revisions: %+v, %v", revs, err)
		}
		if got := revs[1].Scheme; got.Name.In(scheme.LangNB) != "Startlån" || got.Checked != startlan().Checked || got.Kinds[0] != "loan" {
			t.Errorf("revision 1 came back as %+v", got)
		}
		if v1, _ := s.CatalogueVersion(ctx); v1 == v0 {
			t.Error("the catalogue version did not change")
		}
		if _, err := s.SchemeRevisions(ctx, "ukjend"); plan.ErrorCode(err) != plan.ENotFound {
			t.Errorf("an unknown scheme: %v", err)
		}
	})
	t.Run("DeleteRestore", func(t *testing.T) {
		s := open(t, newDB(t))
		if _, err := s.EditScheme(ctx, "husbanken-startlan", store.Edit{}, func(sc *scheme.Scheme, _ bool) error { *sc = startlan(); return nil }); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteScheme(ctx, "husbanken-startlan", store.Edit{Summary: "avvikla"}); err != nil {
			t.Fatal(err)
		}
		if list, _ := s.Schemes(ctx); len(list) != 0 {
			t.Errorf("a deleted scheme is listed: %+v", list)
		}
		if err := s.RestoreScheme(ctx, "husbanken-startlan", store.Edit{}); err != nil {
			t.Fatal(err)
		}
		list, _ := s.Schemes(ctx)
		if len(list) != 1 || list[0].Revision != 3 || list[0].Scheme.Summary.In(scheme.LangNN) != "Lån til å kjøpe bustad." {
			t.Errorf("after restoring: %+v", list)
		}
	})
	t.Run("SubmittedOnce", func(t *testing.T) {
		s := open(t, newDB(t))
		var wg sync.WaitGroup
		for range 10 {
			wg.Go(func() {
				_, err := s.EditScheme(ctx, "husbanken-startlan", store.Edit{Submission: "skjema-1"}, func(sc *scheme.Scheme, exists bool) error {
					*sc = startlan()
					sc.Summary = scheme.Text{scheme.LangNN: "Éin gong."}
					return nil
				})
				if err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		if revs, err := s.SchemeRevisions(ctx, "husbanken-startlan"); err != nil || len(revs) != 1 {
			t.Errorf("ten submissions of one form made %d revisions (%v)", len(revs), err)
		}
	})
	t.Run("Import", func(t *testing.T) { testImport(t, newDB) })
	t.Run("Glossary", func(t *testing.T) {
		s := open(t, newDB(t))
		if g, err := s.Glossary(ctx); err != nil || len(g.Terms) != 0 {
			t.Fatalf("an empty glossary: %v, %v", g, err)
		}
		if revs, err := s.GlossaryRevisions(ctx); err != nil || len(revs) != 0 {
			t.Fatalf("the revisions of an empty glossary: %+v, %v", revs, err)
		}
		rec, err := s.EditGlossary(ctx, store.Edit{}, func(g *[]scheme.Term) error {
			*g = []scheme.Term{tilsagn()}
			return nil
		})
		if err != nil || rec.Revision != 1 {
			t.Fatalf("first save: %+v, %v", rec, err)
		}
		g, err := s.Glossary(ctx)
		if err != nil || len(g.Terms) != 1 || g.Terms[0].Terms[scheme.LangNN][0] != "tilsegn" {
			t.Errorf("glossary: %+v, %v", g, err)
		}
	})
	t.Run("GlossaryEdits", func(t *testing.T) {
		s := open(t, newDB(t))
		kari, err := s.CreateUser(ctx, store.User{Email: "kari@example.no", Name: "Kari Nordmann", CreatedAt: time.Now()})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.EditGlossary(ctx, store.Edit{}, func(g *[]scheme.Term) error {
			*g = []scheme.Term{tilsagn()}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		v0, _ := s.CatalogueVersion(ctx)
		// An edit saves a revision with its author and summary.
		rec, err := s.EditGlossary(ctx, store.Edit{Author: kari.ID, Summary: "eigendel", Submission: "skjema-1"}, func(g *[]scheme.Term) error {
			(*g)[0].Explanation[scheme.LangNN] = "Ein skriftleg lovnad om støtte."
			*g = append(*g, scheme.Term{ID: "egenandel", Terms: map[scheme.Lang][]string{scheme.LangNN: {"eigendel"}},
				Explanation: scheme.Text{scheme.LangNN: "Det søkjaren dekkjer sjølv."}})
			return nil
		})
		if err != nil || rec.Revision != 2 || rec.Author != kari.ID || rec.AuthorName != "Kari Nordmann" || rec.Summary != "eigendel" || rec.Repeated {
			t.Fatalf("edit: %+v, %v", rec, err)
		}
		if v1, _ := s.CatalogueVersion(ctx); v1 == v0 {
			t.Error("the catalogue version did not change")
		}
		// The same submission again saves nothing and says so.
		again, err := s.EditGlossary(ctx, store.Edit{Author: kari.ID, Submission: "skjema-1"}, func(g *[]scheme.Term) error {
			*g = nil
			return nil
		})
		if err != nil || again.Revision != 2 || !again.Repeated || len(again.Terms) != 2 {
			t.Errorf("the same submission again: %+v, %v", again, err)
		}
		// A change that alters nothing, or only the space around a text,
		// saves nothing.
		same, err := s.EditGlossary(ctx, store.Edit{Author: kari.ID, Summary: "ingenting"}, func(g *[]scheme.Term) error {
			(*g)[1].Explanation[scheme.LangNN] += "\n"
			return nil
		})
		if err != nil || same.Revision != 2 || same.Repeated {
			t.Errorf("an unchanged edit: %+v, %v", same, err)
		}
		// An error from change saves nothing.
		boom := errors.New("refused")
		if _, err := s.EditGlossary(ctx, store.Edit{}, func(g *[]scheme.Term) error {
			*g = nil
			return boom
		}); !errors.Is(err, boom) {
			t.Errorf("change's error came back as %v", err)
		}
		revs, err := s.GlossaryRevisions(ctx)
		if err != nil || len(revs) != 2 {
			t.Fatalf("revisions: %+v, %v", revs, err)
		}
		// Newest first, each with what it held and who saved it.
		if revs[0].Revision != 2 || revs[0].AuthorName != "Kari Nordmann" || revs[0].Summary != "eigendel" || len(revs[0].Terms) != 2 ||
			revs[0].Terms[0].Explanation.In(scheme.LangNN) != "Ein skriftleg lovnad om støtte." || revs[0].SavedAt.IsZero() {
			t.Errorf("the newest revision: %+v", revs[0])
		}
		if revs[1].Revision != 1 || revs[1].Author != 0 || revs[1].AuthorName != "" || len(revs[1].Terms) != 1 ||
			revs[1].Terms[0].Explanation[scheme.LangNN] != "" {
			t.Errorf("the first revision: %+v", revs[1])
		}
		if revs[0].SavedAt.Before(revs[1].SavedAt) {
			t.Errorf("revision 2 saved at %v, before revision 1 at %v", revs[0].SavedAt, revs[1].SavedAt)
		}
	})
	t.Run("GlossaryConcurrent", func(t *testing.T) {
		s := open(t, newDB(t))
		// Ten people send one form at once, and ten others each add a term
		// of their own: the form is saved once, and every term is kept,
		// however often the engine makes an edit run again.
		var wg sync.WaitGroup
		for i := range 10 {
			wg.Go(func() {
				if _, err := s.EditGlossary(ctx, store.Edit{Submission: "skjema-1"}, func(g *[]scheme.Term) error {
					*g = append(*g, tilsagn())
					return nil
				}); err != nil {
					t.Error(err)
				}
			})
			wg.Go(func() {
				id := fmt.Sprintf("ord-%d", i)
				if _, err := s.EditGlossary(ctx, store.Edit{}, func(g *[]scheme.Term) error {
					*g = append(*g, scheme.Term{ID: id, Terms: map[scheme.Lang][]string{scheme.LangNB: {id}},
						Explanation: scheme.Text{scheme.LangNB: "Et ord."}})
					return nil
				}); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		g, err := s.Glossary(ctx)
		if err != nil || len(g.Terms) != 11 {
			t.Fatalf("after twenty edits at once the glossary has %d terms (%v)", len(g.Terms), err)
		}
		if revs, err := s.GlossaryRevisions(ctx); err != nil || len(revs) != 11 || revs[0].Revision != 11 {
			t.Errorf("twenty edits at once made %d revisions (%v)", len(revs), err)
		}
	})
}

// tilsagn is a glossary term for the catalogue tests.
func tilsagn() scheme.Term {
	return scheme.Term{ID: "tilsagn", Terms: map[scheme.Lang][]string{scheme.LangNB: {"tilsagn"}, scheme.LangNN: {"tilsegn", "tilsagn"}},
		Explanation: scheme.Text{scheme.LangNB: "Et skriftlig løfte om støtte."}}
}
