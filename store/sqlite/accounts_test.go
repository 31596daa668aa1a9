package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"planverk/store"
	"planverk/store/storetest"
)

// TestAccounts runs the accounts suite on SQLite.
func TestAccounts(t *testing.T) {
	storetest.RunAccounts(t, func(t *testing.T) storetest.Opener {
		path := filepath.Join(t.TempDir(), "planverk.db")
		return func(ctx context.Context) (store.Store, error) { return Open(ctx, path) }
	})
}
