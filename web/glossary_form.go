package web

import (
	"net/url"
	"slices"
	"strings"

	"planverk/scheme"
)

// The glossary form edits one term: its id (asked for on a new term only,
// since scheme pages link to the term by it), its words in each written
// language, one a line (terms_nb, terms_nn), and its explanation in each
// (explanation_nb, explanation_nn), as the scheme form writes a text.

// glossaryValues fills the form with a term as it is.
func glossaryValues(t scheme.Term) url.Values {
	v := url.Values{}
	v.Set("id", t.ID)
	for _, l := range scheme.Langs {
		v.Set("terms_"+string(l), strings.Join(t.Terms[l], "\n"))
		v.Set("explanation_"+string(l), t.Explanation[l])
	}
	return v
}

// applyGlossaryForm reads the form into t, keeping its id, and checks it
// with the glossary's own rules (scheme.Term.Validate), each problem set
// beside the field it is about.
func applyGlossaryForm(fm *form, t *scheme.Term) {
	t.Terms = nil
	for _, l := range scheme.Langs {
		if words := formLines(fm.Raw("terms_" + string(l))); len(words) > 0 {
			if t.Terms == nil {
				t.Terms = map[scheme.Lang][]string{}
			}
			t.Terms[l] = words
		}
	}
	t.Explanation = formText(fm, "explanation")
	for _, p := range t.Validate() {
		glossaryProblem(fm, t, p)
	}
}

// glossaryProblem sets a problem Validate found beside the form field it
// is about, in words of the page's language: Validate's own messages are
// for whoever maintains the glossary file, in English.
func glossaryProblem(fm *form, t *scheme.Term, p scheme.Problem) {
	switch p.Field {
	case "id":
		if t.ID == "" {
			fm.Fail("id", "form.required")
		} else {
			fm.Fail("id", "scheme-form.error-key", "Value", t.ID)
		}
	case "terms":
		fm.Fail("terms_nb", "glossary-form.error-words")
	case "explanation":
		fm.Fail("explanation_nb", "glossary-form.error-explanation")
	default:
		// A word that is empty or a language that is not one: the form
		// cannot send either, so this is a defect; say it beside the
		// field it is nearest to.
		field := "id"
		if strings.HasPrefix(p.Field, "terms") {
			field = "terms_nb"
		} else if strings.HasPrefix(p.Field, "explanation") {
			field = "explanation_nb"
		}
		fm.Fail(field, "scheme-form.error-other", "Message", p.String())
	}
}

// termIndex is the place of the term with the id among terms, -1 where
// none has it.
func termIndex(terms []scheme.Term, id string) int {
	return slices.IndexFunc(terms, func(t scheme.Term) bool { return t.ID == id })
}

// findTerm returns the term with the id, and false where none has it.
func findTerm(terms []scheme.Term, id string) (scheme.Term, bool) {
	if i := termIndex(terms, id); i >= 0 {
		return terms[i], true
	}
	return scheme.Term{}, false
}
