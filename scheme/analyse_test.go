package scheme

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// Inflections of one word give one term.
func TestAnalyseInflections(t *testing.T) {
	for _, forms := range [][]string{
		{"tilskot", "tilskotet", "tilskota", "Tilskota"},
		{"tilskudd", "tilskuddet", "tilskudda", "tilskuddene"},
		{"bolig", "boliger", "boligen", "boligene"},
		{"bustad", "bustader", "bustaden", "bustadene"},
		{"lån", "lånet", "låna", "lånene"},
		{"søknad", "søknaden", "søknader", "søknadene"},
		{"kommune", "kommunen", "kommunar", "kommuner", "kommunane"},
		{"bedrift", "bedrifta", "bedriften", "bedrifter", "bedriftene"},
		{"gard", "garden", "gardar"},
		{"etablerar", "etablerarar", "etablerer", "etablerere"},
	} {
		want := Analyse(forms[0])
		for _, f := range forms[1:] {
			if got := Analyse(f); !slices.Equal(got, want) {
				t.Errorf("Analyse(%q) = %q, Analyse(%q) = %q: should be the same", f, got, forms[0], want)
			}
		}
	}
}

// The pairs named when the catalogue was planned, each both ways; the whole
// table is checked by TestEquivalentsMeet.
func TestAnalyseBokmålMeetsNynorsk(t *testing.T) {
	for _, p := range [][2]string{
		{"bolig", "bustad"}, {"boliger", "bustadene"}, {"tilskudd", "tilskot"}, {"tilskuddet", "tilskota"},
		{"virkemiddel", "verkemiddel"}, {"virkemidler", "verkemidla"}, {"egenandel", "eigendel"},
		{"utleie", "utleige"}, {"omsorgsbolig", "omsorgsbustad"}, {"omsorgsboliger", "omsorgsbustader"},
		{"sykehjem", "sjukeheim"}, {"skole", "skule"}, {"tilgjengelighet", "tilgjengelegheit"},
		{"gründer", "grunder"}, {"etablerer", "etablerar"}, {"gård", "gard"}, {"forskning", "forsking"},
		{"lønn", "løn"}, {"veiledning", "rettleiing"}, {"søke", "søkje"}, {"søker", "søkjar"},
		{"tilsagn", "tilsegn"}, {"ungdom", "ungdommar"}, {"eier", "eigar"}, {"eiendom", "eigedom"},
		{"virksomhet", "verksemd"}, {"mulighet", "moglegheit"}, {"tjeneste", "teneste"},
		{"arbeidsgiver", "arbeidsgjevar"}, {"innvandrer", "innvandrar"}, {"bostøtte", "bustøtte"},
		{"marked", "marknad"}, {"bærekraft", "berekraft"}, {"strøm", "straum"}, {"utslipp", "utslepp"},
	} {
		a, b := Analyse(p[0]), Analyse(p[1])
		if !slices.Equal(a, b) {
			t.Errorf("Analyse(%q) = %q, Analyse(%q) = %q: bokmål and nynorsk should meet", p[0], a, p[1], b)
		}
		if len(a) == 0 {
			t.Errorf("Analyse(%q) gives no terms", p[0])
		}
	}
}

// Different words stay different: diacritics are letters of their own.
func TestAnalyseKeepsWordsApart(t *testing.T) {
	for _, p := range [][2]string{
		{"far", "får"}, {"for", "fôr"}, {"lån", "lan"}, {"bolig", "bygg"}, {"tilskot", "lån"},
		{"gard", "garanti"}, {"for", "før"}, {"ar", "år"},
	} {
		a, b := Analyse(p[0]), Analyse(p[1])
		if len(b) > 0 && slices.Equal(a, b) {
			t.Errorf("Analyse(%q) and Analyse(%q) both give %q", p[0], p[1], a)
		}
	}
	// "ô" typed as o and a combining circumflex is the same "ô".
	if got, want := Analyse("fo\u0302r"), Analyse("f\u00f4r"); !slices.Equal(got, want) || len(got) != 1 {
		t.Errorf("Analyse of decomposed fôr = %q, of composed = %q", got, want)
	}
}

