package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"planverk/auth"
	"planverk/notice"
	"planverk/notice/noticetest"
	"planverk/store"
)

// postFrom posts a form as a browser at a client address, as the reverse
// proxy in front of planverk tells it in X-Forwarded-For.
func (c *client) postFrom(addr, path string, form url.Values) (*http.Response, string) {
	c.fx.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, c.fx.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", c.fx.srv.URL)
	req.Header.Set("X-Forwarded-For", "203.0.113.250, "+addr) // the first is the client's own claim
	return c.do(req)
}

// behindProxy is a fixture configured behind a proxy that writes
// X-Forwarded-For.
func behindProxy(t *testing.T, engine string, more func(*Config)) *fixture {
	return newFixtureConfig(t, engine, func(string) Config {
		cfg := Config{ClientIPHeader: "X-Forwarded-For"}
		if more != nil {
			more(&cfg)
		}
		return cfg
	})
}

// TestLoginFloodBounded: 100 log-ins at once for e-mails nobody has are all
// answered (401, or 503 with Retry-After when every password check is
// busy), none hangs, the site keeps answering, and memory stays within what
// the few password checks allowed at once take: without the bound, 100
// argon2id checks of 64 MiB would take over 6 GiB.
func TestLoginFloodBounded(t *testing.T) {
	// Serial (see testdb.Parallel): the memory measured is the process's,
	// so no other test may hash passwords meanwhile.
	t.Setenv("PLANVERK_TEST_SERIAL", "1")
	fx := behindProxy(t, "sqlite", nil)
	dummyHash() // made once per process, not part of the flood
	for _, n := range []int{100, 1000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			if n > 100 && raceDetector {
				// Under -race every request costs several times as much,
				// and the thousand answers outlast any sane client
				// timeout; .ci/run runs this test again without it.
				t.Skip("1 000 log-ins are flooded without the race detector (.ci/run's flood step)")
			}
			loginFlood(t, fx, n)
		})
	}
}

// loginFlood sends n log-ins with unknown addresses at once, each from an
// address of its own, and checks that every one is answered, the site
// answers meanwhile, and memory stays bounded.
func loginFlood(t *testing.T, fx *fixture, n int) {
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var peak atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	statuses := make([]int, n)
	retry := make([]string, n)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := fx.anonymous()
			c.hc.Timeout = 30 * time.Second
			form := url.Values{"email": {fmt.Sprintf("nobody%d@example.no", i)}, "password": {"a wrong password"}}
			resp, _ := c.postFrom(fmt.Sprintf("10.0.%d.%d", i/250, i%250+1), "/login", form)
			statuses[i], retry[i] = resp.StatusCode, resp.Header.Get("Retry-After")
		}()
	}
	// The site answers while the flood goes on.
	time.Sleep(50 * time.Millisecond)
	healthStart := time.Now()
	if resp, _ := fx.anonymous().get("/healthz"); resp.StatusCode != http.StatusOK {
		t.Errorf("/healthz during the flood: status %d", resp.StatusCode)
	}
	// How long it took is logged, not tested: speed is measured by the
	// load script, never by a test that fails on a time.
	t.Logf("/healthz answered in %v during the flood", time.Since(healthStart).Round(time.Millisecond))
	wg.Wait()
	close(stop)
	<-sampled
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	count := map[int]int{}
	for i, st := range statuses {
		count[st]++
		switch st {
		case http.StatusUnauthorized, http.StatusTooManyRequests:
		case http.StatusServiceUnavailable:
			if retry[i] == "" {
				t.Errorf("log-in %d: 503 without Retry-After", i)
			}
		default:
			t.Errorf("log-in %d: status %d", i, st)
		}
	}
	t.Logf("%d log-ins in %v: %v; heap in use %d MiB before, peak %d MiB; Sys %d → %d MiB",
		n, time.Since(start).Round(time.Millisecond), count, before.HeapInuse>>20, peak.Load()>>20, before.Sys>>20, after.Sys>>20)
	if count[http.StatusUnauthorized] == 0 {
		t.Error("no log-in was checked at all")
	}
	const bound = 1 << 30 // 1 GiB; 100 unbounded checks take 6.4 GiB
	if grew := int64(peak.Load()) - int64(before.HeapInuse); grew > bound {
		t.Errorf("heap in use grew by %d MiB, want at most %d MiB", grew>>20, bound>>20)
	}
	if grew := int64(after.Sys) - int64(before.Sys); grew > bound {
		t.Errorf("memory from the system grew by %d MiB, want at most %d MiB", grew>>20, bound>>20)
	}
}

