package scheme

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"

	"planverk/plan"
)

// continuous is how a catalogue writes "apply at any time".
const continuous = "continuous"

// Deadline is when applications are due: at any time (Continuous), or by one
// or more dates, each with an optional note ("first round", "for autumn
// planting"). The zero Deadline means the catalogue does not say.
//
// In a catalogue file it is either the word continuous or a list:
//
//	deadline: continuous
//	deadline: [{date: 2026-03-15, note: {nb: "Første runde"}}]
type Deadline struct {
	Continuous bool
	Dates      []DeadlineDate
}

// DeadlineDate is one date applications are due by.
type DeadlineDate struct {
	Date plan.Date `yaml:"date" json:"date"`
	Note Text      `yaml:"note,omitempty" json:"note,omitempty"`
}

// IsZero reports whether the deadline is not given; the YAML encoder then
// leaves it out.
func (d Deadline) IsZero() bool { return !d.Continuous && len(d.Dates) == 0 }

// UnmarshalYAML reads either form. It takes the node rather than the bytes so
// that the dates are decoded strictly and their errors keep the file's line
// numbers.
func (d *Deadline) UnmarshalYAML(node ast.Node) error {
	switch n := node.(type) {
	case *ast.NullNode:
		*d = Deadline{}
		return nil
	case *ast.StringNode:
		if n.Value == continuous {
			*d = Deadline{Continuous: true}
			return nil
		}
	case *ast.SequenceNode:
		var dates []DeadlineDate
		if err := yaml.NodeToValue(n, &dates, yaml.Strict()); err != nil {
			return err
		}
		*d = Deadline{Dates: dates}
		return nil
	}
	value := strings.ToLower(node.Type().String())
	what := "a " + value
	if strings.ContainsRune("aeiou", rune(value[0])) {
		what = "an " + value
	}
	if n, ok := node.(*ast.StringNode); ok {
		value, what = n.Value, strconv.Quote(n.Value)
	}
	return &positionError{
		pos:   node.GetToken().Position,
		msg:   fmt.Sprintf("deadline is %s: write continuous, or a list of dates such as [{date: 2026-03-15}]", what),
		value: value,
	}
}

// MarshalYAML writes the deadline in the form UnmarshalYAML reads.
func (d Deadline) MarshalYAML() (any, error) {
	if d.Continuous {
		return continuous, nil
	}
	return d.Dates, nil
}

// MarshalJSON writes the deadline as "continuous", a list of dates, or null.
func (d Deadline) MarshalJSON() ([]byte, error) {
	switch {
	case d.Continuous:
		return json.Marshal(continuous)
	case len(d.Dates) == 0:
		return []byte("null"), nil
	}
	return json.Marshal(d.Dates)
}

// UnmarshalJSON reads what MarshalJSON writes.
func (d *Deadline) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		*d = Deadline{}
		return nil
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		if s != continuous {
			return fmt.Errorf("deadline %q: write \"continuous\" or a list of dates", s)
		}
		*d = Deadline{Continuous: true}
		return nil
	}
	var dates []DeadlineDate
	if err := json.Unmarshal(b, &dates); err != nil {
		return fmt.Errorf("deadline: %w", err)
	}
	*d = Deadline{Dates: dates}
	return nil
}
