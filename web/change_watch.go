package web

import (
	"context"
	"errors"

	"planverk/store"
)

// watchChanges starts listening for other servers' changes where the store
// can tell of them: a scheme or glossary term changed through one copy of
// planverk is searched on every copy at once, and a plan closed or released
// through one is served so by every copy at once, although each keeps them
// in memory. Close stops it.
func (s *Server) watchChanges() {
	w, ok := s.store.(store.ChangeWatcher)
	if !ok {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.stopWatch = cancel
	s.watching.Add(1)
	go func() {
		defer s.watching.Done()
		err := w.WatchChanges(ctx, store.ChangeNotices{
			Ready: func() {
				s.schemes.watched.Store(true)
				s.releases.watched.Store(true)
			},
			Changed: func(t store.Topic) {
				switch t {
				case store.TopicCatalogue:
					s.schemes.forget()
				case store.TopicReleases:
					s.releases.forget()
				}
			},
			Lost: func(err error) {
				s.schemes.watched.Store(false)
				s.releases.watched.Store(false)
				s.log.Warn("until the watch for changes is back, the catalogue is checked every second and releases on every request", "err", err)
			},
		})
		s.schemes.watched.Store(false)
		s.releases.watched.Store(false)
		if err != nil && !errors.Is(err, context.Canceled) {
			s.log.Warn("the watch for changes ended", "err", err)
		}
	}()
}
