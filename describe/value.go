package describe

import (
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"planverk/i18n"
	"planverk/plan"
)

// Labels: a field's label is words.field.TYPE.NAME where one type's field
// reads otherwise than the others of its name (an organisation's number),
// else words.field.NAME; an item of a list is words.item.TYPE.NAME or
// words.item.NAME, else the list's label. TYPE is the Go type in
// kebab-case (time-frame), NAME the field's JSON name.

// label returns the label of a field.
func (b *Book) label(owner reflect.Type, field string) string {
	if k := typeKey(owner); k != "" {
		if s, ok := b.lookup("words.field." + k + "." + field); ok {
			return s
		}
	}
	if s, ok := b.lookup("words.field." + field); ok {
		return s
	}
	return humanise(field)
}

// itemLabel returns the label of one item of a list field.
func (b *Book) itemLabel(owner reflect.Type, field string) string {
	if k := typeKey(owner); k != "" {
		if s, ok := b.lookup("words.item." + k + "." + field); ok {
			return s
		}
	}
	if s, ok := b.lookup("words.item." + field); ok {
		return s
	}
	return b.label(owner, field)
}

// humanise writes a field name the catalogues lack as words: "time_frame"
// is "time frame". Only a field newer than the catalogues reads so; a test
// keeps every field of the plan types in them.
func humanise(field string) string {
	s := strings.NewReplacer("_", " ", "-", " ").Replace(field)
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(r)) + s[n:]
}

// enumMessages are the catalogue prefixes of the plan's enum types: a
// value v of the type reads as the message PREFIX+v.
var enumMessages = map[reflect.Type]string{
	reflect.TypeFor[plan.Status]():        "status.",
	reflect.TypeFor[plan.MeasureStatus](): "measure-status.",
	reflect.TypeFor[plan.Priority]():      "words.priority.",
	reflect.TypeFor[plan.PartyRole]():     "role.",
	reflect.TypeFor[plan.ProgrammeKind](): "kind.",
	reflect.TypeFor[plan.OrgKind]():       "org-kind.",
	reflect.TypeFor[plan.TargetKind]():    "words.target-kind.",
	reflect.TypeFor[plan.Language]():      "language.",
	reflect.TypeFor[plan.Block]():         "words.block.",
	reflect.TypeFor[plan.NewKind]():       "revision.new-kind.",
	reflect.TypeFor[plan.PersonRole]():    "person-role.",
	reflect.TypeFor[plan.AmountKind]():    "amount-kind.",
}

// EnumMessage returns the catalogue message of an enum value of the plan
// types, and whether the type is one of them: status.ongoing for
// plan.MeasureStatus("ongoing"). A section's kind, a plain string, is
// words.section-kind.KIND.
func EnumMessage(t reflect.Type, value string) (string, bool) {
	p, ok := enumMessages[t]
	return p + value, ok
}

// refKinds are the fields whose text names another part of the plan file
// by its id or number: an organisation, a funding source, a budget, a
// budget line, a goal or a support scheme. They are known by name, as
// plan.Diff knows "id" and "number", so that one added later under a
// known name is named too.
var refKinds = map[string]string{
	"org": "org", "municipality": "org", "party": "org", "organisation": "org", "members": "org", "municipalities": "org",
	"source": "source", "sources": "source", "covers": "source", "marks": "source",
	"budget": "budget", "line": "line", "goal": "goal", "schemes": "scheme",
}

// codeFields are text fields whose values are in no language.
var codeFields = map[string]bool{"id": true, "url": true, "website": true, "number": true, "municipality_number": true}

