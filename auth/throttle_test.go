package auth

import (
	"testing"
	"time"
)

func TestLoginPolicy(t *testing.T) {
	tests := []struct {
		failures int
		delay    time.Duration
		refuse   bool
	}{
		{-1, 0, false},
		{0, 0, false},
		{1, 0, false},
		{2, 0, false},
		{3, 0, false},
		{4, 1 * time.Second, false},
		{5, 2 * time.Second, false},
		{6, 4 * time.Second, false},
		{7, 8 * time.Second, false},
		{8, 8 * time.Second, false},
		{9, 8 * time.Second, false},
		{10, 0, true},
		{11, 0, true},
		{1000, 0, true},
		{int(^uint(0) >> 1), 0, true},
	}
	for _, tt := range tests {
		delay, refuse := LoginPolicy(tt.failures)
		if delay != tt.delay || refuse != tt.refuse {
			t.Errorf("LoginPolicy(%d) = %v, %v; want %v, %v", tt.failures, delay, refuse, tt.delay, tt.refuse)
		}
	}
}

func TestLoginPolicyConstants(t *testing.T) {
	if LoginFailureWindow != 15*time.Minute {
		t.Errorf("LoginFailureWindow = %v, want 15m", LoginFailureWindow)
	}
	if FreeLoginFailures != 3 || MaxLoginFailures != 10 {
		t.Errorf("thresholds %d, %d; want 3, 10", FreeLoginFailures, MaxLoginFailures)
	}
	// The delays never add up to more than a person waits patiently.
	var total time.Duration
	for n := range MaxLoginFailures {
		d, refuse := LoginPolicy(n)
		if refuse {
			t.Fatalf("LoginPolicy(%d) refuses before MaxLoginFailures", n)
		}
		if d > MaxLoginDelay {
			t.Errorf("LoginPolicy(%d) = %v, over MaxLoginDelay", n, d)
		}
		total += d
	}
	if total != 31*time.Second {
		t.Errorf("delays before refusal add up to %v, want 31s", total)
	}
}
