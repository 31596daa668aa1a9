package auth

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"planverk/auth/oidctest"
)

const (
	testClientID     = "planverk-test"
	testClientSecret = "hemmeleg"
	testRedirectURL  = "https://planverk.example/auth/callback"
)

// kari is who logs in at the provider in these tests.
var kari = oidctest.Identity{
	Subject:       "a1b2c3-pseudonym",
	Email:         "kari.nordmann@drangedal.kommune.no",
	EmailVerified: true,
	Name:          "Kari Nordmann",
}

// newTestProvider starts a provider with the test client registered, at
// which kari logs in.
func newTestProvider(t *testing.T) *oidctest.Provider {
	t.Helper()
	p := oidctest.New(t, testClientID, testClientSecret)
	p.RegisterRedirectURI(testRedirectURL)
	p.SetIdentity(kari)
	return p
}

// login follows authURL to the provider and returns the state and code it
// sends back to the redirect URL.
func login(t *testing.T, p *oidctest.Provider, authURL string) (state, code string) {
	t.Helper()
	back := p.Authorize(t, authURL)
	if !strings.HasPrefix(back.String(), testRedirectURL+"?") {
		t.Fatalf("redirected to %s, want %s", back, testRedirectURL)
	}
	return back.Query().Get("state"), back.Query().Get("code")
}

