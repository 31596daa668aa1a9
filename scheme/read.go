package scheme

import (
	"errors"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"planverk/plan"
)

// ReadError is a catalogue file that could not be decoded: not YAML, a key
// the format does not have, a value of the wrong kind. Line and Col are where
// the YAML library places the problem, counted from 1; both are 0 when it
// does not say.
type ReadError struct {
	Name      string
	Line, Col int
	// Column is the heading of the CSV column the problem is in, and Cell
	// the column's number in the row, from 1; "" and 0 for a problem of a
	// whole line or file, and in JSON and YAML.
	Column string
	Cell   int
	// Row is the CSV record's number, the heading's 1. It is not Line
	// where a cell before it holds line breaks, and a spreadsheet shows it.
	Row     int
	Message string
	// Code and Args say the problem for translation; ProblemArgs lists them.
	Code string
	Args map[string]string
	// Err is the decoder's own error; yaml.FormatError(Err, false, true)
	// shows the lines around the problem.
	Err error
}

func (e *ReadError) Error() string {
	msg := e.Message
	if e.Column != "" {
		msg = e.Column + ": " + msg
	}
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.Name, msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Name, e.Line, e.Col, msg)
}

func (e *ReadError) Unwrap() error { return e.Err }

// readError makes a ReadError of a code (ProblemArgs) whose English message
// is format written with args.
func readError(name string, line, col int, code, format string, args ...any) *ReadError {
	return &ReadError{Name: name, Line: line, Col: col, Code: code, Args: codedArgs(code, args),
		Message: fmt.Sprintf(format, args...)}
}

// ReadErrors are every problem found in one file, in the file's order. As
// an error it unwraps to each, so errors.As finds the first *ReadError.
type ReadErrors []*ReadError

func (es ReadErrors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

func (es ReadErrors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// ReadSchemes reads a catalogue of schemes: a YAML list of schemes in the
// format of examples/schemes.yaml. Reading is strict: a key the format does
// not know is an error, so that a misspelt "critera" is not silently dropped.
// It checks only the shape; Validate and ValidateCatalogue check the content.
func ReadSchemes(name string, b []byte) ([]Scheme, error) {
	var schemes []Scheme
	if err := decode(name, b, &schemes); err != nil {
		return nil, err
	}
	return schemes, nil
}

// ReadGlossary reads a glossary: a YAML list of terms in the format of
// examples/glossary.yaml, as strictly as ReadSchemes.
func ReadGlossary(name string, b []byte) ([]Term, error) {
	var terms []Term
	if err := decode(name, b, &terms); err != nil {
		return nil, err
	}
	return terms, nil
}

func decode(name string, b []byte, v any) error {
	if re := checkLimits(name, FormatYAML, b); re != nil {
		return re
	}
	err := strictUnmarshal(b, v)
	if err == nil {
		return nil
	}
	re := &ReadError{Name: name, Message: err.Error(), Code: "decode", Args: codedArgs("decode", []any{err.Error()}), Err: err}
	var ye yaml.Error
	var pe *positionError
	var ue *yaml.UnknownFieldError
	switch {
	case errors.As(err, &ye):
		re.Message = ye.GetMessage()
		re.Args = codedArgs("decode", []any{re.Message})
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			re.Line, re.Col = tk.Position.Line, tk.Position.Column
		}
		if errors.As(err, &ue) && ue.Token != nil {
			re.Code, re.Args = "unknown-field", codedArgs("unknown-field", []any{ue.Token.Value})
		}
	case errors.As(err, &pe):
		re.Message, re.Code, re.Args = pe.msg, "deadline", codedArgs("deadline", []any{pe.value})
		if pe.pos != nil {
			re.Line, re.Col = pe.pos.Line, pe.pos.Column
		}
	default:
		// plan.Date's own errors come through the decoder without a
		// position; find the date they are about.
		if tk := badDate(b); tk != nil {
			re.Line, re.Col = tk.Position.Line, tk.Position.Column
			re.Code, re.Args = "date", codedArgs("date", []any{tk.Value})
		}
	}
	return re
}

// badDate returns the first date that plan.ParseDate rejects in a catalogue
// file, or nil. Dates are the values of the keys checked and date.
func badDate(b []byte) *token.Token {
	f, err := parser.ParseBytes(b, 0)
	if err != nil {
		return nil
	}
	v := &dateFinder{}
	for _, doc := range f.Docs {
		if doc.Body != nil && v.tk == nil {
			ast.Walk(v, doc.Body)
		}
	}
	return v.tk
}

type dateFinder struct{ tk *token.Token }

func (v *dateFinder) Visit(n ast.Node) ast.Visitor {
	if v.tk != nil {
		return nil
	}
	mv, ok := n.(*ast.MappingValueNode)
	if !ok {
		return v
	}
	if k := mv.Key.String(); k != "checked" && k != "date" {
		return v
	}
	if tk := mv.Value.GetToken(); tk != nil && tk.Position != nil {
		if _, err := plan.ParseDate(tk.Value); err != nil {
			v.tk = tk
			return nil
		}
	}
	return v
}

// positionError is an error of this package's own decoding (a deadline
// written neither way) that knows where in the file it is, and what was
// written there instead.
type positionError struct {
	pos   *token.Position
	msg   string
	value string
}

func (e *positionError) Error() string {
	if e.pos == nil {
		return e.msg
	}
	return fmt.Sprintf("[%d:%d] %s", e.pos.Line, e.pos.Column, e.msg)
}

// strictUnmarshal is yaml's strict decoding, with a panic of the decoder
// (goccy/go-yaml dereferences nil on a tagged scalar where a list belongs,
// found by the fuzzer) turned into an error about the document.
func strictUnmarshal(b []byte, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the document cannot be decoded (%v); is a value tagged with ! where a list or mapping belongs?", r)
		}
	}()
	return yaml.UnmarshalWithOptions(b, v, yaml.Strict())
}
