package planfile

import (
	"encoding"
	"errors"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"

	"planverk/plan"
)

var (
	fileType        = reflect.TypeFor[plan.File]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	amountType      = reflect.TypeFor[plan.Amount]()
	shareType       = reflect.TypeFor[plan.Share]()
	dateType        = reflect.TypeFor[plan.Date]()
)

// schemaWalker checks the YAML tree against the Go types before decoding, so
// that every problem of shape is reported at once, with its position and in
// words a plan writer understands, and records where each value stands.
type schemaWalker struct {
	doc *Document
	// kinds are the amounts written with a word before them ("inntil
	// 150 000") where the file can say what kind of amount they are: the
	// walker rewrites them to the plain amount, and Read sets the kind.
	kinds map[string]plan.AmountKind
}

func (s *schemaWalker) add(n ast.Node, path, msg string, args plan.Args) {
	s.doc.positions[path] = nodePos(n)
	rule := "invalid-value"
	if msg == "schema.unknown-field" {
		rule = "unknown-field"
	}
	s.doc.Findings = append(s.doc.Findings, plan.Finding{
		Rule: rule, Severity: plan.SeverityError, Path: path, Message: msg, Args: args})
}

func nodePos(n ast.Node) Pos {
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return Pos{tk.Position.Line, tk.Position.Column}
	}
	return Pos{1, 1}
}

func unwrap(n ast.Node) ast.Node {
	for {
		switch v := n.(type) {
		case *ast.AnchorNode:
			n = v.Value
		case *ast.TagNode:
			n = v.Value
		default:
			return n
		}
	}
}

func join(path, step string) string {
	if path == "" {
		return step
	}
	return path + "." + step
}

func (s *schemaWalker) walk(n ast.Node, t reflect.Type, path string) {
	n = unwrap(n)
	if n == nil {
		return
	}
	s.doc.positions[path] = nodePos(n)
	if _, ok := n.(*ast.NullNode); ok {
		return
	}
	if _, ok := n.(*ast.AliasNode); ok {
		// An alias repeats a value checked where its anchor stands.
		return
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	field := plan.LastField(path)
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		text, ok := scalarText(n)
		if !ok {
			s.add(n, path, "schema.expected", plan.Args{"Field": field, "Expected": expectedOf(t)})
			return
		}
		if t == amountType && qualifiable(path) {
			if a, kind, err := plan.ParseQualifiedAmount(text); err == nil && kind != plan.AmountExact {
				if sn, ok := n.(*ast.StringNode); ok {
					sn.Value = strconv.FormatInt(int64(a), 10)
					// The decoder reads the token as written, quotes and all.
					if tk := sn.Token; tk != nil {
						tk.Origin = strings.Replace(tk.Origin, tk.Value, sn.Value, 1)
						tk.Value = sn.Value
					}
					s.kinds[path] = kind
					return
				}
			}
		}
		v := reflect.New(t).Interface().(encoding.TextUnmarshaler)
		if err := v.UnmarshalText([]byte(text)); err != nil {
			expected := expectedOf(t)
			if errors.Is(err, plan.ErrAmountFraction) {
				expected = "amount-whole"
			}
			s.add(n, path, "schema.expected-value", plan.Args{"Field": field, "Value": text, "Expected": expected})
		}
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		m, ok := n.(ast.MapNode)
		if !ok {
			s.add(n, path, "schema.expected", plan.Args{"Field": field, "Expected": "mapping"})
			return
		}
		fields := yamlFields(t)
		it := m.MapRange()
		for it.Next() {
			key := keyText(it.Key())
			ft, known := fields[key]
			if !known {
				s.doc.positions[join(path, key)] = nodePos(it.Key())
				s.add(it.Key(), join(path, key), "schema.unknown-field",
					plan.Args{"Field": key, "Allowed": sortedKeys(fields)})
				continue
			}
			s.walk(it.Value(), ft, join(path, key))
		}
	case reflect.Slice:
		seq, ok := n.(*ast.SequenceNode)
		if !ok {
			s.add(n, path, "schema.expected", plan.Args{"Field": field, "Expected": "list"})
			return
		}
		for i, v := range seq.Values {
			s.walk(v, t.Elem(), path+"["+strconv.Itoa(i)+"]")
		}
	case reflect.Map:
		m, ok := n.(ast.MapNode)
		if !ok {
			s.add(n, path, "schema.expected", plan.Args{"Field": field, "Expected": "mapping"})
			return
		}
		it := m.MapRange()
		for it.Next() {
			key := keyText(it.Key())
			if t.Key().Kind() == reflect.Int {
				if _, err := strconv.Atoi(key); err != nil {
					s.doc.positions[join(path, key)] = nodePos(it.Key())
					s.add(it.Key(), join(path, key), "schema.expected-key", plan.Args{"Field": field, "Value": key, "Expected": "year"})
					continue
				}
			}
			s.walk(it.Value(), t.Elem(), join(path, key))
		}
	case reflect.String:
		text, ok := scalarText(n)
		if !ok {
			s.add(n, path, "schema.expected", plan.Args{"Field": field, "Expected": "text"})
			return
		}
		// An unquoted 0301 is a YAML number, read as 193: a code with a
		// leading zero must be quoted, or it silently changes.
		if _, isInt := n.(*ast.IntegerNode); isInt && len(text) > 1 && text[0] == '0' {
			s.add(n, path, "schema.quote", plan.Args{"Field": field, "Value": text})
		}
	case reflect.Int, reflect.Int64:
		if _, ok := n.(*ast.IntegerNode); !ok {
			text, _ := scalarText(n)
			s.add(n, path, "schema.expected-value", plan.Args{"Field": field, "Value": text, "Expected": "whole-number"})
		}
	case reflect.Bool:
		if _, ok := n.(*ast.BoolNode); !ok {
			text, _ := scalarText(n)
			s.add(n, path, "schema.expected-value", plan.Args{"Field": field, "Value": text, "Expected": "true-false"})
		}
	}
}

// expectedOf names what a value of type t must look like, as a message key
// suffix in the i18n catalogues.
func expectedOf(t reflect.Type) string {
	switch t {
	case amountType:
		return "amount"
	case shareType:
		return "share"
	case dateType:
		return "date"
	}
	return "text"
}

func keyText(k ast.MapKeyNode) string {
	if tk := k.GetToken(); tk != nil {
		return tk.Value
	}
	return k.String()
}

func scalarText(n ast.Node) (string, bool) {
	switch v := n.(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		return v.Value.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return v.GetToken().Value, true
	}
	return "", false
}

// yamlFields maps each yaml key of a struct to its field's type.
func yamlFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		out[name] = f.Type
	}
	return out
}

func sortedKeys(m map[string]reflect.Type) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
