package web

import (
	"slices"
	"strings"

	"planverk/i18n"
	"planverk/scheme"
	"planverk/store"
)

// termDiff lists what differs between two states of a term, as schemeDiff
// does for a scheme: its words and its explanation, language by language,
// each with its value before and after. Empty and missing are the same.
func termDiff(before, after scheme.Term, lang i18n.Lang) []schemeChange {
	b, _ := scheme.Plain(before).(map[string]any)
	a, _ := scheme.Plain(after).(map[string]any)
	// Language by language even where a side has no text at all, so that a
	// whole explanation added says which language it is in.
	in := func(m map[string]any, field string, l scheme.Lang) any {
		byLang, _ := m[field].(map[string]any)
		return byLang[string(l)]
	}
	var out []schemeChange
	for _, field := range []string{"terms", "explanation"} {
		for _, l := range scheme.Langs {
			diffValue(field+"."+string(l), in(b, field, l), in(a, field, l), &out)
		}
	}
	for i := range out {
		out[i].Label = termChangeLabel(lang, out[i].Path)
	}
	return out
}

// termChangeLabel names a changed field of a term, "terms.nn", in the
// page's language: "Words (Nynorsk)".
func termChangeLabel(lang i18n.Lang, path string) string {
	field, l, _ := strings.Cut(path, ".")
	return i18n.T(lang, "glossary-field."+field, nil) + " (" + i18n.T(lang, "language."+l, nil) + ")"
}

// glossaryTermChange is a term one revision changed: its headword, and
// what changed in it.
type glossaryTermChange struct {
	Headword localText
	Changes  []schemeChange
}

// glossaryChanges is what one revision of the glossary changed from the
// one before: the terms it added and removed, by headword, and those it
// changed, each in the order of its headword.
type glossaryChanges struct {
	Added, Removed []localText
	Changed        []glossaryTermChange
}

// Empty reports whether the revision changed no term.
func (c glossaryChanges) Empty() bool {
	return len(c.Added) == 0 && len(c.Removed) == 0 && len(c.Changed) == 0
}

// glossaryDiff compares two revisions of the glossary term by term, the
// terms matched by id.
func glossaryDiff(before, after []scheme.Term, lang i18n.Lang) glossaryChanges {
	var c glossaryChanges
	sl := schemeLang(lang)
	for i := range after {
		t := &after[i]
		was, ok := findTerm(before, t.ID)
		if !ok {
			c.Added = append(c.Added, termHeadword(t, sl))
		} else if changes := termDiff(was, *t, lang); len(changes) > 0 {
			c.Changed = append(c.Changed, glossaryTermChange{Headword: termHeadword(t, sl), Changes: changes})
		}
	}
	for i := range before {
		if termIndex(after, before[i].ID) < 0 {
			c.Removed = append(c.Removed, termHeadword(&before[i], sl))
		}
	}
	coll := norwegianOrder()
	byText := func(a, b localText) int { return coll.CompareString(a.Text, b.Text) }
	slices.SortStableFunc(c.Added, byText)
	slices.SortStableFunc(c.Removed, byText)
	slices.SortStableFunc(c.Changed, func(a, b glossaryTermChange) int { return byText(a.Headword, b.Headword) })
	return c
}

// termChangedBy finds the newest revision after base that changed the term
// with the id (revisions newest first), so that a conflict names who
// changed the term rather than whoever saved the glossary last.
func termChangedBy(recs []store.GlossaryRecord, base int, id string) (store.GlossaryRecord, bool) {
	for i, rec := range recs {
		if rec.Revision <= base {
			break
		}
		var prev []scheme.Term
		if i+1 < len(recs) {
			prev = recs[i+1].Terms
		}
		now, inNow := findTerm(rec.Terms, id)
		was, inPrev := findTerm(prev, id)
		if inNow != inPrev || fingerprint(now) != fingerprint(was) {
			return rec, true
		}
	}
	return store.GlossaryRecord{}, false
}
