package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"planverk/store"
)

// catalogueChannel is the channel migration 00028's triggers notify on.
const catalogueChannel = "planverk_catalogue"

// WatchCatalogue listens on its own connection, outside the pool, for the
// notices the catalogue's triggers send on commit (see store.CatalogueWatcher).
// A lost connection is taken up again after a pause that grows to a
// minute; changed is called once it is, for what it may have missed.
func (s *Store) WatchCatalogue(ctx context.Context, n store.CatalogueNotices) error {
	pause := 100 * time.Millisecond
	for first := true; ; first = false {
		err := s.listen(ctx, func() {
			pause = 100 * time.Millisecond
			if !first {
				n.Changed()
			}
			n.Ready()
		}, n.Changed)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		n.Lost(fmt.Errorf("postgres: watching the catalogue: %w", err))
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(pause):
		}
		pause = min(2*pause, time.Minute)
	}
}

// listen holds one connection listening on the channel until it fails or
// ctx ends.
func (s *Store) listen(ctx context.Context, ready, changed func()) error {
	conn, err := pgx.Connect(ctx, s.dsn)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, "LISTEN "+catalogueChannel); err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	ready()
	for {
		if _, err := conn.WaitForNotification(ctx); err != nil {
			if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
				return ctx.Err()
			}
			return fmt.Errorf("wait: %w", err)
		}
		changed()
	}
}