func TestAnalyseDropsStopWords(t *testing.T) {
	for _, w := range strings.Fields("og i for til av på med som er en ei et eit ein det den de dei å ikkje ikke frå fra") {
		if got := Analyse(w); len(got) != 0 {
			t.Errorf("Analyse(%q) = %q, want no terms", w, got)
		}
	}
	got := Analyse("Tilskot til bustad for eldre og ungdom i Vinje")
	want := slices.Concat(Analyse("tilskot"), Analyse("bustad"), Analyse("eldre"), Analyse("ungdom"), Analyse("vinje"))
	if !slices.Equal(got, want) {
		t.Errorf("Analyse(sentence) = %q, want %q", got, want)
	}
	// A word that is a stop word only in another spelling is kept.
	for _, w := range []string{"får", "fôr", "arbeid", "start"} {
		if len(Analyse(w)) == 0 {
			t.Errorf("Analyse(%q) gives no terms", w)
		}
	}
}

// Compounds give their parts' terms too.
func TestAnalyseCompounds(t *testing.T) {
	for _, c := range []struct {
		word  string
		parts []string
	}{
		{"bustadtilskot", []string{"bustad", "tilskot"}},
		{"boligtilskudd", []string{"bustad", "tilskot"}},
		{"omsorgsbustader", []string{"omsorgsbustad", "omsorg", "bustad"}},
		{"søknadsfristen", []string{"søknad", "frist"}},
		{"startlånet", []string{"start", "lån"}},
		{"mikrolån", []string{"lån"}},
		{"tilskotsordningane", []string{"tilskot", "ordning"}},
		{"bygdeutviklingsmidlar", []string{"bygd", "utvikling", "midlar"}},
		{"tilleggsnæring", []string{"tillegg", "næring"}},
		{"fylkeskommunen", []string{"fylke", "kommune"}},
		{"bustadpolitikk", []string{"bustad"}},
	} {
		got := Analyse(c.word)
		if len(got) < 2 {
			t.Errorf("Analyse(%q) = %q: not split", c.word, got)
			continue
		}
		for _, p := range c.parts {
			term := Analyse(p)[0]
			if !slices.Contains(got, term) {
				t.Errorf("Analyse(%q) = %q, lacks the term of %q (%q)", c.word, got, p, term)
			}
		}
	}
	// Not compounds, or not of the table's words.
	for _, w := range []string{"konkurs", "stadion", "bustad", "tilskot", "reiseliv", "kommune"} {
		if got := Analyse(w); len(got) != 1 {
			t.Errorf("Analyse(%q) = %q, want one term", w, got)
		}
	}
}

func TestVocabularyHasNoConflicts(t *testing.T) {
	if len(vocab.conflicts) > 0 {
		t.Errorf("groups of the equivalents table claim the same stem:\n%s", strings.Join(vocab.conflicts, "\n"))
	}
}

// Every word of a group of the equivalents table, and so every pair both
// ways, gives the group's term as its own term; no group's word is a stop
// word; and no two groups give the same term.
func TestEquivalentsMeet(t *testing.T) {
	pairs := 0
	seen := map[string]string{}
	for _, g := range equivalents {
		want := ownTerm(t, g[0])
		if other, ok := seen[want]; ok {
			t.Errorf("%q and %q give the same term %q", g[0], other, want)
		}
		seen[want] = g[0]
		for _, w := range g {
			if stopWords[w] {
				t.Errorf("%q is a stop word and in the equivalents table", w)
			}
			if w != strings.ToLower(w) {
				t.Errorf("%q: write the table in lower case", w)
			}
		}
		for _, w := range g[1:] {
			if got := ownTerm(t, w); got != want {
				t.Errorf("Analyse(%q) gives %q; Analyse(%q) gives %q: they should meet", w, got, g[0], want)
			}
			pairs++
		}
	}
	if pairs < 80 {
		t.Errorf("the table has %d pairs; it should have at least 80", pairs)
	}
}

func ownTerm(t *testing.T, w string) string {
	t.Helper()
	got := Analyse(w)
	if len(got) == 0 {
		t.Errorf("Analyse(%q) gives no terms", w)
		return ""
	}
	return got[0]
}

// Whatever the text, Analyse returns and its terms are valid UTF-8 without
// separators.
func FuzzAnalyse(f *testing.F) {
	for _, s := range []string{"", "Startlån frå kommunen", "bustadtilskotsordningane", "fo\u0302r", "ks", "\xff\xfe", "ǅ-ȸ", "a\u0301\u0301\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, term := range Analyse(s) {
			if term == "" || !utf8.ValidString(term) || strings.ContainsAny(term, " \t\n-") {
				t.Errorf("Analyse(%q) gives term %q", s, term)
			}
		}
	})
}
