// Package planfile reads and writes plan files: YAML documents holding one
// plan, its programme and the organisations they name. Reading is strict:
// every key must be known, every value of the right kind, and every problem is
// reported with the line and column of the value it is about.
package planfile

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"planverk/inputlimit"
	"planverk/plan"
)

// Pos is a line and column in a plan file, both counted from 1.
type Pos struct {
	Line int `json:"line"`
	Col  int `json:"column"`
}

// Document is a plan file as read: the plan, where each value stands in the
// text, and what the reading itself found wrong.
type Document struct {
	Name string
	// File is nil when the file's shape is so wrong that it could not be
	// decoded; Findings then say why.
	File *plan.File
	// Findings are the problems of shape found while reading: unknown keys,
	// values of the wrong kind. The rules' findings come from plan.Check.
	Findings  []plan.Finding
	positions map[string]Pos
}

// SyntaxError is a file that is not YAML at all. It is the one reading error
// that is not a finding: nothing in such a file can be trusted.
type SyntaxError struct {
	Name    string
	Pos     Pos
	Message string
	// Limit is set when the file was refused for passing one of the
	// limits on size, depth or aliases, before it was parsed.
	Limit *inputlimit.Error
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.Name, e.Pos.Line, e.Pos.Col, e.Message)
}

// Limits bound what Read takes; a plan file passing one is a *SyntaxError.
var Limits = inputlimit.Default

// Read reads a plan file. It returns a *SyntaxError where data is not YAML;
// everything else wrong with the file is in the Document's Findings.
func Read(name string, data []byte) (*Document, error) {
	var le *inputlimit.Error
	if errors.As(inputlimit.YAML(data, Limits), &le) {
		return nil, &SyntaxError{Name: name, Pos: Pos{max(le.Line, 1), max(le.Col, 1)}, Message: le.Error(), Limit: le}
	}
	file, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, syntaxError(name, err)
	}
	doc := &Document{Name: name, positions: map[string]Pos{}}
	var body ast.Node
	if len(file.Docs) > 0 {
		body = file.Docs[0].Body
	}
	if len(file.Docs) > 1 {
		return nil, &SyntaxError{Name: name, Pos: Pos{1, 1}, Message: "a plan file holds one YAML document, not several"}
	}
	if body == nil {
		return nil, &SyntaxError{Name: name, Pos: Pos{1, 1}, Message: "the file is empty"}
	}
	s := &schemaWalker{doc: doc, kinds: map[string]plan.AmountKind{}}
	s.walk(body, fileType, "")
	if plan.HasErrors(doc.Findings) {
		return doc, nil
	}
	var f plan.File
	// Decoded from the tree, not the text: the walker rewrote amounts
	// written with words before them.
	if err := strictNodeToValue(body, &f); err != nil {
		// The walker should have caught everything the decoder rejects;
		// whatever slips through is still reported as a finding, not a crash.
		doc.Findings = append(doc.Findings, decodeFinding(doc, err))
		return doc, nil
	}
	doc.File = &f
	doc.applyKinds(s.kinds)
	return doc, nil
}

// Pos returns where the value at path stands, or where its nearest enclosing
// value stands when the path names something the file leaves out.
func (d *Document) Pos(path string) Pos {
	for p := path; ; p = parentPath(p) {
		if pos, ok := d.positions[p]; ok {
			return pos
		}
		if p == "" {
			return Pos{1, 1}
		}
	}
}

// Paths returns every path the file holds a value at.
func (d *Document) Paths() []string {
	out := make([]string, 0, len(d.positions))
	for p := range d.positions {
		out = append(out, p)
	}
	return out
}

// parentPath drops the last step of a path: "a.b[2]" → "a.b", "a.b" → "a".
func parentPath(p string) string {
	if i := strings.LastIndexAny(p, ".["); i >= 0 {
		return p[:i]
	}
	return ""
}

func syntaxError(name string, err error) *SyntaxError {
	e := &SyntaxError{Name: name, Pos: Pos{1, 1}, Message: err.Error()}
	if ye, ok := err.(yaml.Error); ok {
		e.Message = ye.GetMessage()
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			e.Pos = Pos{tk.Position.Line, tk.Position.Column}
		}
	}
	return e
}

func decodeFinding(d *Document, err error) plan.Finding {
	f := plan.Finding{Rule: "invalid-value", Severity: plan.SeverityError,
		Message: "schema.decode", Args: plan.Args{"Detail": err.Error()}}
	if ye, ok := err.(yaml.Error); ok {
		f.Args["Detail"] = ye.GetMessage()
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			// Record the position under a path of its own so that output can
			// point at it like at any other finding.
			p := fmt.Sprintf("#decode@%d:%d", tk.Position.Line, tk.Position.Column)
			d.positions[p] = Pos{tk.Position.Line, tk.Position.Column}
			f.Path = p
		}
	}
	return f
}

// Marshal writes a plan file. The output reads back to an equal File.
func Marshal(f *plan.File) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("# planverk plan file: see docs/plan-file.md\n")
	out, err := yaml.MarshalWithOptions(f,
		yaml.Indent(2),
		yaml.IndentSequence(true),
		yaml.UseLiteralStyleIfMultiline(true),
	)
	if err != nil {
		return nil, fmt.Errorf("write plan file: %w", err)
	}
	buf.Write(out)
	return buf.Bytes(), nil
}

// strictNodeToValue is yaml's strict decoding, with a panic of the decoder
// (goccy/go-yaml dereferences nil on a tagged scalar where a list belongs,
// found by the fuzzer) turned into an error about the document.
func strictNodeToValue(n ast.Node, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the document cannot be decoded (%v); is a value tagged with ! where a list or mapping belongs?", r)
		}
	}()
	return yaml.NodeToValue(n, v, yaml.Strict())
}
