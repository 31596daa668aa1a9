package assessment

import _ "embed"

// DefaultSource is the indicator set planverk ships: six indicators on the
// process and six on the effects, scored from 1 to 6, the process weighing
// most in the programme's first two years and the effects after.
//
//go:embed default.yaml
var DefaultSource []byte

// Default returns the shipped set, parsed.
func Default() *Set {
	s, err := ParseSet(DefaultSource)
	if err != nil {
		// The set is embedded and tested: a broken one is a build defect.
		panic("assessment: the default indicator set: " + err.Error())
	}
	return s
}
