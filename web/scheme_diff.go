package web

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"time"

	"planverk/i18n"
	"planverk/scheme"
)

// schemeChange is one difference between two revisions of a scheme: which
// field, as the page names it, and its value before and after as text.
type schemeChange struct {
	// Path is the field in the catalogue's own names: "summary.nn",
	// "kinds", "how_to_apply.steps.nb".
	Path string
	// Label names the field in the page's language: "Summary (nynorsk)".
	Label string
	// Kind is "added", "removed" or "changed".
	Kind          string
	Before, After string
	// Lang is the written language of the values where they are a text
	// in one ("nb", "nn"), else "".
	Lang string
}

// schemeConflict tells what someone else saved while this person edited a
// scheme.
type schemeConflict struct {
	Author  string
	At      time.Time
	Changes []schemeChange
}

// schemeFieldOrder is the order of a scheme's fields as the catalogue
// writes them, which the changes follow.
var schemeFieldOrder = func() []string {
	var out []string
	t := reflect.TypeFor[scheme.Scheme]()
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		out = append(out, name)
	}
	return out
}()

// schemeDiff lists what differs between two revisions of a scheme. It
// compares the two as the catalogue writes them (JSON), field by field, and
// goes into objects (texts by language, how to apply) so that a change to
// the nynorsk summary says so; lists and other values are compared whole.
// Empty and missing are the same: a text cleared is a text removed.
func schemeDiff(before, after scheme.Scheme, lang i18n.Lang) []schemeChange {
	var out []schemeChange
	b, _ := scheme.Plain(before).(map[string]any)
	a, _ := scheme.Plain(after).(map[string]any)
	for _, k := range schemeFieldOrder {
		diffValue(k, b[k], a[k], &out)
	}
	for i := range out {
		out[i].Label = changeLabel(lang, out[i].Path)
	}
	return out
}

func diffValue(path string, b, a any, out *[]schemeChange) {
	bm, bok := b.(map[string]any)
	am, aok := a.(map[string]any)
	if bok && aok {
		var keys []string
		for k := range bm {
			keys = append(keys, k)
		}
		for k := range am {
			if _, ok := bm[k]; !ok {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			diffValue(path+"."+k, bm[k], am[k], out)
		}
		return
	}
	if reflect.DeepEqual(b, a) {
		return
	}
	c := schemeChange{Path: path, Kind: "changed", Before: valueText(b), After: valueText(a)}
	switch {
	case b == nil:
		c.Kind = "added"
	case a == nil:
		c.Kind = "removed"
	}
	if l := path[strings.LastIndexByte(path, '.')+1:]; l == string(scheme.LangNB) || l == string(scheme.LangNN) {
		c.Lang = l
	}
	*out = append(*out, c)
}

// valueText writes a value for a person: a text as it is, a list one item
// a line, a link as "title | url", anything else as compact JSON.
func valueText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case []any:
		lines := make([]string, len(x))
		for i, e := range x {
			lines[i] = valueText(e)
		}
		return strings.Join(lines, "\n")
	case map[string]any:
		if t, ok := x["title"].(string); ok && len(x) == 2 {
			if u, ok := x["url"].(string); ok {
				return t + " | " + u
			}
		}
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// changeLabel names a changed field in the page's language.
func changeLabel(lang i18n.Lang, path string) string {
	parts := strings.Split(path, ".")
	field, rest := parts[0], parts[1:]
	if field == "how_to_apply" && len(rest) > 0 {
		field, rest = rest[0], rest[1:]
	}
	label := i18n.T(lang, "scheme-field."+field, nil)
	switch {
	case len(rest) == 1 && (rest[0] == string(scheme.LangNB) || rest[0] == string(scheme.LangNN)):
		label += " (" + i18n.T(lang, "language."+rest[0], nil) + ")"
	case len(rest) > 0:
		label += " (" + strings.Join(rest, ".") + ")"
	}
	return label
}
