package capacity

import _ "embed"

// DefaultSource is the indicator set planverk ships: culture and
// resources, four indicators each, scored from 1 to 6.
//
//go:embed default.yaml
var DefaultSource []byte

// Default returns the shipped set, parsed.
func Default() *Set {
	s, err := ParseSet(DefaultSource)
	if err != nil {
		// The set is embedded and tested: a broken one is a build defect.
		panic("capacity: the default indicator set: " + err.Error())
	}
	return s
}
