package auth

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
	"golang.org/x/oauth2"
)

const (
	testClientID     = "planverk-test"
	testClientSecret = "hemmeleg"
	testRedirectURL  = "https://planverk.example/auth/callback"
)

// fakeProvider is an OpenID provider in a test server: discovery, JWKS, an
// authorization endpoint that logs the user in at once, and a token endpoint
// that checks the PKCE verifier against the challenge it was given.
type fakeProvider struct {
	t      *testing.T
	srv    *httptest.Server
	key    *rsa.PrivateKey
	signer jose.Signer

	mu     sync.Mutex
	grants map[string]grant // by code
	tokens int              // token requests seen
	// claims changes the ID token's claims before signing, for tests of
	// tokens the client must reject.
	claims func(map[string]any)
	// signer used instead of the published key, when set.
	rogue jose.Signer
}

// grant is what the provider remembers about an authorization request.
type grant struct {
	clientID, redirectURI, challenge, nonce string
}

func newFakeProvider(t *testing.T) *fakeProvider {
	t.Helper()
	p := &fakeProvider{t: t, grants: make(map[string]grant)}
	p.key = newRSAKey(t)
	p.signer = newSigner(t, p.key, "test-key")
	mux := http.NewServeMux()
	mux.HandleFunc("GET /.well-known/openid-configuration", p.discovery)
	mux.HandleFunc("GET /jwks", p.jwks)
	mux.HandleFunc("GET /authorize", p.authorize)
	mux.HandleFunc("POST /token", p.token)
	p.srv = httptest.NewServer(mux)
	t.Cleanup(p.srv.Close)
	return p
}

func newRSAKey(t *testing.T) *rsa.PrivateKey {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	return key
}

func newSigner(t *testing.T, key *rsa.PrivateKey, kid string) jose.Signer {
	t.Helper()
	s, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: jose.JSONWebKey{Key: key, KeyID: kid}},
		(&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func (p *fakeProvider) issuer() string { return p.srv.URL }

func (p *fakeProvider) discovery(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{
		"issuer":                                p.issuer(),
		"authorization_endpoint":                p.issuer() + "/authorize",
		"token_endpoint":                        p.issuer() + "/token",
		"jwks_uri":                              p.issuer() + "/jwks",
		"response_types_supported":              []string{"code"},
		"subject_types_supported":               []string{"public"},
		"id_token_signing_alg_values_supported": []string{"RS256"},
		"code_challenge_methods_supported":      []string{"S256"},
	})
}

func (p *fakeProvider) jwks(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, jose.JSONWebKeySet{Keys: []jose.JSONWebKey{{
		Key: &p.key.PublicKey, KeyID: "test-key", Algorithm: string(jose.RS256), Use: "sig",
	}}})
}

// authorize checks the request as ID-porten would and redirects back with a
// code at once, as if the user had logged in.
func (p *fakeProvider) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	for name, want := range map[string]string{
		"response_type":         "code",
		"client_id":             testClientID,
		"redirect_uri":          testRedirectURL,
		"code_challenge_method": "S256",
	} {
		if got := q.Get(name); got != want {
			http.Error(w, name+" is "+got+", want "+want, http.StatusBadRequest)
			return
		}
	}
	if !strings.Contains(" "+q.Get("scope")+" ", " openid ") {
		http.Error(w, "scope lacks openid", http.StatusBadRequest)
		return
	}
	for _, name := range []string{"state", "nonce", "code_challenge"} {
		if q.Get(name) == "" {
			http.Error(w, name+" missing", http.StatusBadRequest)
			return
		}
	}
	code := rand.Text()
	p.mu.Lock()
	p.grants[code] = grant{
		clientID:    q.Get("client_id"),
		redirectURI: q.Get("redirect_uri"),
		challenge:   q.Get("code_challenge"),
		nonce:       q.Get("nonce"),
	}
	p.mu.Unlock()
	back := testRedirectURL + "?" + url.Values{"code": {code}, "state": {q.Get("state")}}.Encode()
	http.Redirect(w, r, back, http.StatusFound)
}

