package web

import (
	"net/http"
	"strconv"
	"strings"
	"sync"

	"planverk/auth"
	"planverk/plan"
)

// loginSave checks an e-mail and password and starts a session. Failed
// log-ins are counted per e-mail address in the database, so that every
// copy of planverk counts them together: after a few, answers are slowed,
// and after more, refused with 429 until the window has passed.
func (s *Server) loginSave(w http.ResponseWriter, r *http.Request) {
	f, ok := s.parseForm(w, r)
	if !ok {
		return
	}
	f.Required("email", "password")
	if !f.OK() {
		s.renderLogin(w, r, http.StatusUnprocessableEntity, f, false)
		return
	}
	ctx := r.Context()
	key := "email:" + strings.ToLower(f.Get("email"))
	now := s.now()
	failures, err := s.store.LoginFailures(ctx, key, now.Add(-auth.LoginFailureWindow))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	delay, refuse := auth.LoginPolicy(failures)
	if refuse {
		w.Header().Set("Retry-After", strconv.Itoa(int(auth.LoginFailureWindow.Seconds())))
		s.renderLogin(w, r, http.StatusTooManyRequests, f, true)
		return
	}
	s.sleep(delay)

	u, err := s.store.UserByEmail(ctx, f.Get("email"))
	good := false
	switch {
	case err == nil && !u.Disabled && u.PasswordHash != "":
		good, err = auth.CheckPassword(u.PasswordHash, f.Raw("password"))
	case plan.ErrorCode(err) == plan.ENotFound:
		// Spend the time a real check takes, so that the answer's speed
		// does not tell which addresses have accounts.
		_, _ = auth.CheckPassword(dummyHash(), f.Raw("password"))
		err = nil
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !good {
		if err := s.store.RecordLoginFailure(ctx, key, now); err != nil {
			s.fail(w, r, err)
			return
		}
		s.log.Info("log-in failed", "email", f.Get("email"), "addr", r.RemoteAddr)
		f.Fail("email", "login.wrong")
		s.renderLogin(w, r, http.StatusUnauthorized, f, false)
		return
	}
	if err := s.store.ClearLoginFailures(ctx, key); err != nil {
		s.fail(w, r, err)
		return
	}
	if auth.NeedsRehash(u.PasswordHash) {
		if h, err := auth.HashPassword(f.Raw("password")); err == nil {
			_ = s.store.SetPassword(ctx, u.ID, h)
		}
	}
	if err := s.startSession(r, u.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("logged in", "user", u.ID)
	http.Redirect(w, r, safeReturn(f.Get("return")), http.StatusSeeOther)
}

// startSession logs a user in. A new session token is issued, so that a
// token planted before the log-in is worth nothing after it.
func (s *Server) startSession(r *http.Request, userID int64) error {
	if err := s.sessions.RenewToken(r.Context()); err != nil {
		return err
	}
	s.sessions.Put(r.Context(), sessionUser, userID)
	return nil
}

// dummyHash is checked against when no account has the e-mail. It is made
// on first use: hashing takes a noticeable moment, which every start of
// the binary should not pay.
var dummyHash = sync.OnceValue(func() string {
	h, err := auth.HashPassword("planverk-no-such-account")
	if err != nil {
		panic(err)
	}
	return h
})
