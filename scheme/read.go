package scheme

import (
	"errors"
	"fmt"

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
	Message   string
	// Err is the decoder's own error; yaml.FormatError(Err, false, true)
	// shows the lines around the problem.
	Err error
}

func (e *ReadError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.Name, e.Message)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Name, e.Line, e.Col, e.Message)
}

func (e *ReadError) Unwrap() error { return e.Err }

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
	err := yaml.UnmarshalWithOptions(b, v, yaml.Strict())
	if err == nil {
		return nil
	}
	re := &ReadError{Name: name, Message: err.Error(), Err: err}
	var ye yaml.Error
	var pe *positionError
	switch {
	case errors.As(err, &ye):
		re.Message = ye.GetMessage()
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			re.Line, re.Col = tk.Position.Line, tk.Position.Column
		}
	case errors.As(err, &pe):
		re.Message = pe.msg
		if pe.pos != nil {
			re.Line, re.Col = pe.pos.Line, pe.pos.Column
		}
	default:
		// plan.Date's own errors come through the decoder without a
		// position; find the date they are about.
		if pos := badDate(b); pos != nil {
			re.Line, re.Col = pos.Line, pos.Column
		}
	}
	return re
}

// badDate returns where the first date that plan.ParseDate rejects stands in
// a catalogue file, or nil. Dates are the values of the keys checked and date.
func badDate(b []byte) *token.Position {
	f, err := parser.ParseBytes(b, 0)
	if err != nil {
		return nil
	}
	v := &dateFinder{}
	for _, doc := range f.Docs {
		if doc.Body != nil && v.pos == nil {
			ast.Walk(v, doc.Body)
		}
	}
	return v.pos
}

type dateFinder struct{ pos *token.Position }

func (v *dateFinder) Visit(n ast.Node) ast.Visitor {
	if v.pos != nil {
		return nil
	}
	mv, ok := n.(*ast.MappingValueNode)
	if !ok {
		return v
	}
	if k := mv.Key.String(); k != "checked" && k != "date" {
		return v
	}
	if tk := mv.Value.GetToken(); tk != nil {
		if _, err := plan.ParseDate(tk.Value); err != nil {
			v.pos = tk.Position
			return nil
		}
	}
	return v
}

// positionError is an error of this package's own decoding (a deadline
// written neither way) that knows where in the file it is.
type positionError struct {
	pos *token.Position
	msg string
}

func (e *positionError) Error() string {
	if e.pos == nil {
		return e.msg
	}
	return fmt.Sprintf("[%d:%d] %s", e.pos.Line, e.pos.Column, e.msg)
}
