package scheme

// stopWords are bokmål and nynorsk function words that say nothing about
// what a scheme is: articles, pronouns, prepositions, conjunctions and the
// commonest auxiliary verbs. They are dropped before stemming.
//
// The list is this package's own rather than the Snowball stemmer's, whose
// list is bokmål only and holds words that matter here ("arbeid", "start",
// "verdi", "tid"). Words that differ only by a diacritic from a stop word are
// not stop words: "for" is one, "fôr" (feed) is not; "får" (gets, sheep) is
// not either.
var stopWords = set(
	// Articles and numerals used as articles.
	"en", "ei", "et", "ein", "eit",
	// Conjunctions and subjunctions.
	"og", "eller", "men", "at", "om", "som", "så", "enn", "både", "når", "da", "då",
	"fordi", "dersom", "viss", "hvis", "mens", "medan",
	// Prepositions.
	"i", "for", "til", "av", "på", "med", "fra", "frå", "ved", "hos", "hjå",
	"mot", "under", "over", "etter", "før", "utan", "uten", "innan", "innen",
	"gjennom", "mellom", "per", "pr", "blant",
	// Infinitive marker.
	"å",
	// Pronouns and determiners.
	"det", "den", "de", "dei", "dem", "denne", "dette", "disse", "desse",
	"jeg", "eg", "meg", "du", "deg", "han", "ham", "hun", "ho", "henne",
	"vi", "me", "oss", "dere", "dykk", "seg", "sin", "si", "sitt", "sine",
	"min", "mi", "mitt", "mine", "din", "di", "ditt", "dine",
	"vår", "vårt", "våre", "hans", "hennes", "hennar", "deres", "deira",
	"hva", "kva", "hvem", "kven", "hvilken", "hvilke",
	"hvordan", "korleis", "hvorfor", "kvifor", "hvor", "kor",
	"all", "alle", "alt", "noe", "noko", "noen", "nokon", "nokre", "ingen", "inga", "ingenting",
	"hver", "kvar", "kvart", "selv", "sjølv", "sjølve", "slik", "sånn",
	"her", "der", "også", "òg", "ikke", "ikkje", "ja", "nei",
	// Auxiliary and copular verbs.
	"er", "var", "vært", "vore", "være", "vere", "vera",
	"blir", "bli", "ble", "vart", "blitt", "vert", "verte", "verta", "vorte",
	"har", "ha", "hadde", "hatt",
	"kan", "kunne", "skal", "skulle", "vil", "ville", "må", "måtte", "bør", "burde",
)

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}
