// Package describe puts what planverk stores about a plan into the words of
// the plan and of the reader: a recorded change such as
// plan.budgets[period].lines[bustader].amounts[2026] becomes "Budget
// «Budget for the period», Line «More suitable homes», Amount 2026:
// 5 000 000 → 5 200 000", and a finding's place in the file becomes the
// place in the plan.
//
// It knows the plan's shape only as the plan types and their JSON encoding
// give it, as plan.Diff does: it walks a path segment by segment, takes the
// label of each field from the catalogues (words.field.NAME), names list
// items by the plan's own names for them (titles, names, labels, or the
// organisation, source or line an item refers to), and writes values by
// their type (amounts, dates and shares formatted, statuses, roles and
// other enum values translated). A field added to the plan types later is
// described with its label, or with its name where the catalogues lack
// one, without a change here; a path recorded under an older shape of the
// types still reads.
package describe

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"planverk/i18n"
	"planverk/plan"
)

// Part is a piece of text and its language: "" for the language of the
// page, or the plan's language for the plan's own words.
type Part struct {
	Text string
	Lang string
}

// Text is a run of parts, read together.
type Text []Part

// String returns the text without its languages.
func (t Text) String() string {
	var b strings.Builder
	for _, p := range t {
		b.WriteString(p.Text)
	}
	return b.String()
}

// Book is what describing needs to know: the language of the page and of
// the plan, and the plan file, to name what paths point at. Items that are
// no longer in the plan (a measure that was removed, a budget line that
// was renamed away) are named from the changes it has learnt (Learn).
type Book struct {
	lang     i18n.Lang
	planLang string
	root     any
	learnt   map[string]any
	// Scheme names a support scheme by its id, in the page's language;
	// nil, or false, leaves the id as it is.
	Scheme func(id string) (name, lang string, ok bool)
}

// New returns a book over a plan file (nil for none), for a page in lang.
func New(f *plan.File, lang i18n.Lang) *Book {
	b := &Book{lang: lang, learnt: map[string]any{}}
	if f != nil {
		b.planLang = string(f.Plan.Language)
		if raw, err := json.Marshal(f); err == nil {
			b.root = decode(raw)
		}
	}
	return b
}

// Learn keeps the whole items that changes added or removed, so that other
// changes, in older versions, that point into them are named even where
// the item is no longer in the plan.
func (b *Book) Learn(changes []plan.Change) {
	for _, c := range changes {
		for _, v := range []string{c.Before, c.After} {
			if t := strings.TrimSpace(v); strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") {
				if n := decode([]byte(t)); n != nil {
					if _, had := b.learnt[c.Path]; !had {
						b.learnt[c.Path] = n
					}
				}
			}
		}
	}
}

// t translates a message of the page's language.
func (b *Book) t(id string, pairs ...any) string {
	return i18n.T(b.lang, id, args(pairs))
}

// lookup translates a message that may not exist.
func (b *Book) lookup(id string, pairs ...any) (string, bool) {
	return i18n.Lookup(b.lang, id, args(pairs))
}

func args(pairs []any) map[string]any {
	if len(pairs) == 0 {
		return nil
	}
	m := map[string]any{}
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i].(string)] = pairs[i+1]
	}
	return m
}

// decode reads JSON keeping numbers as they are written; nil if it is not JSON.
func decode(raw []byte) any {
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil
	}
	return v
}

// scalar writes a decoded JSON scalar as plan.Diff writes it.
func scalar(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		return strconv.FormatBool(x)
	}
	raw, _ := json.Marshal(v)
	return string(raw)
}

// member returns an object's member, nil where v is no object or lacks it.
func member(v any, name string) any {
	if o, ok := v.(map[string]any); ok {
		return o[name]
	}
	return nil
}

// item finds the item of a list with the key: by "id", else by "number",
// as plan.Diff names items; by position where byIndex.
func item(list any, key string, byIndex bool) any {
	l, ok := list.([]any)
	if !ok {
		if m, ok := list.(map[string]any); ok {
			return m[key]
		}
		return nil
	}
	if byIndex {
		if i, err := strconv.Atoi(key); err == nil && i >= 0 && i < len(l) {
			return l[i]
		}
		return nil
	}
	// As plan.Diff does: by "id" where every item has one, else by
	// "number" where every item has one, else by position. A key that is
	// no id is tried as a number too: a path recorded before the items
	// had ids.
	identified := false
	for _, field := range []string{"id", "number"} {
		if !allHave(l, field) {
			continue
		}
		identified = true
		for _, it := range l {
			if scalar(member(it, field)) == key {
				return it
			}
		}
	}
	if i, err := strconv.Atoi(key); err == nil && !identified && i >= 0 && i < len(l) {
		return l[i]
	}
	return nil
}

// allHave reports whether every item of a list has the field, not empty.
func allHave(l []any, field string) bool {
	for _, it := range l {
		if scalar(member(it, field)) == "" {
			return false
		}
	}
	return len(l) > 0
}

// find looks up an item of a top-level list by a field's value: an
// organisation by id, a source by id.
func (b *Book) find(list any, field, value string) any {
	if l, ok := list.([]any); ok {
		for _, it := range l {
			if scalar(member(it, field)) == value {
				return it
			}
		}
	}
	return nil
}

func (b *Book) planNode() any { return member(b.root, "plan") }

// orgName names an organisation by its id.
func (b *Book) orgName(id string) (string, bool) {
	if o := b.find(member(b.root, "organisations"), "id", id); o != nil {
		if n := scalar(member(o, "name")); n != "" {
			return n, true
		}
	}
	return "", false
}

// sourceName names a funding source by its id.
func (b *Book) sourceName(id string) (string, bool) {
	if s := b.find(member(b.planNode(), "sources"), "id", id); s != nil {
		if n := scalar(member(s, "name")); n != "" {
			return n, true
		}
	}
	return "", false
}

// budgetTitle names a budget table by its id.
func (b *Book) budgetTitle(id string) (string, bool) {
	if t := b.find(member(b.planNode(), "budgets"), "id", id); t != nil {
		if n := scalar(member(t, "title")); n != "" {
			return n, true
		}
	}
	return "", false
}

// lineLabel names a budget line by its id: in the budget given, or in any
// budget where that is not known.
func (b *Book) lineLabel(budget, id string) (string, bool) {
	budgets, _ := member(b.planNode(), "budgets").([]any)
	for _, bt := range budgets {
		if budget != "" && scalar(member(bt, "id")) != budget {
			continue
		}
		if l := b.find(member(bt, "lines"), "id", id); l != nil {
			if n := scalar(member(l, "label")); n != "" {
				return n, true
			}
		}
	}
	return "", false
}

// goal returns the plan's goal with the number.
func (b *Book) goal(number string) any {
	return b.find(member(b.planNode(), "goals"), "number", number)
}
