package web

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// A money form shown again after a conflict is merged three ways, field by
// field: the version the form was opened on (base), what the person typed,
// and the table as it is now. A field the person left as it was shows what
// is saved now, so that saving again keeps the other person's change; a
// field the person changed shows what they typed. In a grid every field is
// sent back, touched or not, so without this a second save would quietly
// undo every change the conflict listed.
//
// Rows are matched by identity (a line's id, a row's key), never by place:
// the grids name their fields "<word>-<n>-<field>" ("line-3-y2026"), with
// <word>s the count of rows and the field keyField naming the row.

// moneyGrid describes how a form names its rows.
type moneyGrid struct {
	word, count, keyField string
	// boxes are checkboxes: a browser sends nothing for an unticked one,
	// so absent means "" rather than "not shown".
	boxes []string
}

// moneyMerge replaces the form's values by the three-way merge of what was
// typed (fm), base and now, each as the form's values of that version of
// the table; base is nil where that version cannot be loaded.
func moneyMerge(fm *form, g moneyGrid, base, now url.Values) {
	for _, b := range g.boxes {
		if _, ok := fm.Values[b]; !ok {
			fm.Values.Set(b, "")
		}
	}
	tKeys, typed, tRest := g.split(fm.Values)
	_, was, wRest := g.split(base)
	nKeys, cur, cRest := g.split(now)
	out := moneyMergeFields(tRest, wRest, cRest)
	n := 0
	put := func(fields url.Values) {
		p := g.word + "-" + strconv.Itoa(n) + "-"
		n++
		for f, vs := range fields {
			out[p+f] = vs
		}
	}
	seen := map[string]bool{}
	for _, k := range tKeys {
		seen[k] = true
		t, w, c := typed[k], was[k], cur[k]
		if c == nil && w != nil && moneySameFields(t, w) {
			continue // removed meanwhile, and left as it was here
		}
		put(moneyMergeFields(t, w, c))
	}
	// Rows added meanwhile.
	for _, k := range nKeys {
		if !seen[k] {
			put(cur[k])
		}
	}
	out.Set(g.count, strconv.Itoa(n))
	for _, b := range g.boxes {
		if out.Get(b) == "" {
			out.Del(b)
		}
	}
	fm.Values = out
}

// split sorts a form's values into its rows, by identity and in order,
// and the rest.
func (g moneyGrid) split(v url.Values) (keys []string, rows map[string]url.Values, rest url.Values) {
	rows, rest = map[string]url.Values{}, url.Values{}
	n, _ := strconv.Atoi(strings.TrimSpace(v.Get(g.count)))
	n = min(max(n, 0), 500)
	byIndex := make([]url.Values, n)
	for k, vs := range v {
		if k == g.count {
			continue
		}
		if i, field, ok := g.rowField(k); ok {
			if i < n { // fields of rows beyond the count belong to no row
				if byIndex[i] == nil {
					byIndex[i] = url.Values{}
				}
				byIndex[i][field] = vs
			}
			continue
		}
		rest[k] = vs
	}
	for _, fields := range byIndex {
		if fields == nil {
			continue
		}
		key := strings.TrimSpace(fields.Get(g.keyField))
		if key == "" || rows[key] != nil {
			continue
		}
		keys = append(keys, key)
		rows[key] = fields
	}
	return keys, rows, rest
}

// rowField reads "line-3-y2026" as row 3, field "y2026".
func (g moneyGrid) rowField(name string) (int, string, bool) {
	s, ok := strings.CutPrefix(name, g.word+"-")
	if !ok {
		return 0, "", false
	}
	num, field, ok := strings.Cut(s, "-")
	i, err := strconv.Atoi(num)
	if !ok || err != nil || i < 0 || strconv.Itoa(i) != num {
		return 0, "", false
	}
	return i, field, true
}

// moneyMergeFields merges one row (or the fields outside rows) three ways. w or
// c is nil where the row is not in that version.
func moneyMergeFields(t, w, c url.Values) url.Values {
	out := url.Values{}
	for f, vs := range t {
		out[f] = vs
	}
	for f, vs := range c {
		tv, shown := t[f]
		if !shown {
			out[f] = vs // a field the form did not show
			continue
		}
		wv, had := w[f]
		if had && moneySameValue(tv, wv) {
			out[f] = vs // left as it was: what is saved now
		}
	}
	return out
}

func moneySameFields(t, w url.Values) bool {
	for f, tv := range t {
		if wv, ok := w[f]; ok && !moneySameValue(tv, wv) {
			return false
		}
	}
	return true
}

func moneySameValue(a, b []string) bool {
	return slices.EqualFunc(a, b, func(x, y string) bool { return strings.TrimSpace(x) == strings.TrimSpace(y) })
}
