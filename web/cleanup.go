package web

import (
	"context"
	"time"
)

// loginAttemptsKept is how long a counter of log-in attempts is kept after
// its window began: far longer than the window (auth.LoginFailureWindow),
// short enough that counters of keys that never log in (an attacker's
// addresses, e-mails nobody has) do not pile up.
const loginAttemptsKept = 24 * time.Hour

// Tidy removes expired sessions and old counters of log-in attempts now
// and then until ctx ends. Each copy of
// planverk may run it: deleting what has expired is safe to do twice.
func (s *Server) Tidy(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if err := s.store.SessionDeleteExpired(ctx, s.now()); err != nil && ctx.Err() == nil {
			s.log.Error("delete expired sessions", "err", err)
		}
		if err := s.store.DeleteLoginAttemptsBefore(ctx, s.now().Add(-loginAttemptsKept)); err != nil && ctx.Err() == nil {
			s.log.Error("delete old log-in attempts", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