func (p *fakeProvider) token(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.tokens++
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	id, secret, ok := r.BasicAuth()
	if !ok {
		id, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	if id != testClientID || subtle.ConstantTimeCompare([]byte(secret), []byte(testClientSecret)) != 1 {
		writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "invalid_client"})
		return
	}
	code := r.PostForm.Get("code")
	g, ok := p.grants[code]
	delete(p.grants, code) // a code is good once
	switch {
	case r.PostForm.Get("grant_type") != "authorization_code",
		!ok,
		g.clientID != id,
		r.PostForm.Get("redirect_uri") != g.redirectURI,
		oauth2.S256ChallengeFromVerifier(r.PostForm.Get("code_verifier")) != g.challenge:
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_grant"})
		return
	}
	now := time.Now()
	claims := map[string]any{
		"iss":            p.issuer(),
		"sub":            "a1b2c3-pseudonym",
		"aud":            testClientID,
		"iat":            now.Unix(),
		"exp":            now.Add(2 * time.Minute).Unix(),
		"nonce":          g.nonce,
		"email":          "kari.nordmann@drangedal.kommune.no",
		"email_verified": true,
		"name":           "Kari Nordmann",
	}
	if p.claims != nil {
		p.claims(claims)
	}
	payload, err := json.Marshal(claims)
	if err != nil {
		p.t.Error(err)
		return
	}
	signer := p.signer
	if p.rogue != nil {
		signer = p.rogue
	}
	jws, err := signer.Sign(payload)
	if err != nil {
		p.t.Error(err)
		return
	}
	idToken, err := jws.CompactSerialize()
	if err != nil {
		p.t.Error(err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"access_token": rand.Text(),
		"token_type":   "Bearer",
		"expires_in":   120,
		"id_token":     idToken,
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// login follows authURL to the fake provider and returns the state and code
// it sends back to the redirect URL.
func (p *fakeProvider) login(t *testing.T, authURL string) (state, code string) {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
	resp, err := client.Get(authURL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusFound {
		body, _ := io.ReadAll(resp.Body)
		t.Fatalf("authorize answered %s: %s", resp.Status, body)
	}
	loc, err := url.Parse(resp.Header.Get("Location"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(loc.String(), testRedirectURL+"?") {
		t.Fatalf("redirected to %s, want %s", loc, testRedirectURL)
	}
	return loc.Query().Get("state"), loc.Query().Get("code")
}

func newTestOIDC(t *testing.T, p *fakeProvider) *OIDC {
	t.Helper()
	o, err := NewOIDC(t.Context(), OIDCConfig{
		Issuer:       p.issuer(),
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
	p := newFakeProvider(t)
	o := newTestOIDC(t, p)
	authURL, st, err := o.Start()
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(authURL)
	if err != nil {
		t.Fatal(err)
	}
	if got := u.Scheme + "://" + u.Host + u.Path; got != p.issuer()+"/authorize" {
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
	want := func(p *fakeProvider) Identity {
		return Identity{
			Issuer:        p.issuer(),
			Subject:       "a1b2c3-pseudonym",
			Email:         "kari.nordmann@drangedal.kommune.no",
			EmailVerified: true,
			Name:          "Kari Nordmann",
		}
	}
	tests := []struct {
		name string
		// setup changes the provider before the log-in.
		setup func(t *testing.T, p *fakeProvider)
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
			setup: func(t *testing.T, p *fakeProvider) {
				p.claims = func(c map[string]any) { c["nonce"] = "replayed" }
			},
			wantErr: "nonce does not match", wantIs: ErrNonceMismatch, wantExchange: true,
		},
		{
			name: "provider signs no nonce",
			setup: func(t *testing.T, p *fakeProvider) {
				p.claims = func(c map[string]any) { delete(c, "nonce") }
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
			setup: func(t *testing.T, p *fakeProvider) {
				p.claims = func(c map[string]any) { c["aud"] = "another-client" }
			},
			wantErr: "audience", wantExchange: true,
		},
		{
			name: "several audiences, issued to another client",
			setup: func(t *testing.T, p *fakeProvider) {
				p.claims = func(c map[string]any) {
					c["aud"] = []string{"another-client", testClientID}
					c["azp"] = "another-client"
				}
			},
			wantErr: "not to this client", wantExchange: true,
		},
		{
			name: "several audiences, issued to us",
			setup: func(t *testing.T, p *fakeProvider) {
				p.claims = func(c map[string]any) {
					c["aud"] = []string{"another-client", testClientID}
					c["azp"] = testClientID
				}
			},
			wantExchange: true,
		},
		{
			name: "token from another issuer",
			setup: func(t *testing.T, p *fakeProvider) {
				p.claims = func(c map[string]any) { c["iss"] = "https://evil.example/" }
			},
			wantErr: "issued by a different provider", wantExchange: true,
		},
		{
			name: "expired token",
			setup: func(t *testing.T, p *fakeProvider) {
				p.claims = func(c map[string]any) { c["exp"] = time.Now().Add(-time.Minute).Unix() }
			},
			wantErr: "expired", wantExchange: true,
		},
		{
			name: "signed with a key not in the JWKS",
			setup: func(t *testing.T, p *fakeProvider) {
				p.rogue = newSigner(t, newRSAKey(t), "test-key")
			},
			wantErr: "verify id token", wantExchange: true,
		},
		{
			name: "no subject",
			setup: func(t *testing.T, p *fakeProvider) {
				p.claims = func(c map[string]any) { delete(c, "sub") }
			},
			wantErr: "no subject", wantExchange: true,
		},
		{
			name: "email_verified as a string, no name",
			setup: func(t *testing.T, p *fakeProvider) {
				p.claims = func(c map[string]any) {
					c["email_verified"] = "false"
					delete(c, "name")
				}
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
			setup: func(t *testing.T, p *fakeProvider) {
				p.claims = func(c map[string]any) {
					delete(c, "email")
					delete(c, "email_verified")
				}
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
			p := newFakeProvider(t)
			if tt.setup != nil {
				tt.setup(t, p)
			}
			o := newTestOIDC(t, p)
			authURL, st, err := o.Start()
			if err != nil {
				t.Fatal(err)
			}
			state, code := p.login(t, authURL)
			if tt.tamper != nil {
				tt.tamper(&st, &state, &code)
			}
			got, err := o.Finish(t.Context(), st, state, code)

			p.mu.Lock()
			exchanged := p.tokens > 0
			p.mu.Unlock()
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
	p := newFakeProvider(t)
	o := newTestOIDC(t, p)
	authURL, st, err := o.Start()
	if err != nil {
		t.Fatal(err)
	}
	state, code := p.login(t, authURL)
	if _, err := o.Finish(t.Context(), st, state, code); err != nil {
		t.Fatal(err)
	}
	if _, err := o.Finish(t.Context(), st, state, code); err == nil {
		t.Fatal("second Finish with the same code succeeded")
	}
}

func TestNewOIDCErrors(t *testing.T) {
	p := newFakeProvider(t)
	good := OIDCConfig{Issuer: p.issuer(), ClientID: testClientID, RedirectURL: testRedirectURL}
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
		{"no provider there", func(c *OIDCConfig) { c.Issuer = p.issuer() + "/nothing" }, "discover"},
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
	p := newFakeProvider(t)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := NewOIDC(ctx, OIDCConfig{Issuer: p.issuer(), ClientID: testClientID, RedirectURL: testRedirectURL})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("NewOIDC with a cancelled context = %v, want context.Canceled", err)
	}
}
