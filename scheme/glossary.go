package scheme

// Term is one entry of the glossary: the words people use for one thing, in
// each language, and a plain explanation of it.
//
// The words of one term are synonyms to search: someone who asks for
// "BU-midlar" finds the schemes that say "bygdeutviklingsmidlar" when both are
// words of the same term.
type Term struct {
	ID          string            `yaml:"id" json:"id"`
	Terms       map[Lang][]string `yaml:"terms" json:"terms"`
	Explanation Text              `yaml:"explanation" json:"explanation"`
}

// Words returns the term's words in every language, bokmål first, without
// repeats.
func (t *Term) Words() []string {
	var out []string
	seen := map[string]bool{}
	for _, l := range Langs {
		for _, w := range t.Terms[l] {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}
