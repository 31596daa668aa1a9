package auth

import "time"

// The failed log-in policy. Attempts are counted under three keys within
// LoginFailureWindow: the pair (account, client address), the client address
// alone, and the account alone. Only the pair blocks: an attacker at one
// address who guesses at an account shuts out that address for that account,
// while the account's owner, who logs in from elsewhere, is not locked out.
// The address alone blocks only after far more failures (someone trying many
// accounts), and the account alone only slows answers down. Old attempts fall
// out of the window, so no block needs an administrator to lift it (though
// one may).
const (
	// LoginFailureWindow is how far back failed log-ins count, and how long
	// a block lasts.
	LoginFailureWindow = 15 * time.Minute
	// FreeLoginFailures is how many failures of a pair go without delay:
	// enough for a person who mistypes, or tries their two usual passwords.
	FreeLoginFailures = 3
	// MaxLoginFailures is the number of failures of a pair within the window
	// from which further attempts of that pair are refused outright.
	MaxLoginFailures = 10
	// MaxAddressFailures is the number of failures from one client address,
	// whatever the accounts, from which the address is refused: a password
	// sprayed over many accounts. High, because an office behind one NAT
	// address shares it.
	MaxAddressFailures = 100
	// FreeAccountFailures is how many failures of one account, from every
	// address together, go without delay. Past it the account's answers slow
	// down as a pair's do, but never stop: a refusal would let anyone lock
	// the owner out.
	FreeAccountFailures = 20
	// FirstLoginDelay is the delay after the first failure past the free
	// ones; each further failure doubles it, up to MaxLoginDelay.
	FirstLoginDelay = 1 * time.Second
	// MaxLoginDelay caps the delay, so a person is never kept waiting long.
	MaxLoginDelay = 8 * time.Second
)

// LoginPolicy says what to do with a log-in attempt of a pair (account,
// address), given the number of failed attempts within LoginFailureWindow
// before it.
//
// With 0 to 3 failures the attempt goes ahead at once. From the 4th failure
// on the caller waits delay (1 s, 2 s, 4 s, then 8 s) before answering, to
// slow down guessing without locking anyone out. From the 10th, refuse is
// true: the caller answers 429 Too Many Requests with Retry-After set to when
// the block ends, without checking the password.
//
// The caller waits the same before a right and a wrong password, so the
// delay tells an attacker nothing.
func LoginPolicy(recentFailures int) (delay time.Duration, refuse bool) {
	if recentFailures >= MaxLoginFailures {
		return 0, true
	}
	return slowDown(recentFailures, FreeLoginFailures), false
}

// AccountDelay is the delay of an attempt at an account that failed
// recentFailures times within the window, from every address together. It
// never refuses (see FreeAccountFailures).
func AccountDelay(recentFailures int) time.Duration {
	return slowDown(recentFailures, FreeAccountFailures)
}

// AddressRefused reports whether a client address that failed
// recentFailures times within the window, for any accounts, is refused.
func AddressRefused(recentFailures int) bool {
	return recentFailures >= MaxAddressFailures
}

// slowDown is 0 up to free failures, then FirstLoginDelay doubling with each
// further failure up to MaxLoginDelay.
func slowDown(failures, free int) time.Duration {
	if failures <= free {
		return 0
	}
	delay := FirstLoginDelay
	for range failures - free - 1 {
		delay *= 2
		if delay >= MaxLoginDelay {
			return MaxLoginDelay
		}
	}
	return delay
}