// ref names what an id or number refers to; false where it names nothing
// the book knows.
func (b *Book) ref(kind, v string) (Text, bool) {
	var name string
	var ok bool
	switch kind {
	case "org":
		name, ok = b.orgName(v)
	case "source":
		name, ok = b.sourceName(v)
	case "budget":
		name, ok = b.budgetTitle(v)
	case "line":
		name, ok = b.lineLabel("", v)
	case "goal":
		if g := b.goal(v); g != nil {
			t := Text{{Text: b.t("goal.heading", "Number", v)}}
			if title := scalar(member(g, "title")); title != "" {
				t = append(t, b.quoted(title)...)
			}
			return t, true
		}
	case "scheme":
		if b.Scheme != nil {
			if n, lang, found := b.Scheme(v); found {
				return Text{{Text: n, Lang: lang}}, true
			}
		}
	}
	if !ok {
		return nil, false
	}
	return Text{{Text: name, Lang: b.planLang}}, true
}

// quoted is the plan's own words in quotation marks, after a space.
func (b *Book) quoted(s string) Text { return b.quotedIn(s, b.planLang) }

// quotedIn is a name in quotation marks, after a space, in its language.
func (b *Book) quotedIn(s, lang string) Text {
	return Text{{Text: " " + b.t("words.quote-open")}, {Text: s, Lang: lang}, {Text: b.t("words.quote-close")}}
}

var (
	amountType   = reflect.TypeFor[plan.Amount]()
	dateType     = reflect.TypeFor[plan.Date]()
	shareType    = reflect.TypeFor[plan.Share]()
	markdownType = reflect.TypeFor[plan.Markdown]()
	sectionType  = reflect.TypeFor[plan.Section]()
	goalType     = reflect.TypeFor[plan.Goal]()
	measureType  = reflect.TypeFor[plan.Measure]()
)

// scalar writes one value as the reader reads it. owner and field are
// where it stands (for a list's item or a map's value, the list's or the
// map's field), t its type where known.
func (b *Book) scalar(owner reflect.Type, field string, t reflect.Type, v string) Text {
	t = deref(t)
	if v == "" {
		return nil
	}
	switch {
	case t == amountType:
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			return Text{{Text: i18n.Amount(plan.Amount(n))}}
		}
	case t == dateType || (t == nil && isDate(v)):
		if d, err := plan.ParseDate(v); err == nil {
			return Text{{Text: i18n.Date(b.lang, d)}}
		}
	case t == shareType:
		return Text{{Text: share(v)}}
	case t != nil && t.Kind() == reflect.Bool, t == nil && (v == "true" || v == "false"):
		if v == "true" {
			return Text{{Text: b.t("words.yes")}}
		}
		return Text{{Text: b.t("words.no")}}
	}
	if id, ok := EnumMessage(t, v); ok {
		if kind, ref, isBlock := strings.Cut(v, ":"); isBlock && t == reflect.TypeFor[plan.Block]() {
			return b.block(kind, ref)
		}
		if s, ok := b.lookup(id); ok {
			return Text{{Text: s}}
		}
		return Text{{Text: v}}
	}
	if deref(owner) == sectionType && field == "kind" {
		if s, ok := b.lookup("words.section-kind." + v); ok {
			return Text{{Text: s}}
		}
	}
	if kind, ok := refKinds[field]; ok {
		if name, ok := b.ref(kind, v); ok {
			return name
		}
	}
	if codeFields[field] || (t != nil && t.Kind() != reflect.String) {
		// Ids, addresses and numbers are the same in every language.
		return Text{{Text: v}}
	}
	return Text{{Text: v, Lang: b.planLang}}
}

// block names a budget or financing table placed in a section.
func (b *Book) block(kind, id string) Text {
	var name string
	var ok bool
	switch kind {
	case "budget":
		name, ok = b.budgetTitle(id)
	case "financing":
		if t := b.find(member(b.planNode(), "financing"), "id", id); t != nil {
			name = scalar(member(t, "title"))
			ok = name != ""
		}
	}
	label := b.t("words.block." + kind)
	if !ok {
		return Text{{Text: label + " " + id}}
	}
	return append(Text{{Text: label}}, b.quoted(name)...)
}

