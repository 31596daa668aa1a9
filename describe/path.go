package describe

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strings"
	"sync"

	"planverk/plan"
)

// A path is written as plan.Diff and the rules write it: field names joined
// by dots, list items and map entries in brackets by their key
// (plan.goals[2].measures[3].title, amounts[2026]), or, in a finding, list
// items by their position and map entries as fields
// (plan.budgets[0].lines[1].amounts.2026).

// token is one segment of a path: a field name, or a key in brackets.
type token struct {
	text  string
	isKey bool
}

// parse splits a path into its segments.
func parse(path string) []token {
	var out []token
	for i := 0; i < len(path); {
		switch path[i] {
		case '.':
			i++
		case '[':
			end := strings.IndexByte(path[i:], ']')
			if end < 0 {
				out = append(out, token{text: path[i+1:], isKey: true})
				return out
			}
			out = append(out, token{text: path[i+1 : i+end], isKey: true})
			i += end + 1
		default:
			end := strings.IndexAny(path[i:], ".[")
			if end < 0 {
				end = len(path) - i
			}
			out = append(out, token{text: path[i : i+end]})
			i += end
		}
	}
	return out
}

// step is a field of a path, with the item or entry of it the path goes
// on to where it names one.
type step struct {
	field string
	// owner is the struct type that has the field; nil where it is not
	// known (a path from an older or newer shape of the types).
	owner reflect.Type
	// ftype is the field's type, fnode its value in the book.
	ftype reflect.Type
	fnode any
	// keyed is set where the path names an item or entry of the field.
	keyed bool
	key   string
	// typ and node are what the step ends at: the field, or its item.
	typ  reflect.Type
	node any
	// order marks a change to the order of a list's items.
	order bool
}

// isMap reports whether the step's field is a map, whose entries are named
// by their keys rather than items by their identity.
func (s step) isMap() bool {
	if s.ftype != nil {
		return s.ftype.Kind() == reflect.Map
	}
	_, ok := s.fnode.(map[string]any)
	return ok
}

var fileType = reflect.TypeFor[plan.File]()

// walk follows a path through the plan types and the book's plan. byIndex
// reads list keys as positions, as findings write them.
func (b *Book) walk(path string, byIndex bool) []step {
	var steps []step
	typ, node := fileType, b.root
	prefix := ""
	for _, tk := range parse(path) {
		if n := len(steps); n > 0 && !tk.isKey && tk.text == "order" && !steps[n-1].keyed && isList(steps[n-1].ftype, steps[n-1].fnode) {
			steps[n-1].order = true
			continue
		}
		// A finding writes a map's entry as a field: amounts.2026.
		if n := len(steps); n > 0 && !tk.isKey && !steps[n-1].keyed && steps[n-1].isMap() {
			tk.isKey = true
		}
		if tk.isKey {
			n := len(steps)
			if n == 0 || steps[n-1].keyed {
				// A key with no field before it: an item of an item.
				steps = append(steps, step{ftype: typ, fnode: node, typ: typ, node: node})
				n++
			}
			s := &steps[n-1]
			prefix += "[" + tk.text + "]"
			s.keyed, s.key = true, tk.text
			s.typ = elem(s.ftype)
			s.node = item(s.fnode, tk.text, byIndex && !s.isMap())
			if s.node == nil && !byIndex {
				s.node = b.learnt[prefix]
			}
			typ, node = s.typ, s.node
			continue
		}
		if prefix != "" {
			prefix += "."
		}
		prefix += tk.text
		s := step{field: tk.text, owner: structType(typ)}
		s.ftype = fieldType(s.owner, tk.text)
		s.fnode = member(node, tk.text)
		if s.fnode == nil && !byIndex {
			s.fnode = b.learnt[prefix]
		}
		s.typ, s.node = s.ftype, s.fnode
		steps = append(steps, s)
		typ, node = s.typ, s.node
	}
	return steps
}

func isList(t reflect.Type, node any) bool {
	if t = deref(t); t != nil {
		return t.Kind() == reflect.Slice || t.Kind() == reflect.Array
	}
	_, ok := node.([]any)
	return ok
}

func deref(t reflect.Type) reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

var (
	jsonMarshaler = reflect.TypeFor[json.Marshaler]()
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
)

// custom reports whether a type writes its own JSON: a value, not an
// object or list of the type's fields.
func custom(t reflect.Type) bool {
	p := reflect.PointerTo(t)
	return t.Implements(jsonMarshaler) || t.Implements(textMarshaler) ||
		p.Implements(jsonMarshaler) || p.Implements(textMarshaler)
}

// structType returns t as a struct type whose fields are JSON members; nil
// for anything else.
func structType(t reflect.Type) reflect.Type {
	if t = deref(t); t != nil && t.Kind() == reflect.Struct && !custom(t) {
		return t
	}
	return nil
}

// elem returns the type of a list's items or a map's values.
func elem(t reflect.Type) reflect.Type {
	if t = deref(t); t != nil && !custom(t) && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map) {
		return t.Elem()
	}
	return nil
}

var fieldCache sync.Map // reflect.Type → map[string]reflect.Type

// fieldType returns the type of the struct field with the JSON name; nil
// where the struct is not known or has no such field.
func fieldType(st reflect.Type, name string) reflect.Type {
	if st == nil {
		return nil
	}
	return jsonFields(st)[name]
}

// jsonFields maps a struct's JSON member names to its fields' types, as
// encoding/json names them.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	if m, ok := fieldCache.Load(t); ok {
		return m.(map[string]reflect.Type)
	}
	m := map[string]reflect.Type{}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if ft := deref(f.Type); f.Anonymous && name == "" && ft.Kind() == reflect.Struct {
			for k, v := range jsonFields(ft) {
				if _, ok := m[k]; !ok {
					m[k] = v
				}
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
	fieldCache.Store(t, m)
	return m
}

// fieldOrder lists a struct's JSON member names in the order of its fields.
func fieldOrder(t reflect.Type) []string {
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out = append(out, name)
	}
	return out
}

// typeKey names a struct type in the catalogues' keys: TimeFrame is
// "time-frame", SDG "sdg".
func typeKey(t reflect.Type) string {
	if t = deref(t); t == nil {
		return ""
	}
	var b strings.Builder
	prevLower := false
	for _, r := range t.Name() {
		upper := r >= 'A' && r <= 'Z'
		if upper {
			if prevLower {
				b.WriteByte('-')
			}
			r += 'a' - 'A'
		}
		prevLower = !upper
		b.WriteRune(r)
	}
	return b.String()
}
