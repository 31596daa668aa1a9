package web

import (
	"net/http"
	"time"

	"github.com/alexedwards/scs/v2"

	"planverk/store"
	"planverk/store/sqlstore"
)

// Session keys.
const (
	sessionUser = "user"
	sessionOIDC = "oidc"
)

// newSessions keeps sessions in the database, so that every copy of
// planverk behind a load balancer knows every log-in.
func newSessions(st store.Store, secure bool) *scs.SessionManager {
	sm := scs.New()
	sm.Store = sqlstore.SessionStore{A: st}
	// A working day, and an hour idle: shared office computers are common
	// in municipalities.
	sm.Lifetime = 12 * time.Hour
	sm.IdleTimeout = time.Hour
	sm.Cookie.Name = sessionCookie
	sm.Cookie.HttpOnly = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	sm.Cookie.Secure = secure
	sm.Cookie.Path = "/"
	return sm
}
