package web

import (
	"context"
	"strings"
	"testing"

	"planverk/scheme"
	"planverk/store"
)

// TestSchemeTextLanguageNotes: a scheme text shown in another written form
// than the page's says so in the page's language, and keeps its own lang
// for screen readers: on a nynorsk page the criteria written only in bokmål
// are noted as such, on a bokmål page the contact written only in nynorsk,
// and an English page says once that the texts are in Norwegian only.
func TestSchemeTextLanguageNotes(t *testing.T) {
	fx := newFixture(t, "sqlite")
	if _, err := fx.store.EditScheme(context.Background(), "husbanken-startlan", store.Edit{}, func(sc *scheme.Scheme, _ bool) error {
		sc.Criteria = scheme.Text{scheme.LangNB: sc.Criteria[scheme.LangNB]}
		sc.Contact = scheme.Text{scheme.LangNN: sc.Contact[scheme.LangNN]}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	fx.app.schemes.forget()
	visitor := fx.anonymous()
	const (
		nbOnlyNN = "Denne teksten finst berre på bokmål."
		nnOnlyNB = "Denne teksten finnes bare på nynorsk."
		english  = "The texts about this scheme are in Norwegian only"
	)
	// section is the part of a page from a heading's id to the text below it.
	section := func(page, id string) string {
		i := strings.Index(page, `id="`+id+`"`)
		if i < 0 {
			t.Fatalf("the page has no %s", id)
		}
		s := page[i:]
		return s[:strings.Index(s, "</div>")]
	}

	_, nn := visitor.in("nn").get("/schemes/husbanken-startlan")
	if c := section(nn, "criteria"); !strings.Contains(c, `<p class="muted lang-note">`+nbOnlyNN+`</p>`) || !strings.Contains(c, `<div lang="nb">`) {
		t.Errorf("on a nynorsk page the bokmål-only criteria are not noted and marked:\n%s", c)
	}
	if strings.Count(nn, "lang-note") != 1 {
		t.Errorf("a nynorsk page notes %d texts, want the criteria only", strings.Count(nn, "lang-note"))
	}
	if strings.Contains(nn, english) {
		t.Error("a nynorsk page says the texts are in Norwegian only")
	}

	_, nb := visitor.in("nb").get("/schemes/husbanken-startlan")
	if c := section(nb, "contact"); !strings.Contains(c, `<p class="muted lang-note">`+nnOnlyNB+`</p>`) || !strings.Contains(c, `<div lang="nn">`) {
		t.Errorf("on a bokmål page the nynorsk-only contact is not noted and marked:\n%s", c)
	}
	if c := section(nb, "criteria"); strings.Contains(c, "lang-note") || !strings.Contains(c, `<div lang="nb">`) {
		t.Errorf("on a bokmål page the bokmål criteria are noted or not marked:\n%s", c)
	}

	_, en := visitor.in("en").get("/schemes/husbanken-startlan")
	if strings.Count(en, english) != 1 {
		t.Errorf("an English page says %d times that the texts are in Norwegian only, want once", strings.Count(en, english))
	}
	if strings.Contains(en, "lang-note") {
		t.Error("an English page notes each text as well")
	}
	if c := section(en, "contact"); !strings.Contains(c, `<div lang="nn">`) {
		t.Errorf("on an English page the nynorsk contact is not marked as nynorsk:\n%s", c)
	}
	if c := section(en, "criteria"); !strings.Contains(c, `<div lang="nb">`) {
		t.Errorf("on an English page the bokmål criteria are not marked as bokmål:\n%s", c)
	}
	// The English search and finder, whose hits are Norwegian, say so too.
	for _, p := range []string{"/schemes", "/schemes/finder"} {
		if _, page := visitor.in("en").get(p); !strings.Contains(page, "The schemes are described in Norwegian.") {
			t.Errorf("the English %s does not say the schemes are described in Norwegian", p)
		}
	}
}