// TestLoginPairBlocked: 39 wrong passwords sent at once from one address,
// then the right one from there, do not log in (the count is atomic: the
// parallel attempts cannot all pass before the block); the owner, from
// another address, still logs in. The owner gets a mail, the system
// administrator sees the block and can lift it.
func TestLoginPairBlocked(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			smtp := noticetest.Start(t, noticetest.Options{})
			fx := behindProxy(t, engine, func(c *Config) {
				c.PasswordChecks = 4
				c.SMTP = notice.Config{Addr: smtp.Addr, From: "planverk <planverk@example.no>"}
			})
			fx.user("kari@example.no", "", false, "", "")
			fx.user("admin@example.no", "", true, "", "")
			const attacker, home = "192.0.2.7", "198.51.100.9"
			wrong := url.Values{"email": {"Kari@example.no"}, "password": {"not her password"}}
			count := map[int]int{}
			var mu sync.Mutex
			var wg sync.WaitGroup
			for range 39 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					resp, _ := fx.anonymous().postFrom(attacker, "/login", wrong)
					mu.Lock()
					count[resp.StatusCode]++
					mu.Unlock()
				}()
			}
			wg.Wait()
			if count[http.StatusUnauthorized] > auth.MaxLoginFailures || count[http.StatusTooManyRequests] < 39-auth.MaxLoginFailures {
				t.Errorf("39 wrong passwords at once: %v, want at most %d × 401 and the rest 429", count, auth.MaxLoginFailures)
			}
			right := url.Values{"email": {"kari@example.no"}, "password": {testPassword}}
			resp, _ := fx.anonymous().postFrom(attacker, "/login", right)
			if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") == "" {
				t.Fatalf("the right password from the attacker's address: status %d, Retry-After %q, want 429", resp.StatusCode, resp.Header.Get("Retry-After"))
			}
			if resp, _ := fx.anonymous().postFrom(home, "/login", right); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("the owner from another address: status %d, want 303", resp.StatusCode)
			}
			fx.app.WaitForNotices()
			var mails int
			for _, m := range smtp.Mails() {
				if len(m.To) == 1 && m.To[0] == "kari@example.no" {
					mails++
					if !strings.Contains(string(m.Data), attacker) {
						t.Errorf("the mail of the block does not name the address:\n%s", m.Data)
					}
				}
			}
			if mails != 1 {
				t.Errorf("%d mails to the owner, want 1", mails)
			}
			admin := fx.login("admin@example.no")
			_, page := admin.get("/users")
			if !strings.Contains(page, "Stengte innlogginger") || !strings.Contains(page, attacker) {
				t.Fatal("the users page does not show the block")
			}
			resp, _ = admin.post("/users/lockouts/lift", url.Values{"kind": {"pair"}, "email": {"kari@example.no"}, "address": {attacker}})
			if resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("lifting the block: status %d", resp.StatusCode)
			}
			if blocks, err := fx.store.LoginBlocks(context.Background(), time.Now()); err != nil || len(blocks) != 0 {
				t.Errorf("blocks after lifting: %+v, %v", blocks, err)
			}
			if resp, _ := fx.anonymous().postFrom(attacker, "/login", right); resp.StatusCode != http.StatusSeeOther {
				t.Errorf("the right password after the block was lifted: status %d", resp.StatusCode)
			}
			if resp, _ := fx.anonymous().post("/users/lockouts/lift", url.Values{"kind": {"pair"}}); resp.StatusCode == http.StatusSeeOther {
				t.Error("a visitor lifted a block")
			}
		})
	}
}

// TestClientAddr: the address counts from the operator's header where one
// is named, its last entry; IPv6 by its /64.
func TestClientAddr(t *testing.T) {
	s := &Server{}
	r, _ := http.NewRequest("GET", "/", nil)
	r.RemoteAddr = "192.0.2.1:5555"
	r.Header.Set("X-Forwarded-For", "10.9.9.9, 198.51.100.4")
	if got := s.clientAddr(r); got != "192.0.2.1" {
		t.Errorf("without a header configured: %q", got)
	}
	s.cfg.ClientIPHeader = "X-Forwarded-For"
	if got := s.clientAddr(r); got != "198.51.100.4" {
		t.Errorf("behind a proxy: %q", got)
	}
	r.Header.Set("X-Forwarded-For", "2001:db8:1:2:3:4:5:6")
	if got := s.clientAddr(r); got != "2001:db8:1:2::/64" {
		t.Errorf("IPv6: %q", got)
	}
	r.Header.Set("X-Forwarded-For", "not an address")
	if got := s.clientAddr(r); got != "192.0.2.1" {
		t.Errorf("a header without an address: %q", got)
	}
}

