package postgres

import (
	"context"
	"testing"

	"planverk/store"
	"planverk/store/storetest"
)

// TestAccounts runs the accounts suite on PostgreSQL.
func TestAccounts(t *testing.T) {
	testURL(t)
	storetest.RunAccounts(t, func(t *testing.T) storetest.Opener {
		dsn := newDatabase(t)
		return func(ctx context.Context) (store.Store, error) { return Open(ctx, dsn) }
	})
}
