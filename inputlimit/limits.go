package inputlimit

import "fmt"

// Limits are the bounds a reader applies. A zero field means the default's.
type Limits struct {
	// Bytes is the largest document, in bytes.
	Bytes int
	// Depth is the deepest nesting of lists and mappings (YAML) or arrays
	// and objects (JSON).
	Depth int
	// Aliases is how many YAML aliases (*name) a document may hold.
	Aliases int
	// Nodes is how many values a YAML document may hold once its aliases
	// are expanded: what the decoder will build.
	Nodes int
}

// Default are the limits every reader uses unless it says otherwise. They are
// far above what a plan file or a catalogue needs (the largest seed file is
// 130 KB, nests fewer than 16 levels and has no aliases) and far below what hurts.
var Default = Limits{Bytes: 8 << 20, Depth: 64, Aliases: 100, Nodes: 1_000_000}

func (l Limits) orDefault() Limits {
	if l.Bytes <= 0 {
		l.Bytes = Default.Bytes
	}
	if l.Depth <= 0 {
		l.Depth = Default.Depth
	}
	if l.Aliases <= 0 {
		l.Aliases = Default.Aliases
	}
	if l.Nodes <= 0 {
		l.Nodes = Default.Nodes
	}
	return l
}

// The limits an Error can name.
const (
	LimitBytes   = "bytes"
	LimitDepth   = "depth"
	LimitAliases = "aliases"
	LimitNodes   = "nodes"
)

// Error is a document refused for passing a limit. Line and Col are where it
// passed it, counted from 1; both are 0 for the size.
type Error struct {
	Limit     string
	Max       int
	Line, Col int
}

func (e *Error) Error() string {
	var msg string
	switch e.Limit {
	case LimitBytes:
		msg = "the document is larger than the limit of " + e.MaxText()
	case LimitDepth:
		msg = fmt.Sprintf("the document nests deeper than the limit of %d levels", e.Max)
	case LimitAliases:
		msg = fmt.Sprintf("the document holds more than the limit of %d aliases", e.Max)
	case LimitNodes:
		msg = fmt.Sprintf("the document's aliases expand to more than the limit of %d values", e.Max)
	default:
		msg = fmt.Sprintf("the document passes the limit %s of %d", e.Limit, e.Max)
	}
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, msg)
	}
	return msg
}

// Size refuses a document larger than l.Bytes.
func Size(n int, l Limits) error {
	l = l.orDefault()
	if n > l.Bytes {
		return &Error{Limit: LimitBytes, Max: l.Bytes}
	}
	return nil
}

// MaxText is the limit as a person reads it: "8 MiB" for a size, else the
// number.
func (e *Error) MaxText() string {
	if e.Limit == LimitBytes {
		switch {
		case e.Max >= 1<<20 && e.Max%(1<<20) == 0:
			return fmt.Sprintf("%d MiB", e.Max>>20)
		case e.Max >= 1<<10 && e.Max%(1<<10) == 0:
			return fmt.Sprintf("%d KiB", e.Max>>10)
		}
		return fmt.Sprintf("%d bytes", e.Max)
	}
	return fmt.Sprint(e.Max)
}
