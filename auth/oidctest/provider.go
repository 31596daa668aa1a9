package oidctest

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/subtle"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
	"golang.org/x/oauth2"
)

// keyID is the key id the provider publishes and signs with.
const keyID = "oidctest-key"

// Identity is the person the provider says logged in.
type Identity struct {
	// Subject is the "sub" claim.
	Subject string
	// Email and EmailVerified are the "email" and "email_verified" claims,
	// both left out when Email is "" (as ID-porten does).
	Email         string
	EmailVerified bool
	// Name is the "name" claim, left out when "".
	Name string
}

// DefaultSubject is the subject of the person who logs in until a test
// calls SetIdentity: a pseudonym with no e-mail and no name, as ID-porten
// gives.
const DefaultSubject = "oidctest-subject"

// Provider is an OpenID provider running in a test server, with one client
// registered. It is safe for concurrent use.
type Provider struct {
	t                      testing.TB
	srv                    *httptest.Server
	clientID, clientSecret string
	key                    *rsa.PrivateKey
	signer                 jose.Signer

	mu           sync.Mutex
	identity     Identity
	redirectURIs []string
	grants       map[string]grant // by code
	tokens       int              // token requests seen
	claims       func(map[string]any)
	rogue        jose.Signer // signs instead of signer, when set
}

// grant is what the provider remembers about an authorization request.
type grant struct {
	redirectURI, challenge, nonce string
	identity                      Identity
}

// New starts a provider with one client registered, clientID with
// clientSecret ("" for a public client), and a new RSA key. It stops when
// the test ends. Its issuer is Issuer(), without a trailing slash.
func New(t testing.TB, clientID, clientSecret string) *Provider {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	p := &Provider{
		t:            t,
		clientID:     clientID,
		clientSecret: clientSecret,
		key:          key,
		signer:       newSigner(t, key),
		identity:     Identity{Subject: DefaultSubject},
		grants:       make(map[string]grant),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /.well-known/openid-configuration", p.discovery)
	mux.HandleFunc("GET /jwks", p.jwks)
	mux.HandleFunc("GET /authorize", p.authorize)
	mux.HandleFunc("POST /token", p.token)
	p.srv = httptest.NewServer(mux)
	t.Cleanup(p.srv.Close)
	return p
}

func newSigner(t testing.TB, key *rsa.PrivateKey) jose.Signer {
	t.Helper()
	s, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: jose.JSONWebKey{Key: key, KeyID: keyID}},
		(&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Issuer is the provider's issuer URL, as its discovery document spells it.
func (p *Provider) Issuer() string { return p.srv.URL }

// SetIdentity sets who logs in at the authorization requests from now on.
// A log-in already past the authorization endpoint keeps the identity it
// had there, as at a real provider.
func (p *Provider) SetIdentity(id Identity) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.identity = id
}

// RegisterRedirectURI registers a redirect URI of the client. Until one is
// registered the authorization endpoint takes any http(s) URL; after, only
// the registered ones, as a real provider does.
func (p *Provider) RegisterRedirectURI(uri string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.redirectURIs = append(p.redirectURIs, uri)
}

// SetClaims makes the token endpoint hand the claims of every ID token to
// change before signing them ("iss", "sub", "aud", "iat", "exp", "nonce"
// and the identity's), for tests of tokens the client must refuse: another
// audience, an expired token, a wrong nonce. nil stops it.
func (p *Provider) SetClaims(change func(claims map[string]any)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.claims = change
}

// SignWithUnpublishedKey makes the provider sign ID tokens from now on with
// a new key that is not in its key set, under the published key's id.
func (p *Provider) SignWithUnpublishedKey() {
	p.t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		p.t.Fatal(err)
	}
	s := newSigner(p.t, key)
	p.mu.Lock()
	defer p.mu.Unlock()
	p.rogue = s
}

// TokenRequests is how many requests the token endpoint has had, good or
// bad: whether a client sent a code to be exchanged.
func (p *Provider) TokenRequests() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.tokens
}

// Authorize does what a browser does with authURL, the URL a client sends
// it to: it fetches it without following the redirect and returns where
// the provider sends the browser back, redirect_uri with "code" and
// "state". Anything but a redirect fails the test.
func (p *Provider) Authorize(t testing.TB, authURL string) (callback *url.URL) {
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
	return loc
}

func (p *Provider) discovery(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{
		"issuer":                                p.Issuer(),
		"authorization_endpoint":                p.Issuer() + "/authorize",
		"token_endpoint":                        p.Issuer() + "/token",
		"jwks_uri":                              p.Issuer() + "/jwks",
		"response_types_supported":              []string{"code"},
		"subject_types_supported":               []string{"public", "pairwise"},
		"id_token_signing_alg_values_supported": []string{"RS256"},
		"code_challenge_methods_supported":      []string{"S256"},
		"token_endpoint_auth_methods_supported": []string{"client_secret_basic", "client_secret_post"},
	})
}

