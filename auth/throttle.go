package auth

import "time"

// The failed log-in policy. Failures are counted per account (and, by the
// caller, per client address too) within LoginFailureWindow; old failures
// fall out of the window, so no lock needs an administrator to lift it.
const (
	// LoginFailureWindow is how far back failed log-ins count.
	LoginFailureWindow = 15 * time.Minute
	// FreeLoginFailures is how many failures go without delay: enough for
	// a person who mistypes, or tries their two usual passwords.
	FreeLoginFailures = 3
	// MaxLoginFailures is the number of failures within the window from
	// which further attempts are refused outright.
	MaxLoginFailures = 10
	// FirstLoginDelay is the delay after the first failure past the free
	// ones; each further failure doubles it, up to MaxLoginDelay.
	FirstLoginDelay = 1 * time.Second
	// MaxLoginDelay caps the delay, so a person is never kept waiting long.
	MaxLoginDelay = 8 * time.Second
)

// LoginPolicy says what to do with a log-in attempt, given the number of
// failed attempts within LoginFailureWindow before it.
//
// With 0 to 3 failures the attempt goes ahead at once. From the 4th failure
// on the caller waits delay (1 s, 2 s, 4 s, then 8 s) before answering, to
// slow down guessing without locking anyone out. From the 10th, refuse is
// true: the caller answers 429 Too Many Requests with Retry-After set to when
// the oldest counted failure leaves the window, without checking the
// password, and does not count the refused attempt as a failure.
//
// The caller waits the same before a right and a wrong password, so the
// delay tells an attacker nothing.
func LoginPolicy(recentFailures int) (delay time.Duration, refuse bool) {
	switch {
	case recentFailures >= MaxLoginFailures:
		return 0, true
	case recentFailures <= FreeLoginFailures:
		return 0, false
	}
	delay = FirstLoginDelay
	for range recentFailures - FreeLoginFailures - 1 {
		delay *= 2
		if delay >= MaxLoginDelay {
			return MaxLoginDelay, false
		}
	}
	return delay, false
}
