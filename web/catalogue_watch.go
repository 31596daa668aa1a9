package web

import (
	"context"
	"errors"

	"planverk/store"
)

// watchCatalogue starts listening for other servers' changes to the
// support-scheme catalogue where the store can tell of them, so that a
// scheme or glossary term changed through one copy of planverk is searched
// on every copy at once. Close stops it.
func (s *Server) watchCatalogue() {
	w, ok := s.store.(store.CatalogueWatcher)
	if !ok {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.stopWatch = cancel
	s.watching.Add(1)
	go func() {
		defer s.watching.Done()
		err := w.WatchCatalogue(ctx, store.CatalogueNotices{
			Ready:   func() { s.schemes.watched.Store(true) },
			Changed: s.schemes.forget,
			Lost: func(err error) {
				s.schemes.watched.Store(false)
				s.log.Warn("the catalogue is checked every second until the watch is back", "err", err)
			},
		})
		s.schemes.watched.Store(false)
		if err != nil && !errors.Is(err, context.Canceled) {
			s.log.Warn("catalogue watch ended", "err", err)
		}
	}()
}
