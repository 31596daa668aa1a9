package examples

import (
	"fmt"

	"planverk/scheme"
)

// Catalogue reads the support-scheme catalogue and the glossary that a
// first start loads: real schemes, each checked against its provider's
// page on the date it gives. They are checked by this package's tests, so
// an error here is a build defect.
func Catalogue() ([]scheme.Scheme, []scheme.Term, error) {
	b, err := files.ReadFile("schemes.yaml")
	if err != nil {
		return nil, nil, err
	}
	schemes, err := scheme.ReadSchemes("schemes.yaml", b)
	if err != nil {
		return nil, nil, fmt.Errorf("example catalogue: %w", err)
	}
	b, err = files.ReadFile("glossary.yaml")
	if err != nil {
		return nil, nil, err
	}
	terms, err := scheme.ReadGlossary("glossary.yaml", b)
	if err != nil {
		return nil, nil, fmt.Errorf("example glossary: %w", err)
	}
	return schemes, terms, nil
}
