package examples

import (
	"context"
	"fmt"

	"planverk/scheme"
	"planverk/store"
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

// InstallCatalogue stores the seed catalogue and glossary, as a first start
// does when the database has no catalogue yet.
func InstallCatalogue(ctx context.Context, st store.Store) (int, error) {
	schemes, terms, err := Catalogue()
	if err != nil {
		return 0, err
	}
	for _, s := range schemes {
		if _, err := st.EditScheme(ctx, s.ID, store.Edit{}, func(sc *scheme.Scheme, _ bool) error {
			*sc = s
			return nil
		}); err != nil {
			return 0, fmt.Errorf("store example scheme %s: %w", s.ID, err)
		}
	}
	if _, err := st.EditGlossary(ctx, store.Edit{}, func(g *[]scheme.Term) error {
		*g = terms
		return nil
	}); err != nil {
		return 0, fmt.Errorf("store example glossary: %w", err)
	}
	return len(schemes), nil
}
