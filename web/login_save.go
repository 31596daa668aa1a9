package web

import (
	"context"
	"math"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// loginSave checks an e-mail and password and starts a session.
//
// Every attempt is counted before its password is checked, atomically in
// the database (so that every copy of planverk counts together and parallel
// attempts cannot slip past a limit), under three keys: the pair (account,
// client address), the address and the account (auth/throttle.go). A pair
// is slowed down and then blocked, so the attacker's address is shut out
// while the owner, elsewhere, still logs in; a blocked pair is answered 429
// with Retry-After, without checking the password. Then the check waits for
// one of a few slots (password_slot.go), and is answered 503 where none
// comes free: nothing is hashed beyond the slots' memory, whatever the
// e-mail.
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
	// What is written after the count is written even when the client
	// has gone meanwhile: a count not taken back would be a failure that
	// never happened.
	after := context.WithoutCancel(ctx)
	email := strings.ToLower(strings.TrimSpace(f.Get("email")))
	addr := s.clientAddr(r)
	now := s.now()
	pairKey := store.LoginKey{Kind: store.LoginPair, Email: email, Address: addr}
	addrKey := store.LoginKey{Kind: store.LoginAddress, Address: addr}
	accountKey := store.LoginKey{Kind: store.LoginAccount, Email: email}
	counts, err := s.store.CountLoginAttempt(ctx, []store.LoginAttempt{
		{Key: pairKey, BlockAfter: auth.MaxLoginFailures},
		{Key: addrKey, BlockAfter: auth.MaxAddressFailures},
		{Key: accountKey},
	}, now, auth.LoginFailureWindow)
	if err != nil && ctx.Err() != nil {
		return // the client left while the count waited for the database
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	pair, address, account := counts[0], counts[1], counts[2]
	if pair.NewlyBlocked {
		s.log.Warn("log-in blocked", "email", email, "addr", addr, "until", *pair.BlockedUntil)
		s.noticeLockout(email, addr, *pair.BlockedUntil)
	}
	if address.NewlyBlocked {
		s.log.Warn("log-in blocked for an address", "addr", addr, "until", *address.BlockedUntil)
	}
	if until := blockEnd(pair, address); !until.IsZero() {
		// A refused attempt tests no password: it does not slow the
		// account down for its owner.
		if err := s.store.UncountLoginAttempt(after, []store.LoginKey{accountKey}); err != nil {
			s.fail(w, r, err)
			return
		}
		w.Header().Set("Retry-After", retryAfter(until.Sub(now)))
		s.renderLogin(w, r, http.StatusTooManyRequests, f, true)
		return
	}
	delay, _ := auth.LoginPolicy(pair.Attempts - 1)
	s.sleep(max(delay, auth.AccountDelay(account.Attempts-1)))

	u, good, checked, err := s.checkLogin(ctx, f.Get("email"), f.Raw("password"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !checked {
		// No password was tested: the attempt is no failure.
		if err := s.store.UncountLoginAttempt(after, []store.LoginKey{pairKey, addrKey, accountKey}); err != nil {
			s.fail(w, r, err)
			return
		}
		s.log.Warn("log-in turned away: every password check busy", "addr", addr)
		w.Header().Set("Retry-After", "1")
		s.renderLoginBusy(w, r, f)
		return
	}
	if !good {
		s.log.Info("log-in failed", "email", email, "addr", addr)
		f.Fail("email", "login.wrong")
		s.renderLogin(w, r, http.StatusUnauthorized, f, false)
		return
	}
	if err := s.store.ClearLoginAttempts(after, pairKey); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.store.UncountLoginAttempt(after, []store.LoginKey{addrKey, accountKey}); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.startSession(r, u.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("logged in", "user", u.ID)
	http.Redirect(w, r, safeReturn(f.Get("return")), http.StatusSeeOther)
}

// checkLogin checks a password within a password slot. checked is false
// where no slot came free. An e-mail no account has, or one that is
// disabled or has no password, costs the same check against a dummy hash,
// so that the answer's speed does not tell which addresses have accounts.
func (s *Server) checkLogin(ctx context.Context, email, password string) (u store.User, good, checked bool, err error) {
	release, ok := s.passwordSlot(ctx)
	if !ok {
		return store.User{}, false, false, nil
	}
	defer release()
	u, err = s.store.UserByEmail(ctx, email)
	switch {
	case err == nil && !u.Disabled && u.PasswordHash != "":
		if good, err = auth.CheckPassword(u.PasswordHash, password); err != nil {
			return store.User{}, false, true, err
		}
	case err == nil || plan.ErrorCode(err) == plan.ENotFound:
		_, _ = auth.CheckPassword(dummyHash(), password)
		return store.User{}, false, true, nil
	default:
		return store.User{}, false, true, err
	}
	if good && auth.NeedsRehash(u.PasswordHash) {
		// Within the same slot: hashing costs what checking does.
		if h, err := auth.HashPassword(password); err == nil {
			_ = s.store.SetPassword(ctx, u.ID, h)
		}
	}
	return u, good, true, nil
}

// blockEnd is the latest end of the counters' blocks, zero where none is
// blocked.
func blockEnd(counts ...store.LoginCount) time.Time {
	var end time.Time
	for _, c := range counts {
		if c.BlockedUntil != nil && c.BlockedUntil.After(end) {
			end = *c.BlockedUntil
		}
	}
	return end
}

// retryAfter is a Retry-After value: whole seconds, at least 1.
func retryAfter(d time.Duration) string {
	return strconv.Itoa(max(1, int(math.Ceil(d.Seconds()))))
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