func isDate(v string) bool {
	if len(v) != 10 || v[4] != '-' || v[7] != '-' {
		return false
	}
	_, err := plan.ParseDate(v)
	return err == nil
}

// share writes a share as written, the space before % a no-break one.
func share(v string) string {
	t := strings.TrimSpace(v)
	if n, ok := strings.CutSuffix(t, "%"); ok {
		return strings.TrimSpace(n) + "\u00a0%"
	}
	return t
}

// value writes a change's value: a scalar as scalar does, a whole object
// or list summed up in words (never as JSON).
func (b *Book) value(owner reflect.Type, field string, t reflect.Type, raw string) Text {
	if isComposite(t, raw) {
		if v := decode([]byte(raw)); v != nil {
			return b.summary(owner, field, t, v, 0)
		}
	}
	return b.scalar(owner, field, t, raw)
}

// isComposite reports whether a value is written as JSON: an object or a
// list of its type, or, where the type is not known, text that reads so.
func isComposite(t reflect.Type, raw string) bool {
	if t = deref(t); t != nil && !custom(t) {
		switch t.Kind() {
		case reflect.Struct, reflect.Slice, reflect.Array, reflect.Map:
			return true
		}
		return false
	}
	s := strings.TrimSpace(raw)
	return (strings.HasPrefix(s, "{") || strings.HasPrefix(s, "[")) && json.Valid([]byte(s))
}

// The most a summary lists: items of a list, and facts of an object.
const (
	summaryItems = 8
	summaryFacts = 6
	summaryRunes = 100
)

// summary sums up a decoded value of type t (nil where not known).
func (b *Book) summary(owner reflect.Type, field string, t reflect.Type, v any, depth int) Text {
	t = deref(t)
	switch x := v.(type) {
	case []any:
		var out Text
		for i, it := range x {
			if i == summaryItems {
				out = append(out, Part{Text: " " + b.t("words.more", "Count", len(x)-i)})
				break
			}
			if i > 0 {
				out = append(out, Part{Text: ", "})
			}
			out = append(out, b.summary(owner, field, elem(t), it, depth)...)
		}
		return out
	case map[string]any:
		if t != nil && t.Kind() == reflect.Map {
			return b.entries(owner, field, t, x)
		}
		return b.object(structType(t), x, depth, true)
	}
	return b.scalar(owner, field, t, scalar(v))
}

func allScalar(m map[string]any) bool {
	for _, v := range m {
		switch v.(type) {
		case map[string]any, []any:
			return false
		}
	}
	return true
}

// entries sums up a map: "2026: 5 000 000, 2027: 5 200 000".
func (b *Book) entries(owner reflect.Type, field string, t reflect.Type, m map[string]any) Text {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var out Text
	for i, k := range keys {
		if i > 0 {
			out = append(out, Part{Text: ", "})
		}
		out = append(out, b.key(field, k)...)
		out = append(out, Part{Text: ": "})
		out = append(out, b.scalar(owner, field, elem(t), scalar(m[k]))...)
	}
	return out
}

// key writes a map's key: a year as it is, a funding source by its name.
func (b *Book) key(field, k string) Text {
	if kind, ok := refKinds[field]; ok {
		if name, ok := b.ref(kind, k); ok {
			return name
		}
	}
	return Text{{Text: k}}
}

// nameFields are the fields that name an item, in the order they are
// tried: its own words first, then what it refers to.
var nameFields = []string{"title", "name", "label", "text", "activity", "caption", "heading",
	"org", "municipality", "party", "source", "line", "mark", "year"}

// name returns what names an object, and the field it came from.
func (b *Book) name(st reflect.Type, obj map[string]any) (Text, string) {
	for _, f := range nameFields {
		v := scalar(member(obj, f))
		if v == "" {
			continue
		}
		if kind, ok := refKinds[f]; ok {
			if f == "line" {
				if n, ok := b.lineLabel("", v); ok {
					return Text{{Text: n, Lang: b.planLang}}, f
				}
			} else if n, ok := b.ref(kind, v); ok {
				return n, f
			}
			return Text{{Text: v}}, f
		}
		if f == "year" || f == "mark" {
			return Text{{Text: v}}, f
		}
		return Text{{Text: clip(v, summaryRunes), Lang: b.planLang}}, f
	}
	return nil, ""
}

