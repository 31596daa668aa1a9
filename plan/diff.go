package plan

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Change is one difference between two versions of a plan file.
type Change struct {
	// Path locates the value, in the plan file's own YAML field names, with
	// list items named by their identity rather than their index where they
	// have one: "plan.goals[2].measures[3].title", "plan.budgets[period].lines[bustad].amounts[2026]",
	// "organisations[husbanken].name", "programme.parties[0].role".
	Path string
	// Kind is "added", "removed" or "changed".
	Kind string
	// Before and After are the values as plain text (a scalar written as in the
	// plan file; a whole added/removed object as compact JSON), "" where absent.
	Before, After string
	// Goal and Measure are the numbers of the goal and measure the change is
	// inside, 0 when it is not inside one — so a measure's history is the
	// changes with its goal and measure number.
	Goal, Measure int
}

// The kinds of change.
const (
	ChangeAdded   = "added"
	ChangeRemoved = "removed"
	ChangeChanged = "changed"
)

// Diff lists the differences between two versions of a plan file, in the
// order of after's document, with removed values where they stood in before.
// A nil file is an empty one, so Diff(nil, f) lists f's parts as added.
//
// Diff names no field but "id" and "number", and no type but Goal and
// Measure: it compares the files as their JSON encoding writes them, so a
// field added to the plan types is compared without changing Diff. Its rules:
//
//   - A value that is null, an empty list or an empty object counts as
//     absent, so a nil and an empty slice are the same, as in the plan file.
//   - A value absent on one side is "added" or "removed" as a whole: Before or
//     After is a scalar's text, or an object's or a list's compact JSON.
//   - Object members and map entries are matched by name; a map entry's path
//     segment is its key in brackets: amounts[2026].
//   - List items that all carry a non-empty "id", or else all a "number",
//     unique within the list, are matched by it: measures[3],
//     organisations[husbanken]. Other lists are matched by index. When the
//     items both versions share stand in another order, that is one
//     "changed" change at the list's path plus ".order", with the items'
//     keys comma-separated as Before and After.
//   - Scalars are written as the plan file writes them, without quotes:
//     amounts as integers, dates as 2025-06-19, shares as written.
//   - A change at or under a goal carries the goal's number, and one at or
//     under a measure the measure's number too.
//
// Diff panics if a file cannot be encoded as JSON, which only a defect in the
// plan types can cause.
func Diff(before, after *File) []Change {
	b, a := diffJSON(before), diffJSON(after)
	if bytes.Equal(b, a) {
		return nil
	}
	// The root is compared member by member even where one side is empty, so
	// that a new file's changes are its parts, not one whole.
	d := differ{}
	d.object("", reflect.TypeFor[File](), b, a, diffScope{})
	return d.out
}

// MeasureChanges returns the changes inside one measure, in order: its
// history between two versions. With measure 0 it returns the changes to the
// goal itself, outside its measures.
func MeasureChanges(changes []Change, goal, measure int) []Change {
	var out []Change
	for _, c := range changes {
		if c.Goal == goal && c.Measure == measure {
			out = append(out, c)
		}
	}
	return out
}