func (p *Provider) jwks(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, jose.JSONWebKeySet{Keys: []jose.JSONWebKey{{
		Key: &p.key.PublicKey, KeyID: keyID, Algorithm: string(jose.RS256), Use: "sig",
	}}})
}

// authorize checks the request as ID-porten would and redirects back with a
// code at once, as if the person had logged in.
func (p *Provider) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	for name, want := range map[string]string{
		"response_type":         "code",
		"client_id":             p.clientID,
		"code_challenge_method": "S256",
	} {
		if got := q.Get(name); got != want {
			http.Error(w, name+" is "+got+", want "+want, http.StatusBadRequest)
			return
		}
	}
	if !slices.Contains(strings.Fields(q.Get("scope")), "openid") {
		http.Error(w, "scope lacks openid", http.StatusBadRequest)
		return
	}
	for _, name := range []string{"state", "nonce", "code_challenge", "redirect_uri"} {
		if q.Get(name) == "" {
			http.Error(w, name+" missing", http.StatusBadRequest)
			return
		}
	}
	back, err := url.Parse(q.Get("redirect_uri"))
	if err != nil || (back.Scheme != "http" && back.Scheme != "https") || back.Host == "" || back.Fragment != "" {
		http.Error(w, "redirect_uri is not an absolute http(s) URL", http.StatusBadRequest)
		return
	}
	code := rand.Text()
	p.mu.Lock()
	if len(p.redirectURIs) > 0 && !slices.Contains(p.redirectURIs, back.String()) {
		p.mu.Unlock()
		// Never redirect to an unregistered URI: say so to the browser.
		http.Error(w, "redirect_uri "+back.String()+" is not registered", http.StatusBadRequest)
		return
	}
	p.grants[code] = grant{
		redirectURI: q.Get("redirect_uri"),
		challenge:   q.Get("code_challenge"),
		nonce:       q.Get("nonce"),
		identity:    p.identity,
	}
	p.mu.Unlock()
	params := back.Query()
	params.Set("code", code)
	params.Set("state", q.Get("state"))
	back.RawQuery = params.Encode()
	http.Redirect(w, r, back.String(), http.StatusFound)
}

func (p *Provider) token(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.tokens++
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	id, secret, ok := r.BasicAuth()
	var idErr, secretErr error
	if ok {
		// RFC 6749 2.3.1: id and secret are form-encoded before Basic.
		id, idErr = url.QueryUnescape(id)
		secret, secretErr = url.QueryUnescape(secret)
	} else {
		id, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	if idErr != nil || secretErr != nil || id != p.clientID || subtle.ConstantTimeCompare([]byte(secret), []byte(p.clientSecret)) != 1 {
		writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "invalid_client"})
		return
	}
	code := r.PostForm.Get("code")
	g, ok := p.grants[code]
	delete(p.grants, code) // a code is good once
	switch {
	case r.PostForm.Get("grant_type") != "authorization_code",
		!ok,
		r.PostForm.Get("redirect_uri") != g.redirectURI,
		oauth2.S256ChallengeFromVerifier(r.PostForm.Get("code_verifier")) != g.challenge:
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_grant"})
		return
	}
	now := time.Now()
	claims := map[string]any{
		"iss":   p.Issuer(),
		"sub":   g.identity.Subject,
		"aud":   p.clientID,
		"iat":   now.Unix(),
		"exp":   now.Add(2 * time.Minute).Unix(),
		"nonce": g.nonce,
	}
	if g.identity.Email != "" {
		claims["email"] = g.identity.Email
		claims["email_verified"] = g.identity.EmailVerified
	}
	if g.identity.Name != "" {
		claims["name"] = g.identity.Name
	}
	if p.claims != nil {
		p.claims(claims)
	}
	idToken, err := p.sign(claims)
	if err != nil {
		p.t.Errorf("oidctest: sign the id token: %v", err)
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"access_token": rand.Text(),
		"token_type":   "Bearer",
		"expires_in":   120,
		"id_token":     idToken,
	})
}

// sign signs claims as a compact JWS; p.mu is held.
func (p *Provider) sign(claims map[string]any) (string, error) {
	payload, err := json.Marshal(claims)
	if err != nil {
		return "", err
	}
	signer := p.signer
	if p.rogue != nil {
		signer = p.rogue
	}
	jws, err := signer.Sign(payload)
	if err != nil {
		return "", err
	}
	return jws.CompactSerialize()
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
