package web

import (
	"context"
	"time"
)

// Tidy removes expired sessions now and then until ctx ends. Each copy of
// planverk may run it: deleting what has expired is safe to do twice.
func (s *Server) Tidy(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if err := s.store.SessionDeleteExpired(ctx, s.now()); err != nil && ctx.Err() == nil {
			s.log.Error("delete expired sessions", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