// diffJSON encodes a file compactly and without HTML escapes, so that its
// parts can be cut out as the compact JSON of added and removed values.
func diffJSON(f *File) []byte {
	if f == nil {
		return []byte("{}")
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		panic(fmt.Sprintf("plan.Diff: encoding a plan file: %v", err))
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// diffScope is the goal and measure a value is inside.
type diffScope struct{ goal, measure int }

type differ struct{ out []Change }

var (
	diffGoalType    = reflect.TypeFor[Goal]()
	diffMeasureType = reflect.TypeFor[Measure]()
)

func (d *differ) add(path, kind, before, after string, sc diffScope) {
	d.out = append(d.out, Change{Path: path, Kind: kind, Before: before, After: after,
		Goal: sc.goal, Measure: sc.measure})
}

// value compares one value, b before and a after, as raw JSON; nil is absent.
// t is the Go type the value was encoded from, or nil where that is not known.
func (d *differ) value(path string, t reflect.Type, b, a []byte, sc diffScope) {
	if bytes.Equal(b, a) {
		return
	}
	bAbsent, aAbsent := rawAbsent(b), rawAbsent(a)
	if bAbsent && aAbsent {
		return
	}
	t = diffDeref(t)
	if t == diffGoalType || t == diffMeasureType {
		id := a
		if aAbsent {
			id = b
		}
		n, _ := strconv.Atoi(rawText(rawField(id, "number")))
		if t == diffGoalType {
			sc = diffScope{goal: n}
		} else {
			sc.measure = n
		}
	}
	switch {
	case bAbsent:
		d.add(path, ChangeAdded, "", rawText(a), sc)
	case aAbsent:
		d.add(path, ChangeRemoved, rawText(b), "", sc)
	case b[0] == '{' && a[0] == '{':
		d.object(path, t, b, a, sc)
	case b[0] == '[' && a[0] == '[':
		d.list(path, t, b, a, sc)
	default:
		if bt, at := rawText(b), rawText(a); bt != at {
			d.add(path, ChangeChanged, bt, at, sc)
		}
	}
}

// object compares two JSON objects, a struct's fields or a map's entries.
func (d *differ) object(path string, t reflect.Type, b, a []byte, sc diffScope) {
	isMap := t != nil && t.Kind() == reflect.Map && !diffCustom(t)
	diffMerge(rawMembers(b), rawMembers(a), func(key string, bv, av []byte) {
		p := key
		switch {
		case isMap:
			p = path + "[" + key + "]"
		case path != "":
			p = path + "." + key
		}
		d.value(p, diffMemberType(t, key), bv, av, sc)
	})
}

// list compares two JSON arrays, by identity where the items have one.
func (d *differ) list(path string, t reflect.Type, b, a []byte, sc diffScope) {
	var et reflect.Type
	if t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) && !diffCustom(t) {
		et = t.Elem()
	}
	be, ae := rawElements(b), rawElements(a)
	bf, bk := diffIdentity(et, be)
	af, ak := diffIdentity(et, ae)
	if bf == "" || bf != af {
		for i := range max(len(be), len(ae)) {
			var bv, av []byte
			if i < len(be) {
				bv = be[i]
			}
			if i < len(ae) {
				av = ae[i]
			}
			d.value(path+"["+strconv.Itoa(i)+"]", et, bv, av, sc)
		}
		return
	}
	if bo, ao := diffShared(bk, ak), diffShared(ak, bk); !slices.Equal(bo, ao) {
		d.add(path+".order", ChangeChanged, strings.Join(bk, ","), strings.Join(ak, ","), sc)
	}
	bi := make([]rawItem, len(be))
	for i := range be {
		bi[i] = rawItem{bk[i], be[i]}
	}
	ai := make([]rawItem, len(ae))
	for i := range ae {
		ai[i] = rawItem{ak[i], ae[i]}
	}
	diffMerge(bi, ai, func(key string, bv, av []byte) {
		d.value(path+"["+key+"]", et, bv, av, sc)
	})
}

// diffShared returns the keys of ks that are also in other, in ks's order.
func diffShared(ks, other []string) []string {
	in := make(map[string]bool, len(other))
	for _, k := range other {
		in[k] = true
	}
	var out []string
	for _, k := range ks {
		if in[k] {
			out = append(out, k)
		}
	}
	return out
}

// diffIdentity returns the field that identifies the items of a list, "id"
// or "number", and each item's key; "" where the items have no identity
// they all share, or where two items have the same key. t is the items'
// type, nil if not known; a struct type without the field is not searched
// for it.
func diffIdentity(t reflect.Type, items [][]byte) (field string, keys []string) {
	hasID, hasNumber := true, true
	if t = diffDeref(t); t != nil && t.Kind() == reflect.Struct && !diffCustom(t) {
		fs := diffFields(t)
		_, hasID = fs["id"]
		_, hasNumber = fs["number"]
	}
	if !hasID && !hasNumber {
		return "", nil
	}
	keys = make([]string, len(items))
	seen := make(map[string]bool, len(items))
	for i, it := range items {
		var f, k string
		if hasID {
			f, k = "id", rawText(rawField(it, "id"))
		}
		if k == "" && hasNumber {
			f, k = "number", rawText(rawField(it, "number"))
		}
		if k == "" || (i > 0 && f != field) || seen[k] {
			return "", nil
		}
		field, keys[i], seen[k] = f, k, true
	}
	return field, keys
}

// rawItem is a keyed part of a JSON value: an object member or a list item.
type rawItem struct {
	key string
	val []byte
}

// diffMerge calls visit for every key of before and after: in after's order,
// with each key only in before right after the key it followed in before.
// A missing side is nil.
func diffMerge(b, a []rawItem, visit func(key string, bv, av []byte)) {
	if len(b) == len(a) && slices.EqualFunc(b, a, func(x, y rawItem) bool { return x.key == y.key }) {
		for i := range a {
			visit(a[i].key, b[i].val, a[i].val)
		}
		return
	}
	inA := make(map[string]bool, len(a))
	for _, it := range a {
		inA[it.key] = true
	}
	inB := make(map[string]int, len(b))
	removed := make(map[int][]int) // index in b of the shared key a removed one follows, -1 for none
	last := -1
	for j, it := range b {
		inB[it.key] = j
		if inA[it.key] {
			last = j
		} else {
			removed[last] = append(removed[last], j)
		}
	}
	flush := func(anchor int) {
		for _, j := range removed[anchor] {
			visit(b[j].key, b[j].val, nil)
		}
	}
	flush(-1)
	for _, it := range a {
		j, ok := inB[it.key]
		if !ok {
			visit(it.key, nil, it.val)
			continue
		}
		visit(it.key, b[j].val, it.val)
		flush(j)
	}
}

// diffDeref returns the type a pointer type points to, through any number
// of pointers.
func diffDeref(t reflect.Type) reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

var (
	diffJSONMarshaler = reflect.TypeFor[json.Marshaler]()
	diffTextMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
)

// diffCustom reports whether a type writes its own JSON, so that the shape
// of its JSON says nothing of its Go fields.
func diffCustom(t reflect.Type) bool {
	p := reflect.PointerTo(t)
	return t.Implements(diffJSONMarshaler) || t.Implements(diffTextMarshaler) ||
		p.Implements(diffJSONMarshaler) || p.Implements(diffTextMarshaler)
}

// diffMemberType returns the type of a JSON object's member: a map's element
// type or the type of the struct field of that JSON name; nil if not known.
func diffMemberType(t reflect.Type, key string) reflect.Type {
	if t == nil || diffCustom(t) {
		return nil
	}
	switch t.Kind() {
	case reflect.Map:
		return t.Elem()
	case reflect.Struct:
		return diffFields(t)[key]
	}
	return nil
}

var diffFieldCache sync.Map // reflect.Type → map[string]reflect.Type

// diffFields maps a struct's JSON member names to its fields' types, as
// encoding/json names them: the tag's name, else the field's; fields of
// untagged embedded structs promoted unless the outer struct has the name.
func diffFields(t reflect.Type) map[string]reflect.Type {
	if m, ok := diffFieldCache.Load(t); ok {
		return m.(map[string]reflect.Type)
	}
	m := map[string]reflect.Type{}
	promoted := map[string]reflect.Type{}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if ft := diffDeref(f.Type); f.Anonymous && name == "" && ft.Kind() == reflect.Struct {
			for k, v := range diffFields(ft) {
				promoted[k] = v
			}
			continue
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		m[name] = f.Type
	}
	for k, v := range promoted {
		if _, ok := m[k]; !ok {
			m[k] = v
		}
	}
	diffFieldCache.Store(t, m)
	return m
}

// rawAbsent reports whether a raw JSON value is missing, null, [] or {}.
func rawAbsent(v []byte) bool {
	switch string(v) {
	case "", "null", "[]", "{}":
		return true
	}
	return false
}

// rawText returns a JSON value as plain text: a string without its quotes,
// a number or boolean as written, an object or list as its compact JSON.
func rawText(v []byte) string {
	if len(v) == 0 || string(v) == "null" {
		return ""
	}
	if v[0] != '"' {
		return string(v)
	}
	if bytes.IndexByte(v, '\\') < 0 {
		return string(v[1 : len(v)-1])
	}
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		return string(v)
	}
	return s
}

