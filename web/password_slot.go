package web

import (
	"context"
	"math"
	"net/http"
	"runtime"
	"runtime/debug"
	"time"

	"planverk/auth"
)

// passwordSlotWait is how long a log-in waits for a free password check
// before it is answered 503: long enough to smooth a burst of real users,
// short enough that a flood is turned away before it piles up.
const passwordSlotWait = time.Second

// DefaultPasswordChecks is how many password checks run at once where the
// operator sets none: one per processor, at most 4, and no more than half
// the memory limit (GOMEMLIMIT) holds, at auth.PasswordCheckBytes (64 MiB)
// each. A check is CPU-bound, so more at once than processors only adds
// memory, not speed.
func DefaultPasswordChecks() int {
	n := min(runtime.GOMAXPROCS(0), 4)
	if limit := debug.SetMemoryLimit(-1); limit != math.MaxInt64 {
		n = min(n, int(limit/2/auth.PasswordCheckBytes()))
	}
	return max(n, 1)
}

// newPasswordSlots is the semaphore of password checks: n at once, or the
// default for n of 0 or less.
func newPasswordSlots(n int) chan struct{} {
	if n <= 0 {
		n = DefaultPasswordChecks()
	}
	return make(chan struct{}, n)
}

// passwordSlot takes one of the slots of password checks (argon2id, 64 MiB
// each), waiting up to passwordSlotWait, and returns how to give it back.
// ok is false when none came free: the caller answers 503 with Retry-After
// and hashes nothing, so that a flood of log-ins, for accounts that exist
// or not, costs at most the slots' memory.
func (s *Server) passwordSlot(ctx context.Context) (release func(), ok bool) {
	select {
	case s.passwordSlots <- struct{}{}:
		return func() { <-s.passwordSlots }, true
	default:
	}
	t := time.NewTimer(passwordSlotWait)
	defer t.Stop()
	select {
	case s.passwordSlots <- struct{}{}:
		return func() { <-s.passwordSlots }, true
	case <-t.C:
	case <-ctx.Done():
	}
	return nil, false
}

// hashInSlot hashes a new password within a password slot; ok is false
// where none came free, and the caller answers with busy.
func (s *Server) hashInSlot(ctx context.Context, pw string) (hash string, ok bool, err error) {
	release, ok := s.passwordSlot(ctx)
	if !ok {
		return "", false, nil
	}
	defer release()
	hash, err = auth.HashPassword(pw)
	return hash, true, err
}

// busy answers a request whose password could not be checked or hashed
// because every slot was taken: 503, to try again in a second.
func (s *Server) busy(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Retry-After", "1")
	s.errorPage(w, r, http.StatusServiceUnavailable, "login.busy")
}
