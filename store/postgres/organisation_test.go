package postgres

import (
	"context"
	"testing"

	"planverk/store"
	"planverk/store/storetest"
)

// TestOrganisations runs the organisation suite on PostgreSQL.
func TestOrganisations(t *testing.T) {
	testURL(t)
	storetest.RunOrganisations(t, func(t *testing.T) storetest.Opener {
		dsn := newDatabase(t)
		return func(ctx context.Context) (store.Store, error) { return Open(ctx, dsn) }
	})
}
