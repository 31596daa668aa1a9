package web

import (
	"context"
	"net/http"
	"sync/atomic"
	"time"

	"planverk/store"
)

// syntheticRecheck is how long a database seen without the synthetic
// marker is taken to stay so before it is read again: planverk demo
// generate may fill it while the server runs.
const syntheticRecheck = 5 * time.Second

// syntheticMark remembers whether the database holds synthetic data
// (store.SettingSynthetic). Once seen it is kept: the marker is never
// taken away, since a synthetic database is never made real.
type syntheticMark struct {
	on      atomic.Bool
	checked atomic.Int64 // unix nanoseconds of the last read, 0 for none
}

// synthetic reports whether the database's data is synthetic, reading
// the marker at most once every syntheticRecheck while it is not set.
func (s *Server) synthetic(ctx context.Context) bool {
	m := &s.syntheticMark
	if m.on.Load() {
		return true
	}
	now := time.Now().UnixNano()
	if last := m.checked.Load(); last != 0 && now-last < int64(syntheticRecheck) {
		return false
	}
	m.checked.Store(now)
	v, err := s.store.Setting(ctx, store.SettingSynthetic)
	if err != nil {
		// Say nothing rather than fail the page; the next read may work.
		s.log.Warn("read the synthetic marker", "err", err)
		m.checked.Store(0)
		return false
	}
	if v == "true" {
		m.on.Store(true)
	}
	return v == "true"
}

// markSynthetic tells every answer, pages and API alike, that the data is
// synthetic, in the header Planverk-Synthetic, so that a program reading
// the API cannot take the data for real either.
func (s *Server) markSynthetic(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.synthetic(r.Context()) {
			w.Header().Set("Planverk-Synthetic", "true")
		}
		next.ServeHTTP(w, r)
	})
}
