package inputlimit

import (
	"io"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/scanner"
	"github.com/goccy/go-yaml/token"
)

// YAML checks a YAML document against l before it is parsed or decoded.
// Depth and the number of aliases are counted on the scanner's tokens, which
// it gives a piece at a time, so a file nested a hundred thousand deep is
// refused after its first few dozen levels. Only a document that passes is
// parsed, to count what its aliases expand to.
//
// A document the scanner or parser cannot read passes: the reader's own
// parse then reports the syntax error with its words and position.
func YAML(data []byte, l Limits) error {
	l = l.orDefault()
	if err := Size(len(data), l); err != nil {
		return err
	}
	// A hostile file shows its depth in its first lines; a prefix is
	// scanned first so that refusing it costs microseconds, not a scan of
	// a line that is the whole file. The tokens of a prefix are those of
	// the file up to where it is cut.
	for _, n := range []int{4 << 10, 64 << 10} {
		if n < len(data) {
			if _, err := yamlTokens(string(data[:n]), l); err != nil {
				return err
			}
		}
	}
	aliases, err := yamlTokens(string(data), l)
	if err != nil {
		return err
	}
	if aliases == 0 {
		return nil
	}
	file, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil
	}
	c := &nodeCounter{anchors: map[string]int{}, max: l.Nodes}
	for _, doc := range file.Docs {
		if doc.Body != nil {
			ast.Walk(c, doc.Body)
		}
		if c.over != nil {
			return &Error{Limit: LimitNodes, Max: l.Nodes, Line: c.over.Line, Col: c.over.Column}
		}
	}
	return nil
}

// yamlTokens scans the document's tokens, counting how deep the flow
// collections ([ ], { }) and the block ones (an entry "- ", a key "k:")
// nest, and how many aliases there are. A block collection is open while
// later entries stand to the right of it; its depth is the number of such
// columns open at once.
func yamlTokens(src string, l Limits) (aliases int, err error) {
	var s scanner.Scanner
	s.Init(src)
	flow := 0
	var block []int // the columns of the block collections open
	var prev *token.Token
	for {
		tokens, serr := s.Scan()
		for _, tk := range tokens {
			pos, before := tk.Position, prev
			prev = tk
			switch tk.Type {
			case token.SequenceStartType, token.MappingStartType:
				flow++
			case token.SequenceEndType, token.MappingEndType:
				if flow > 0 {
					flow--
				}
			case token.AliasType:
				aliases++
				if aliases > l.Aliases {
					return aliases, &Error{Limit: LimitAliases, Max: l.Aliases, Line: pos.Line, Col: pos.Column}
				}
				continue
			case token.SequenceEntryType, token.MappingKeyType:
				if flow == 0 {
					block = openBlock(block, pos.Column)
				}
			case token.MappingValueType:
				// The key before the colon is where the mapping stands.
				if flow == 0 && before != nil && before.Position != nil {
					block = openBlock(block, before.Position.Column)
				}
			case token.DocumentHeaderType, token.DocumentEndType:
				flow, block = 0, block[:0]
			default:
				continue
			}
			if flow+len(block) > l.Depth {
				return aliases, &Error{Limit: LimitDepth, Max: l.Depth, Line: pos.Line, Col: pos.Column}
			}
		}
		if serr == io.EOF || serr != nil || len(tokens) == 0 {
			return aliases, nil
		}
	}
}

// openBlock closes the block collections that stand to the right of col
// and opens one at col unless one is open there already.
func openBlock(open []int, col int) []int {
	for len(open) > 0 && open[len(open)-1] > col {
		open = open[:len(open)-1]
	}
	if len(open) == 0 || open[len(open)-1] < col {
		open = append(open, col)
	}
	return open
}

// nodeCounter counts the values a document stands for with each alias
// replaced by the value it names, without expanding anything: an anchor's
// count is kept, and an alias adds it. Ten anchors of ten aliases each
// ("a billion laughs") thus count to 10¹⁰ in a hundred steps.
type nodeCounter struct {
	anchors map[string]int
	n, max  int
	over    *token.Position
}

func (c *nodeCounter) Visit(n ast.Node) ast.Visitor {
	if c.over != nil {
		return nil
	}
	switch n := n.(type) {
	case *ast.AnchorNode:
		sub := &nodeCounter{anchors: c.anchors, max: c.max}
		if n.Value != nil {
			ast.Walk(sub, n.Value)
		}
		if n.Name != nil {
			c.anchors[n.Name.String()] = sub.n
		}
		c.add(sub.n, n)
		if sub.over != nil {
			c.over = sub.over
		}
		return nil
	case *ast.AliasNode:
		if n.Value != nil {
			c.add(c.anchors[n.Value.String()], n)
		}
		return nil
	}
	c.add(1, n)
	return c
}

func (c *nodeCounter) add(k int, n ast.Node) {
	c.n += k
	if c.n > c.max && c.over == nil {
		c.over = &token.Position{Line: 1, Column: 1}
		if tk := n.GetToken(); tk != nil && tk.Position != nil {
			c.over = tk.Position
		}
	}
}