// TestCommonPasswordRefused: a common password is refused beside its
// field, in the person's language, on the account page and when an
// invitation is accepted.
func TestCommonPasswordRefused(t *testing.T) {
	fx := newFixture(t, "sqlite")
	fx.user("kari@example.no", "", false, "", "")
	fx.user("admin@example.no", "", false, "vest-telemark", auth.RoleAdmin)
	c := fx.login("kari@example.no")
	resp, page := c.post("/account/password", url.Values{"current": {testPassword}, "password": {"Sommer2025!"}, "repeat": {"Sommer2025!"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "Passordet er for vanlig") {
		t.Fatalf("Sommer2025! on the account page: status %d", resp.StatusCode)
	}
	if i := strings.Index(page, `id="f-password-error"`); i < 0 || !strings.Contains(page[i:min(len(page), i+400)], "Passordet er for vanlig") {
		t.Error("the message is not beside the password field")
	}
	_, page = c.in("en").post("/account/password", url.Values{"current": {testPassword}, "password": {"password12"}, "repeat": {"password12"}})
	if !strings.Contains(page, "The password is too common") {
		t.Error("password12 in English: no message")
	}
	admin := fx.login("admin@example.no")
	_, page = admin.post("/programmes/vest-telemark/members/invite",
		url.Values{"name": {"Eva"}, "email": {"eva@example.no"}, "role": {"editor"}})
	i := strings.Index(page, "/invitations/inv_")
	if i < 0 {
		t.Fatal("no invitation link on the page")
	}
	link := page[i : i+strings.IndexByte(page[i:], '<')]
	resp, page = fx.anonymous().in("nn").post(link, url.Values{"name": {"Eva"}, "password": {"Haust2025!"}, "repeat": {"Haust2025!"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "Passordet er for vanleg") {
		t.Errorf("Haust2025! when accepting an invitation: status %d", resp.StatusCode)
	}
}

// TestAPITokenExpiry: a token is made with the lifetime chosen, within the
// operator's maximum; the account page shows its expiry and last use; an
// expired token is refused 401 with a message saying so.
func TestAPITokenExpiry(t *testing.T) {
	fx := newFixtureConfig(t, "sqlite", func(string) Config { return Config{APITokenMaxAge: 30 * 24 * time.Hour} })
	u := fx.user("kari@example.no", "", false, "driv", auth.RoleEditor)
	c := fx.login("kari@example.no")
	_, page := c.get("/account")
	if !strings.Contains(page, `name="token_days"`) || strings.Contains(page, `value="90"`) {
		t.Error("the token form does not offer lifetimes within the 30-day maximum")
	}
	if resp, _ := c.post("/account/tokens", url.Values{"token_name": {"CI"}, "token_days": {"365"}}); resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("a lifetime over the maximum: status %d, want 422", resp.StatusCode)
	}
	resp, page := c.post("/account/tokens", url.Values{"token_name": {"CI"}, "token_days": {"30"}})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("making a token: status %d", resp.StatusCode)
	}
	tokens, err := fx.store.APITokens(context.Background(), u.ID)
	if err != nil || len(tokens) != 1 || tokens[0].ExpiresAt == nil {
		t.Fatalf("tokens = %+v, %v", tokens, err)
	}
	if d := time.Until(*tokens[0].ExpiresAt); d < 29*24*time.Hour || d > 30*24*time.Hour {
		t.Errorf("the token expires in %v, want 30 days", d)
	}
	if !strings.Contains(page, "Gyldig til") {
		t.Error("the account page does not show when tokens expire")
	}

	plain, hash, _ := auth.NewToken(auth.PrefixAPIToken)
	past := time.Now().Add(-time.Hour)
	if _, err := fx.store.CreateAPIToken(context.Background(), store.APIToken{UserID: u.ID, Name: "old", TokenHash: hash,
		CreatedAt: past.Add(-time.Hour), ExpiresAt: &past}); err != nil {
		t.Fatal(err)
	}
	resp, body := fx.anonymous().get("/api/v1/programmes", "Authorization", "Bearer "+plain)
	if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(body, "expired") {
		t.Errorf("an expired token: status %d, body %s", resp.StatusCode, body)
	}
	_, page = c.get("/account")
	if !strings.Contains(page, "Utløpt") {
		t.Error("the account page does not mark the expired token")
	}
}
