package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"planverk/store"
	"planverk/store/storetest"
)

// TestOrganisations runs the organisation suite on SQLite.
func TestOrganisations(t *testing.T) {
	storetest.RunOrganisations(t, func(t *testing.T) storetest.Opener {
		path := filepath.Join(t.TempDir(), "planverk.db")
		return func(ctx context.Context) (store.Store, error) { return Open(ctx, path) }
	})
}