func newTestOIDC(t *testing.T, p *oidctest.Provider) *OIDC {
	t.Helper()
	o, err := NewOIDC(t.Context(), OIDCConfig{
		Issuer:       p.Issuer(),
		ClientID:     testClientID,
		ClientSecret: testClientSecret,
		RedirectURL:  testRedirectURL,
		Scopes:       []string{"profile", "openid", "email"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func TestOIDCStart(t *testing.T) {
	p := newTestProvider(t)
	o := newTestOIDC(t, p)
	authURL, st, err := o.Start()
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(authURL)
	if err != nil {
		t.Fatal(err)
	}
	if got := u.Scheme + "://" + u.Host + u.Path; got != p.Issuer()+"/authorize" {
		t.Errorf("auth URL goes to %s", got)
	}
	q := u.Query()
	want := map[string]string{
		"response_type":         "code",
		"client_id":             testClientID,
		"redirect_uri":          testRedirectURL,
		"scope":                 "openid profile email",
		"state":                 st.State,
		"nonce":                 st.Nonce,
		"code_challenge":        oauth2.S256ChallengeFromVerifier(st.Verifier),
		"code_challenge_method": "S256",
	}
	for name, v := range want {
		if q.Get(name) != v {
			t.Errorf("auth URL %s = %q, want %q", name, q.Get(name), v)
		}
	}
	if strings.Contains(authURL, st.Verifier) {
		t.Error("auth URL contains the PKCE verifier")
	}
	for name, v := range map[string]string{"state": st.State, "nonce": st.Nonce, "verifier": st.Verifier} {
		if len(v) < 43 {
			t.Errorf("%s %q is shorter than 256 bits", name, v)
		}
	}
	_, st2, err := o.Start()
	if err != nil {
		t.Fatal(err)
	}
	if st2.State == st.State || st2.Nonce == st.Nonce || st2.Verifier == st.Verifier {
		t.Error("two log-ins share state, nonce or verifier")
	}
}

func TestOIDCFinish(t *testing.T) {
	want := func(p *oidctest.Provider) Identity {
		return Identity{
			Issuer:        p.Issuer(),
			Subject:       kari.Subject,
			Email:         kari.Email,
			EmailVerified: kari.EmailVerified,
			Name:          kari.Name,
		}
	}
	tests := []struct {
		name string
		// setup changes the provider before the log-in.
		setup func(t *testing.T, p *oidctest.Provider)
		// tamper changes what the callback hands Finish.
		tamper func(st *LoginState, state, code *string)
		// wantErr is "" for success, else a substring of the error.
		wantErr string
		// wantIs is an error the result must wrap, if any.
		wantIs error
		// wantExchange says whether the code may reach the token endpoint.
		wantExchange bool
		// identity changes the expected identity from want, on success.
		identity func(*Identity)
	}{
		{
			name:         "success",
			wantExchange: true,
		},
		{
			name: "wrong state",
			tamper: func(st *LoginState, state, code *string) {
				*state = "forged-" + *state
			},
			wantErr: "state does not match", wantIs: ErrStateMismatch,
		},
		{
			name: "empty state",
			tamper: func(st *LoginState, state, code *string) {
				*state = ""
			},
			wantErr: "state does not match", wantIs: ErrStateMismatch,
		},
		{
			name: "no log-in in session",
			tamper: func(st *LoginState, state, code *string) {
				*st = LoginState{}
				*state = ""
			},
			wantErr: "no log-in started", wantIs: ErrStateMismatch,
		},
		{
			// The ID token carries the nonce of the log-in the provider saw;
			// a session that started another log-in must not accept it.
			name: "wrong nonce",
			tamper: func(st *LoginState, state, code *string) {
				st.Nonce = "another-login-" + st.Nonce
			},
			wantErr: "nonce does not match", wantIs: ErrNonceMismatch, wantExchange: true,
		},
		{
			name: "provider signs another nonce",
			setup: func(t *testing.T, p *oidctest.Provider) {
				p.SetClaims(func(c map[string]any) { c["nonce"] = "replayed" })
			},
			wantErr: "nonce does not match", wantIs: ErrNonceMismatch, wantExchange: true,
		},
		{
			name: "provider signs no nonce",
			setup: func(t *testing.T, p *oidctest.Provider) {
				p.SetClaims(func(c map[string]any) { delete(c, "nonce") })
			},
			wantErr: "nonce does not match", wantIs: ErrNonceMismatch, wantExchange: true,
		},
		{
			// An attacker with the code but not the verifier (PKCE).
			name: "wrong verifier",
			tamper: func(st *LoginState, state, code *string) {
				st.Verifier = oauth2.GenerateVerifier()
			},
			wantErr: "invalid_grant", wantExchange: true,
		},
		{
			name: "wrong code",
			tamper: func(st *LoginState, state, code *string) {
				*code = "guessed"
			},
			wantErr: "invalid_grant", wantExchange: true,
		},
		{
			name: "no code",
			tamper: func(st *LoginState, state, code *string) {
				*code = ""
			},
			wantErr: "no code",
		},
		{
			name: "token for another client",
			setup: func(t *testing.T, p *oidctest.Provider) {
				p.SetClaims(func(c map[string]any) { c["aud"] = "another-client" })
			},
			wantErr: "audience", wantExchange: true,
		},
		{
			name: "several audiences, issued to another client",
			setup: func(t *testing.T, p *oidctest.Provider) {
				p.SetClaims(func(c map[string]any) {
					c["aud"] = []string{"another-client", testClientID}
					c["azp"] = "another-client"
				})
			},
			wantErr: "not to this client", wantExchange: true,
		},
		{
			name: "several audiences, issued to us",
			setup: func(t *testing.T, p *oidctest.Provider) {
				p.SetClaims(func(c map[string]any) {
					c["aud"] = []string{"another-client", testClientID}
					c["azp"] = testClientID
				})
			},
			wantExchange: true,
		},
		{
			name: "token from another issuer",
			setup: func(t *testing.T, p *oidctest.Provider) {
				p.SetClaims(func(c map[string]any) { c["iss"] = "https://evil.example/" })
			},
			wantErr: "issued by a different provider", wantExchange: true,
		},
		{
			name: "expired token",
			setup: func(t *testing.T, p *oidctest.Provider) {
				p.SetClaims(func(c map[string]any) { c["exp"] = time.Now().Add(-time.Minute).Unix() })
			},
			wantErr: "expired", wantExchange: true,
		},
		{
			name: "signed with a key not in the JWKS",
			setup: func(t *testing.T, p *oidctest.Provider) {
				p.SignWithUnpublishedKey()
			},
			wantErr: "verify id token", wantExchange: true,
		},
		{
			name: "no subject",
			setup: func(t *testing.T, p *oidctest.Provider) {
				p.SetClaims(func(c map[string]any) { delete(c, "sub") })
			},
			wantErr: "no subject", wantExchange: true,
		},
		{
			name: "email_verified as a string, no name",
			setup: func(t *testing.T, p *oidctest.Provider) {
				p.SetClaims(func(c map[string]any) {
					c["email_verified"] = "false"
					delete(c, "name")
				})
			},
			wantExchange: true,
			identity: func(id *Identity) {
				id.EmailVerified = false
				id.Name = ""
			},
		},
		{
			// ID-porten: a pseudonymous subject and no e-mail at all.
			name: "no email",
			setup: func(t *testing.T, p *oidctest.Provider) {
				p.SetIdentity(oidctest.Identity{Subject: kari.Subject, Name: kari.Name})
			},
			wantExchange: true,
			identity: func(id *Identity) {
				id.Email = ""
				id.EmailVerified = false
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newTestProvider(t)
			if tt.setup != nil {
				tt.setup(t, p)
			}
			o := newTestOIDC(t, p)
			authURL, st, err := o.Start()
			if err != nil {
				t.Fatal(err)
			}
			state, code := login(t, p, authURL)
			if tt.tamper != nil {
				tt.tamper(&st, &state, &code)
			}
			got, err := o.Finish(t.Context(), st, state, code)

			exchanged := p.TokenRequests() > 0
			if exchanged != tt.wantExchange {
				t.Errorf("code sent to the token endpoint: %v, want %v", exchanged, tt.wantExchange)
			}
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("Finish = %+v, want an error containing %q", got, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("Finish error %q, want it to contain %q", err, tt.wantErr)
				}
				if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
					t.Errorf("Finish error %q does not wrap %v", err, tt.wantIs)
				}
				if got != (Identity{}) {
					t.Errorf("Finish returned an identity with its error: %+v", got)
				}
				return
			}
			if err != nil {
				t.Fatalf("Finish: %v", err)
			}
			w := want(p)
			if tt.identity != nil {
				tt.identity(&w)
			}
			if got != w {
				t.Errorf("Finish = %+v, want %+v", got, w)
			}
		})
	}
}

// TestOIDCCodeOnce: replaying a callback fails, because the provider takes
// a code once; Finish must not hide that.
func TestOIDCCodeOnce(t *testing.T) {
	p := newTestProvider(t)
	o := newTestOIDC(t, p)
	authURL, st, err := o.Start()
	if err != nil {
		t.Fatal(err)
	}
	state, code := login(t, p, authURL)
	if _, err := o.Finish(t.Context(), st, state, code); err != nil {
		t.Fatal(err)
	}
	if _, err := o.Finish(t.Context(), st, state, code); err == nil {
		t.Fatal("second Finish with the same code succeeded")
	}
}

func TestNewOIDCErrors(t *testing.T) {
	p := newTestProvider(t)
	good := OIDCConfig{Issuer: p.Issuer(), ClientID: testClientID, RedirectURL: testRedirectURL}
	tests := []struct {
		name    string
		change  func(*OIDCConfig)
		wantErr string
	}{
		{"no issuer", func(c *OIDCConfig) { c.Issuer = "" }, "issuer is required"},
		{"no client id", func(c *OIDCConfig) { c.ClientID = "" }, "client id is required"},
		{"no redirect URL", func(c *OIDCConfig) { c.RedirectURL = "" }, "redirect URL is required"},
		// The discovery document says the issuer without a trailing slash.
		{"issuer differs from discovery", func(c *OIDCConfig) { c.Issuer += "/" }, "discover"},
		{"no provider there", func(c *OIDCConfig) { c.Issuer = p.Issuer() + "/nothing" }, "discover"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := good
			tt.change(&cfg)
			o, err := NewOIDC(t.Context(), cfg)
			if err == nil {
				t.Fatalf("NewOIDC = %v, want an error", o)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("NewOIDC error %q, want it to contain %q", err, tt.wantErr)
			}
		})
	}
	if _, err := NewOIDC(t.Context(), good); err != nil {
		t.Errorf("NewOIDC(good) = %v", err)
	}
}

// TestOIDCDiscoveryCancelledContext: discovery honours the caller's context.
func TestOIDCDiscoveryCancelledContext(t *testing.T) {
	p := newTestProvider(t)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := NewOIDC(ctx, OIDCConfig{Issuer: p.Issuer(), ClientID: testClientID, RedirectURL: testRedirectURL})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("NewOIDC with a cancelled context = %v, want context.Canceled", err)
	}
}