// rawMembers splits a JSON object into its members.
func rawMembers(v []byte) []rawItem {
	var out []rawItem
	i := rawSpace(v, 1)
	for i < len(v) && v[i] == '"' {
		ke := rawSkip(v, i)
		key := rawText(v[i:ke])
		i = rawSpace(v, rawSpace(v, ke)+1) // past the colon
		ve := rawSkip(v, i)
		out = append(out, rawItem{key, v[i:ve]})
		i = rawSpace(v, ve)
		if i < len(v) && v[i] == ',' {
			i = rawSpace(v, i+1)
		}
	}
	return out
}

// rawElements splits a JSON array into its items.
func rawElements(v []byte) [][]byte {
	var out [][]byte
	i := rawSpace(v, 1)
	for i < len(v) && v[i] != ']' {
		e := rawSkip(v, i)
		out = append(out, v[i:e])
		i = rawSpace(v, e)
		if i < len(v) && v[i] == ',' {
			i = rawSpace(v, i+1)
		}
	}
	return out
}

// rawField returns the value of a JSON object's member, nil if v is not an
// object or has no such member.
func rawField(v []byte, name string) []byte {
	if len(v) == 0 || v[0] != '{' {
		return nil
	}
	i := rawSpace(v, 1)
	for i < len(v) && v[i] == '"' {
		ke := rawSkip(v, i)
		key := v[i+1 : ke-1]
		i = rawSpace(v, rawSpace(v, ke)+1)
		ve := rawSkip(v, i)
		if string(key) == name {
			return v[i:ve]
		}
		i = rawSpace(v, ve)
		if i < len(v) && v[i] == ',' {
			i = rawSpace(v, i+1)
		}
	}
	return nil
}

// rawSpace returns the index of the first non-space byte of v from i.
func rawSpace(v []byte, i int) int {
	for i < len(v) && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r') {
		i++
	}
	return i
}

// rawSkip returns the index just past the JSON value that starts at v[i].
func rawSkip(v []byte, i int) int {
	if i >= len(v) {
		return i
	}
	switch v[i] {
	case '"':
		return rawSkipString(v, i)
	case '{', '[':
		depth := 0
		for ; i < len(v); i++ {
			switch v[i] {
			case '"':
				i = rawSkipString(v, i) - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
		}
		return len(v)
	}
	for ; i < len(v); i++ {
		switch v[i] {
		case ',', ']', '}', ' ', '\t', '\r', '\n':
			return i
		}
	}
	return i
}

// rawSkipString returns the index just past the JSON string that starts at
// v[i]: past the first quote after it that an even run of backslashes, or
// none, precedes.
func rawSkipString(v []byte, i int) int {
	for i++; ; {
		q := bytes.IndexByte(v[i:], '"')
		if q < 0 {
			return len(v)
		}
		i += q
		n := 0
		for n < i && v[i-1-n] == '\\' {
			n++
		}
		i++
		if n%2 == 0 {
			return i
		}
	}
}
