package evaluation

import (
	_ "embed"
)

// DefaultSource is the template planverk ships: a general structure for
// the final evaluation of a regional-development programme, used until a
// system administrator uploads a funder's own.
//
//go:embed default.yaml
var DefaultSource []byte

// Default returns the shipped template, parsed.
func Default() *Template {
	t, err := ParseTemplate(DefaultSource)
	if err != nil {
		// The template is embedded and tested: a broken one is a build defect.
		panic("evaluation: the default template: " + err.Error())
	}
	return t
}