// object sums up an object: its number and name, then its other simple
// facts in brackets, "Seljord kommune (Executive committee: 11.06.2025,
// Council: 19.06.2025)".
func (b *Book) object(st reflect.Type, obj map[string]any, depth int, numbered bool) Text {
	if span, ok := fromTo(obj); ok {
		return span
	}
	head, used := b.name(st, obj)
	if n := scalar(member(obj, "number")); n != "" && used != "number" && numbered {
		num := Text{{Text: n}}
		if head != nil {
			num = append(num, Part{Text: " "})
		}
		head = append(num, head...)
	}
	var names []string
	if st != nil {
		names = fieldOrder(st)
	} else {
		for k := range obj {
			names = append(names, k)
		}
		slices.Sort(names)
	}
	var facts Text
	n := 0
	for _, f := range names {
		v, ok := obj[f]
		if !ok || f == used || f == "id" || f == "number" {
			continue
		}
		ft := fieldType(st, f)
		var text Text
		switch x := v.(type) {
		case map[string]any, []any:
			// A nested part is summed up where it is small and simple: a
			// line's amounts, a measure's leads.
			if depth > 0 || !simple(x) {
				continue
			}
			text = b.summary(st, f, ft, x, depth+1)
		default:
			s := scalar(x)
			if s == "" {
				continue
			}
			if deref(ft) == markdownType || (ft != nil && deref(ft).Kind() == reflect.String && utf8.RuneCountInString(s) > summaryRunes) {
				s = clip(s, summaryRunes)
			}
			text = b.scalar(st, f, ft, s)
		}
		if len(text) == 0 {
			continue
		}
		if n == summaryFacts {
			facts = append(facts, Part{Text: ", …"})
			break
		}
		if n > 0 {
			facts = append(facts, Part{Text: ", "})
		}
		facts = append(facts, Part{Text: b.label(st, f) + ": "})
		facts = append(facts, text...)
		n++
	}
	if len(facts) == 0 {
		return head
	}
	if head == nil {
		return facts
	}
	out := append(head, Part{Text: " ("})
	out = append(out, facts...)
	return append(out, Part{Text: ")"})
}

// fromTo writes a span of years, an object of nothing but from and to,
// as "2025–2028".
func fromTo(obj map[string]any) (Text, bool) {
	from, to := scalar(obj["from"]), scalar(obj["to"])
	if len(obj) != 2 || from == "" || to == "" {
		return nil, false
	}
	return Text{{Text: from + "–" + to}}, true
}

// item writes an added or removed item of a list whose subject already
// names its number ("Measure 2.3"): its name and facts, without the
// number again.
func (b *Book) item(owner reflect.Type, field string, t reflect.Type, raw string) Text {
	if isComposite(t, raw) {
		if obj, ok := decode([]byte(raw)).(map[string]any); ok {
			return b.object(structType(t), obj, 0, false)
		}
	}
	return b.value(owner, field, t, raw)
}

// simple reports whether a nested part is small enough to sum up inside
// its object: a map of scalars, or a short list of scalars or of small
// objects of scalars.
func simple(v any) bool {
	switch x := v.(type) {
	case map[string]any:
		return len(x) <= summaryItems && allScalar(x)
	case []any:
		if len(x) > summaryItems {
			return false
		}
		for _, it := range x {
			if m, ok := it.(map[string]any); ok {
				if len(m) > 3 || !allScalar(m) {
					return false
				}
			} else if _, ok := it.([]any); ok {
				return false
			}
		}
		return true
	}
	return true
}

// clip shortens text to n characters, ending it with an ellipsis.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n])) + "…"
}
