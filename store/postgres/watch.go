package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"planverk/store"
)

// channels are the channels migration 00028's triggers notify on, by topic.
var channels = map[string]store.Topic{
	"planverk_catalogue": store.TopicCatalogue,
	"planverk_releases":  store.TopicReleases,
}

// WatchChanges listens on a connection of its own, outside the pool, for
// the notices the triggers send on commit (see store.ChangeWatcher). A lost
// connection is taken up again after a pause that grows to a minute; every
// topic is then told as changed, for what the watch may have missed.
func (s *Store) WatchChanges(ctx context.Context, n store.ChangeNotices) error {
	pause := 100 * time.Millisecond
	for first := true; ; first = false {
		err := s.listen(ctx, func() {
			pause = 100 * time.Millisecond
			if !first {
				for _, t := range store.Topics {
					n.Changed(t)
				}
			}
			n.Ready()
		}, n.Changed)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		n.Lost(fmt.Errorf("postgres: watching for changes: %w", err))
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(pause):
		}
		pause = min(2*pause, time.Minute)
	}
}

// listen holds one connection listening on the channels until it fails or
// ctx ends.
func (s *Store) listen(ctx context.Context, ready func(), changed func(store.Topic)) error {
	conn, err := pgx.Connect(ctx, s.dsn)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	for ch := range channels {
		if _, err := conn.Exec(ctx, "LISTEN "+ch); err != nil {
			return fmt.Errorf("listen on %s: %w", ch, err)
		}
	}
	ready()
	for {
		note, err := conn.WaitForNotification(ctx)
		if err != nil {
			if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
				return ctx.Err()
			}
			return fmt.Errorf("wait: %w", err)
		}
		if t, ok := channels[note.Channel]; ok {
			changed(t)
		}
	}
}
